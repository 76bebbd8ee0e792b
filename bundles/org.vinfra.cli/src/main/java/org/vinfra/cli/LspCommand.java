package org.vinfra.cli;

import java.util.concurrent.Callable;

import org.eclipse.xtext.ide.server.ServerLauncher;
import org.eclipse.xtext.ide.server.ServerModule;

import picocli.CommandLine.Command;

@Command(name = "lsp", description = {
        "Serves the editor features of .vinfra files (diagnostics, completion, hover, navigation, rename, formatting, quick fixes)",
        "to any Language Server Protocol client over standard input and output." })
final class LspCommand implements Callable<Integer> {

    /** Xtext's server options: -log (log to a file in the working folder), -trace (trace the protocol), -noValidate. */
    @picocli.CommandLine.Unmatched
    private java.util.List<String> options = new java.util.ArrayList<>();

    @Override
    public Integer call() {
        ServerLauncher.launch(LspCommand.class.getName(), options.toArray(String[]::new), new ServerModule());
        return VinfraCli.OK;
    }
}
