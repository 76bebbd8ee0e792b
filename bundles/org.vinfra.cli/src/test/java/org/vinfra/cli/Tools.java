package org.vinfra.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs the real tools (docker-compose, podman, LXC, libvirt) for the tests. Where a tool is missing
 * the test is skipped, unless VINFRA_REAL_TOOLS=required (as in CI), where it fails.
 */
final class Tools {

    record Run(int exit, String output) {
        boolean ok() {
            return exit == 0;
        }
    }

    private Tools() {
    }

    static void require(String... commands) {
        for (String command : commands) {
            boolean found = false;
            for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
                if (Files.isExecutable(Path.of(folder, command))) {
                    found = true;
                }
            }
            if (!found) {
                if ("required".equals(System.getenv("VINFRA_REAL_TOOLS"))) {
                    fail(command + " is not installed, and VINFRA_REAL_TOOLS=required (.ci/run installs it)");
                }
                Assumptions.abort(command + " is not installed");
            }
        }
    }

    static Run run(List<String> command, Path directory, Map<String, String> environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("timed out: " + command);
            }
            return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Run run(String... command) {
        return run(List.of(command), null, Map.of());
    }
}
