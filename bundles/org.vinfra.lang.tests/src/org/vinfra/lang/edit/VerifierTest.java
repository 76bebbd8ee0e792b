package org.vinfra.lang.edit;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Test;
import org.vinfra.lang.VinfraStandaloneSetup;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.Network;

import com.google.inject.Injector;

/** The check every operation's edits pass before they are answered: the copy parses, links and keeps its meaning. */
class VerifierTest {

    private static final Injector INJECTOR = new VinfraStandaloneSetup().createInjectorAndDoEMFRegistration();
    private static final String TEXT = """
            network a {
            }
            network b {
            }
            host h {
            \thypervisor kvm
            }
            vm v on h {
            \tnic e on a
            }
            """;

    private XtextResource load(String text) throws IOException {
        XtextResourceSet set = INJECTOR.getInstance(XtextResourceSet.class);
        XtextResource resource = (XtextResource) set.createResource(URI.createFileURI("/tmp/verifier-test.vinfra"));
        resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
        EcoreUtil.resolveAll(set);
        return resource;
    }

    private EditResult verify(XtextResource resource, Verifier.Expectation expectation, TextEdit... edits) {
        return INJECTOR.getInstance(Verifier.class).verify(resource.getResourceSet(), Map.of(resource.getURI(), List.of(edits)), "test",
                List.of(), expectation);
    }

    @Test
    void aSyntaxErrorIsRefused() throws IOException {
        XtextResource resource = load(TEXT);
        int brace = TEXT.indexOf('}');
        EditResult result = verify(resource, new Verifier.Expectation(), TextEdit.delete(brace, 1));
        assertTrue(assertInstanceOf(EditResult.Refused.class, result).reason().contains("syntax error"), result.toString());
    }

    @Test
    void aReferenceLeftUnresolvedIsRefused() throws IOException {
        XtextResource resource = load(TEXT);
        EditResult result = verify(resource, new Verifier.Expectation(), TextEdit.replace(8, 9, "x"));
        String reason = assertInstanceOf(EditResult.Refused.class, result).reason();
        assertTrue(reason.contains("would leave a reference unresolved") && reason.contains("There is no network named 'a'"), reason);
    }

    @Test
    void aReferenceThatChangesMeaningIsRefusedUnlessMeant() throws IOException {
        XtextResource resource = load(TEXT);
        int reference = TEXT.indexOf("on a") + 3;
        EditResult result = verify(resource, new Verifier.Expectation(), TextEdit.replace(reference, reference + 1, "b"));
        String reason = assertInstanceOf(EditResult.Refused.class, result).reason();
        assertTrue(reason.contains("would change what 'a'") && reason.contains("network 'b' after"), reason);

        Network b = (Network) ((Model) resource.getContents().get(0)).getElements().get(1);
        String nic = Links.key(((Model) resource.getContents().get(0)).getElements().get(3)) + "/nics.0/network[0]";
        assertInstanceOf(EditResult.Applied.class, verify(resource, new Verifier.Expectation().change(nic, Links.key(b)),
                TextEdit.replace(reference, reference + 1, "b")));
    }

    @Test
    void whatTheOperationIntendsIsChecked() throws IOException {
        XtextResource resource = load(TEXT);
        EditResult result = verify(resource, new Verifier.Expectation().check(copy -> "the moon is not there"),
                TextEdit.insert(TEXT.length(), "\nnetwork c {\n}\n"));
        assertTrue(assertInstanceOf(EditResult.Refused.class, result).reason().contains("the moon is not there"), result.toString());
    }
}
