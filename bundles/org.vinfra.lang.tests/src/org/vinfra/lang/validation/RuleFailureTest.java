package org.vinfra.lang.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;

import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.FeatureBasedDiagnostic;
import org.junit.jupiter.api.Test;
import org.vinfra.lang.VinfraStandaloneSetup;
import org.vinfra.lang.vinfra.VirtualMachine;
import org.vinfra.lang.workspace.ModelSet;

import com.google.inject.Injector;

/**
 * A rule of vinfra that throws (a bug) neither stops validation nor hides: the element it checked gets a
 * vinfra.internal-error in vinfra's words, and the rules after it still run.
 */
class RuleFailureTest {

    /** Two rules on virtual machines: one fails on the VM named 'boom', the other reports every VM it sees. */
    static class FailingRule extends VinfraCheck {
        @Check
        public void divide(VirtualMachine vm) {
            if ("boom".equals(vm.getName())) {
                throw new ArithmeticException("/ by zero");
            }
        }

        @Check
        public void seen(VirtualMachine vm) {
            warning("seen", vm, null, "test.seen");
        }
    }

    @Test
    void aFailingRuleBecomesAnErrorOnTheElementItChecked() throws IOException {
        Injector injector = new VinfraStandaloneSetup().createInjectorAndDoEMFRegistration();
        ModelSet models = injector.getInstance(ModelSet.class);
        models.loadText("rule.vinfra", "host h { memory 8 GiB }\nvm ok on h { vcpus 1 }\nvm boom on h { vcpus 1 }\n");
        FailingRule rule = injector.getInstance(FailingRule.class);
        BasicDiagnostic chain = new BasicDiagnostic();
        models.models().get(0).eAllContents().forEachRemaining(element -> rule.validate(element, chain, new HashMap<>()));

        List<Diagnostic> failures = chain.getChildren().stream()
                .filter(d -> d instanceof FeatureBasedDiagnostic f && IssueCodes.INTERNAL_ERROR.equals(f.getIssueCode())).toList();
        assertEquals(1, failures.size(), () -> "one internal error in " + chain.getChildren());
        FeatureBasedDiagnostic failure = (FeatureBasedDiagnostic) failures.get(0);
        assertEquals(Diagnostic.ERROR, failure.getSeverity());
        assertEquals("boom", ((VirtualMachine) failure.getSourceEObject()).getName(), "reported on the VM the rule was checking");
        String message = failure.getMessage();
        assertTrue(message.contains("virtual machine 'boom'") && message.contains("FailingRule.divide") && message.contains("report"), message);
        assertFalse(message.contains("ArithmeticException") || message.contains("by zero"), () -> "Java's text: " + message);
        long seen = chain.getChildren().stream().filter(d -> d instanceof FeatureBasedDiagnostic f && "test.seen".equals(f.getIssueCode())).count();
        assertEquals(2, seen, "the other rule still ran on both VMs");
    }
}
