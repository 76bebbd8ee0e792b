package org.vinfra.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Start-up as a user meets it, whole processes side by side in one run: a bare JVM ({@code java -version}
 * of the same JDK), {@code ./vinfra validate} on a small example, and {@code ./vinfra lsp} answering the
 * Language Server Protocol's {@code initialize} request for a workspace of the course labs ({@code examples/}, 12 models:
 * the server indexes every .vinfra file under the workspace root before it answers). Prints medians (milliseconds, wall clock) and the
 * ratios to the bare JVM. Targets (issue 10): validate within 6x the bare JVM, initialize within 1 s.
 */
@Command(name = "startup", description = {
        "Times whole processes side by side: a bare JVM (java -version), ./vinfra validate on a small example and",
        "./vinfra lsp answering initialize; prints medians and the ratios to the bare JVM." })
final class StartupBenchmark implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--warmup", defaultValue = "1", description = "Unmeasured rounds (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--rounds", defaultValue = "7", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--example", defaultValue = "examples/lxc-alpine.vinfra", description = "The model to validate (default: ${DEFAULT-VALUE}).")
    private Path example;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path root = Path.of(System.getProperty("vinfra.root", "."));
        Path script = root.resolve("vinfra");
        if (!Files.isExecutable(script)) {
            throw new UserError("the startup benchmark runs " + script + ", which is missing: run it as ./vinfra benchmark startup",
                    VinfraCli.USAGE_OR_IO);
        }
        Path model = root.resolve(example);
        if (!Files.isRegularFile(model)) {
            throw new UserError(model + ": no such file", VinfraCli.USAGE_OR_IO);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Long> bare = new ArrayList<>();
        List<Long> validate = new ArrayList<>();
        List<Long> initialize = new ArrayList<>();
        for (int round = 0; round < warmup + rounds; round++) {
            long b = time(new ProcessBuilder(java, "-Xshare:auto", "-version"));
            long v = time(new ProcessBuilder(script.toString(), "validate", "-q", model.toString()));
            long i = lspInitialize(script, root.resolve("examples"));
            boolean measured = round >= warmup;
            out.printf(Locale.ROOT, "%s %d: java -version %d ms, validate %d ms, lsp initialize %d ms%n",
                    measured ? "round" : "warm-up", round + 1, b, v, i);
            out.flush();
            if (measured) {
                bare.add(b);
                validate.add(v);
                initialize.add(i);
            }
        }
        long bareMedian = median(bare);
        long validateMedian = median(validate);
        long initializeMedian = median(initialize);
        out.printf(Locale.ROOT, "bare JVM (java -version): median %d ms (best %d, worst %d)%n", bareMedian, Collections.min(bare),
                Collections.max(bare));
        out.printf(Locale.ROOT, "./vinfra validate %s: median %d ms (best %d, worst %d): %.1fx the bare JVM (target: within 6x)%n",
                example, validateMedian, Collections.min(validate), Collections.max(validate), (double) validateMedian / bareMedian);
        out.printf(Locale.ROOT, "./vinfra lsp, initialize answered: median %d ms (best %d, worst %d): %.1fx the bare JVM (target: under 1000 ms)%n",
                initializeMedian, Collections.min(initialize), Collections.max(initialize), (double) initializeMedian / bareMedian);
        return VinfraCli.OK;
    }

    private static long time(ProcessBuilder command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = command.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new UserError(String.join(" ", command.command()) + " did not end within 60 s", VinfraCli.USAGE_OR_IO);
        }
        if (process.exitValue() != 0) {
            throw new UserError(String.join(" ", command.command()) + " exited with " + process.exitValue(), VinfraCli.USAGE_OR_IO);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Starts {@code ./vinfra lsp}, sends initialize for the workspace and times until its response has arrived; then shuts the server down. */
    private static long lspInitialize(Path script, Path workspace) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(script.toString(), "lsp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            OutputStream in = process.getOutputStream();
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,\"rootUri\":\""
                    + workspace.toUri() + "\",\"capabilities\":{}}}");
            readResponse(process.getInputStream(), 1);
            long millis = (System.nanoTime() - start) / 1_000_000;
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return millis;
        } finally {
            process.destroyForcibly();
        }
    }

    private static void send(OutputStream in, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        in.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        in.write(body);
        in.flush();
    }

    /** Reads LSP messages until the response with the given id. */
    private static void readResponse(InputStream from, int id) throws IOException {
        while (true) {
            int length = -1;
            StringBuilder line = new StringBuilder();
            while (true) {
                int c = from.read();
                if (c < 0) {
                    throw new UserError("./vinfra lsp ended before answering initialize", VinfraCli.USAGE_OR_IO);
                }
                if (c == '\n') {
                    String header = line.toString().trim();
                    if (header.isEmpty()) {
                        break;
                    }
                    if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(header.substring("content-length:".length()).trim());
                    }
                    line.setLength(0);
                } else {
                    line.append((char) c);
                }
            }
            String body = new String(from.readNBytes(length), StandardCharsets.UTF_8);
            if (body.contains("\"id\":" + id + ",") || body.contains("\"id\":" + id + "}") || body.contains("\"id\":\"" + id + "\"")) {
                return;
            }
        }
    }

    private static long median(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
