package org.vinfra.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.vinfra.lang.ide.server.VinfraServerModule;

import com.google.inject.Guice;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Xtext's language server over standard input and output. Started here rather than through Xtext's
 * {@code ServerLauncher}, which polls for the end of its input every 10 s: an editor that closes the
 * pipe now sees the process end at once.
 */
@Command(name = "lsp", description = {
        "Serves the editor features of .vinfra files (diagnostics, completion, hover, navigation, rename, formatting, quick fixes)",
        "to any Language Server Protocol client over standard input and output. Ends when the client sends exit or closes the input." })
final class LspCommand implements Callable<Integer> {

    @Option(names = "--trace", description = "Copy every protocol message to standard error.")
    private boolean trace;

    @Override
    public Integer call() throws InterruptedException {
        InputStream in = System.in;
        PrintStream out = System.out;
        // Standard output carries the protocol: anything else printed goes to standard error.
        System.setOut(System.err);
        LanguageServerImpl server = Guice.createInjector(new VinfraServerModule()).getInstance(LanguageServerImpl.class);
        Launcher.Builder<LanguageClient> builder = new LSPLauncher.Builder<LanguageClient>().setLocalService(server)
                .setRemoteInterface(LanguageClient.class).setInput(in).setOutput(out).validateMessages(false)
                .setExceptionHandler(LspCommand::internalError);
        if (trace) {
            builder.traceMessages(new PrintWriter(System.err, true));
        }
        Launcher<LanguageClient> launcher = builder.create();
        server.connect(launcher.getRemoteProxy());
        try {
            launcher.startListening().get();
        } catch (ExecutionException e) {
            throw new UserError("the connection to the editor failed: " + e.getCause().getMessage(), VinfraCli.USAGE_OR_IO);
        }
        return VinfraCli.OK;
    }

    /**
     * What the editor is told when answering a request failed inside the server: what to do, never Java's
     * text nor the document's (LSP4J's default answer carries the exception with its stack trace).
     */
    static ResponseError internalError(Throwable failure) {
        // a refusal the server means (a rename the model cannot take, a file with syntax errors not formatted) reaches
        // here wrapped by Xtext's request manager: its answer is the one to give
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ResponseErrorException answer) {
                return answer.getResponseError();
            }
        }
        if (System.getenv("VINFRA_DEBUG") != null) {
            failure.printStackTrace(System.err);
        }
        return new ResponseError(ResponseErrorCode.InternalError, "vinfra could not answer this request (an internal error, not a fault"
                + " of your file). Edit on: the next change is checked afresh; if it happens again, start the server with VINFRA_DEBUG=1"
                + " set and report what it prints.", null);
    }
}
