package org.vinfra.cli;

import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.vinfra.lang.ide.server.VinfraServerModule;

import com.google.inject.Guice;
import com.google.inject.Injector;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The training run behind vinfra's fast start: the {@code ./vinfra} script runs it once after a build
 * with {@code -XX:AOTCacheOutput} (JDK 25+, JEP 483) or {@code -XX:ArchiveClassesAtExit} (before), so that the
 * JVM records the classes a real session loads and links (validating, formatting, simulating and drawing a model,
 * a language server answering initialize and checking an opened file) into an AOT cache or a class-data sharing
 * archive that later runs map instead of loading, verifying and linking those classes again.
 * Hidden from the help: users never need it.
 */
@Command(name = "train-startup", hidden = true, description = "Exercises one kind of command once (for its AOT cache or the class-data sharing archive).")
final class StartupTrainingCommand implements Callable<Integer> {

    /** A valid model, so that the training takes the paths of a successful run (VinfraCliTest checks it). */
    static final String MODEL = """
            // vinfra's start-up training model
            host server1 {
            	cpu {
            		sockets 1
            		cores 4
            		features vt-x
            	}
            	memory 16 GiB
            	hypervisor kvm
            }
            network lan {
            	cidr 10.0.0.0/24
            }
            vm web[1..2] on server1 {
            	vcpus 2
            	memory 2 GiB
            	nic eth0 on lan
            }
            container cache {
            	image "redis:7"
            }
            workload job on web {
            	instructions 10 GI
            	threads 2
            }
            """;

    /** What to train for: the commands of one kind, so that a cache holds only what they load. */
    @Parameters(arity = "0..1", defaultValue = "all", description = "model (validate, format, generate, import), simulate, diagram, lsp or all.")
    private String kind;

    @Override
    public Integer call() throws Exception {
        if (!List.of("all", "model", "simulate", "diagram", "lsp").contains(kind)) {
            throw new UserError("train-startup trains model, simulate, diagram, lsp or all, not '" + kind + "'", VinfraCli.USAGE_OR_IO);
        }
        Path folder = Files.createTempDirectory("vinfra-training");
        Path model = folder.resolve("training.vinfra");
        Path generated = folder.resolve("generated");
        Path svg = folder.resolve("training.svg");
        try {
            Files.writeString(model, MODEL);
            PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream());
            if (kind.equals("all") || kind.equals("model")) {
                VinfraCli.run(new String[] { "validate", model.toString() }, discard, discard);
                VinfraCli.run(new String[] { "format", "--check", model.toString() }, discard, discard);
                VinfraCli.run(new String[] { "generate", model.toString(), "-o", generated.toString() }, discard, discard);
            }
            if (kind.equals("all") || kind.equals("simulate")) {
                for (String format : new String[] { "text", "json" }) {
                    VinfraCli.run(new String[] { "simulate", model.toString(), "--for", "1 min", "--format", format }, discard, discard);
                }
            }
            if (kind.equals("all") || kind.equals("diagram")) {
                VinfraCli.run(new String[] { "diagram", model.toString(), "--svg", svg.toString() }, discard, discard);
            }
            if (kind.equals("all") || kind.equals("lsp")) {
                languageServerSession(model);
            }
        } finally {
            if (Files.isDirectory(generated)) {
                try (java.util.stream.Stream<Path> files = Files.walk(generated)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                }
            }
            Files.deleteIfExists(svg);
            Files.deleteIfExists(model);
            Files.deleteIfExists(folder);
        }
        return VinfraCli.OK;
    }

    /** What an editor does first: initialize, open a file, wait for its diagnostics, hover, shut down; over JSON-RPC in pipes. */
    private static void languageServerSession(Path model) throws Exception {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        Injector injector = Guice.createInjector(new VinfraServerModule());
        LanguageServerImpl server = injector.getInstance(LanguageServerImpl.class);
        Launcher<LanguageClient> serverLauncher = LSPLauncher.createServerLauncher(server, serverIn, serverOut);
        server.connect(serverLauncher.getRemoteProxy());
        serverLauncher.startListening();
        CountDownLatch diagnosed = new CountDownLatch(1);
        LanguageClient client = new LanguageClient() {
            @Override
            public void telemetryEvent(Object object) {
            }

            @Override
            public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
                diagnosed.countDown();
            }

            @Override
            public void showMessage(MessageParams message) {
            }

            @Override
            public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void logMessage(MessageParams message) {
            }
        };
        Launcher<LanguageServer> clientLauncher = LSPLauncher.createClientLauncher(client, clientIn, clientOut);
        clientLauncher.startListening();
        LanguageServer remote = clientLauncher.getRemoteProxy();
        InitializeParams initialize = new InitializeParams();
        initialize.setCapabilities(new ClientCapabilities());
        String folder = model.getParent().toUri().toString();
        initialize.setRootUri(folder);
        initialize.setWorkspaceFolders(List.of(new WorkspaceFolder(folder, "training")));
        remote.initialize(initialize).get(60, TimeUnit.SECONDS);
        remote.initialized(new InitializedParams());
        String uri = model.toUri().toString();
        remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "vinfra", 1, MODEL)));
        diagnosed.await(60, TimeUnit.SECONDS);
        remote.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(1, 6))).get(60, TimeUnit.SECONDS);
        remote.shutdown().get(60, TimeUnit.SECONDS);
    }
}
