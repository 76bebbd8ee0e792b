package org.vinfra.cli.fuzz;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.PrintWriter;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs one fuzz test ({@code Class#method} of this package) through the JUnit launcher, as releng/fuzz
 * does for each target in its own JVM (Jazzer fuzzes one test per JVM). Jazzer's settings come as
 * system properties ({@code jazzer.internal.arg.N} for libFuzzer's arguments), and the environment
 * variable {@code JAZZER_FUZZ=1} makes it fuzz instead of replaying the committed inputs.
 * Exit code 0 when the test passed (no finding), 1 otherwise.
 */
public final class FuzzCampaign {

    private FuzzCampaign() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || !args[0].contains("#")) {
            System.err.println("usage: FuzzCampaign Class#method (a fuzz test of org.vinfra.cli.fuzz)");
            System.exit(2);
        }
        String[] target = args[0].split("#", 2);
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(FuzzCampaign.class.getPackageName() + "." + target[0], target[1], "com.code_intelligence.jazzer.api.FuzzedDataProvider"))
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        summary.printFailuresTo(new PrintWriter(System.err, true), 40);
        System.err.println("fuzz test " + args[0] + ": " + summary.getTestsSucceededCount() + " passed, " + summary.getTestsFailedCount() + " failed");
        System.exit(summary.getTotalFailureCount() == 0 && summary.getTestsFoundCount() > 0 ? 0 : 1);
    }
}
