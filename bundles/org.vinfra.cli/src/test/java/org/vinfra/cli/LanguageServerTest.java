package org.vinfra.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./vinfra lsp as an editor sees it: a separate process spoken to over stdio with LSP4J. */
class LanguageServerTest {

    private static final String TEXT = """
            host h {
            	cpu {
            		cores 2
            		features vt-x
            	}
            	memory 8 GiB
            	hypervisor kvm
            }

            vm v on h {
            	vcpus  4
            	memory 1 GiB
            }
            """;

    private static final class Client implements LanguageClient {
        final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams params) {
            diagnostics.add(params);
        }

        @Override
        public void showMessage(MessageParams params) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams params) {
        }
    }

    @Test
    void anEditorGetsDiagnosticsHoverNavigationCompletionFormattingAndQuickFixes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lab.vinfra");
        Files.writeString(file, TEXT);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), VinfraCli.class.getName(), "lsp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Client client = new Client();
            Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, process.getInputStream(), process.getOutputStream());
            launcher.startListening();
            LanguageServer server = launcher.getRemoteProxy();
            InitializeParams init = new InitializeParams();
            init.setCapabilities(new org.eclipse.lsp4j.ClientCapabilities());
            init.setRootUri(dir.toUri().toString());
            init.setWorkspaceFolders(List.of(new WorkspaceFolder(dir.toUri().toString(), "lab")));
            server.initialize(init).get(60, TimeUnit.SECONDS);
            server.initialized(new InitializedParams());
            String uri = file.toUri().toString();
            TextDocumentIdentifier document = new TextDocumentIdentifier(uri);
            server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "vinfra", 1, TEXT)));

            Diagnostic vcpus = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (vcpus == null && System.nanoTime() < deadline) {
                PublishDiagnosticsParams published = client.diagnostics.poll(1, TimeUnit.SECONDS);
                if (published != null && published.getUri().endsWith("lab.vinfra")) {
                    vcpus = published.getDiagnostics().stream().filter(d -> d.getCode() != null
                            && "vinfra.vcpus-exceed-host".equals(d.getCode().getLeft())).findFirst().orElse(null);
                }
            }
            assertTrue(vcpus != null, "the diagnostic of too many vCPUs arrives");
            assertEquals(10, vcpus.getRange().getStart().getLine());

            Hover hover = server.getTextDocumentService().hover(new HoverParams(document, new Position(9, 8))).get(30, TimeUnit.SECONDS);
            String shown = hover.getContents().getRight().getValue();
            assertTrue(shown.contains("2 logical CPUs") && shown.contains("type-1"), "the hover explains the host: " + shown);

            List<? extends Location> definition = server.getTextDocumentService().definition(new DefinitionParams(document, new Position(9, 8)))
                    .get(30, TimeUnit.SECONDS).getLeft();
            assertEquals(0, definition.get(0).getRange().getStart().getLine(), "go to definition reaches host h");

            var completed = server.getTextDocumentService().completion(new CompletionParams(document, new Position(12, 0)))
                    .get(30, TimeUnit.SECONDS);
            List<CompletionItem> completion = completed.isLeft() ? completed.getLeft() : completed.getRight().getItems();
            assertTrue(completion.stream().anyMatch(item -> item.getLabel().equals("guest")), "keywords of a VM block are proposed");

            List<? extends TextEdit> formatting = server.getTextDocumentService().formatting(new DocumentFormattingParams(document,
                    new FormattingOptions(4, false))).get(30, TimeUnit.SECONDS);
            assertEquals(List.of(" "), formatting.stream().map(TextEdit::getNewText).toList(), "formatting folds 'vcpus  4' to one space");

            // a client that announces no token types (as the Eclipse editor, which colours keywords itself) gets the names only
            List<Integer> tokens = server.getTextDocumentService().semanticTokensFull(new org.eclipse.lsp4j.SemanticTokensParams(document))
                    .get(30, TimeUnit.SECONDS).getData();
            assertEquals(3 * 5, tokens.size(), "host h, vm v and the reference to h: " + tokens);

            List<CodeAction> actions = server.getTextDocumentService().codeAction(new CodeActionParams(document, vcpus.getRange(),
                    new CodeActionContext(List.of(vcpus)))).get(30, TimeUnit.SECONDS).stream().map(e -> e.getRight()).toList();
            assertEquals("Lower vcpus to 2 (the logical CPUs of h)", actions.get(0).getTitle());
            TextEdit fix = actions.get(0).getEdit().getChanges().get(uri).get(0);
            assertEquals("2", fix.getNewText());
            assertEquals(10, fix.getRange().getStart().getLine());

            String lxcUri = dir.resolve("lxc.vinfra").toUri().toString();
            String lxcText = "container alpine runtime lxc {\n\ttemplate \"alpine:3.19\"\n}\n";
            server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(lxcUri, "vinfra", 1, lxcText)));
            Diagnostic privileged = null;
            while (privileged == null && System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(30)) {
                PublishDiagnosticsParams published = client.diagnostics.poll(1, TimeUnit.SECONDS);
                if (published != null && published.getUri().endsWith("lxc.vinfra")) {
                    privileged = published.getDiagnostics().stream().filter(d -> d.getCode() != null
                            && "vinfra.lxc-privileged".equals(d.getCode().getLeft())).findFirst().orElse(null);
                }
            }
            assertTrue(privileged != null, "the privileged LXC container is reported");
            CodeAction unprivileged = server.getTextDocumentService().codeAction(new CodeActionParams(new TextDocumentIdentifier(lxcUri),
                    privileged.getRange(), new CodeActionContext(List.of(privileged)))).get(30, TimeUnit.SECONDS).get(0).getRight();
            TextEdit insert = unprivileged.getEdit().getChanges().get(lxcUri).get(0);
            assertEquals("\tunprivileged idmap 0 100000 65536\n", insert.getNewText());
            assertEquals(new Position(2, 0), insert.getRange().getStart(), "inserted before the closing brace");

            server.shutdown().get(30, TimeUnit.SECONDS);
            server.exit();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server ends on exit");
        } finally {
            process.destroyForcibly();
        }
    }
}
