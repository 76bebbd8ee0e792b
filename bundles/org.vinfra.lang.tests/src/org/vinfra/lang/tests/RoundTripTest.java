package org.vinfra.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.serializer.ISerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vinfra.lang.vinfra.Host;
import org.vinfra.lang.vinfra.Model;

/** Parse, serialize, parse: the same model; comments survive an edit. */
class RoundTripTest {

    private static final ISerializer SERIALIZER = Models.INJECTOR.getInstance(ISerializer.class);

    static Stream<Path> examples() throws IOException {
        return ExamplesTest.examples();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleRoundTrips(Path example) throws IOException {
        Model first = Models.parse(Files.readString(example));
        String serialized = SERIALIZER.serialize(first);
        Model second = Models.parse(serialized);
        assertTrue(EcoreUtil.equals(first, second), "the model changed in the round trip of " + example + ":\n" + serialized);
    }

    @Test
    void aModelBuiltInMemorySerializesToParsableText() {
        Model model = Models.parse("host h { memory 1 GiB }");
        Host copy = EcoreUtil.copy((Host) model.getElements().get(0));
        copy.setName("h2");
        copy.setMemory(3L << 30);
        Model fresh = org.vinfra.lang.vinfra.VinfraFactory.eINSTANCE.createModel();
        fresh.getElements().add(copy);
        org.eclipse.emf.ecore.resource.Resource resource = model.eResource().getResourceSet()
                .createResource(org.eclipse.emf.common.util.URI.createURI("memory.vinfra"));
        resource.getContents().add(fresh);
        String text = SERIALIZER.serialize(fresh);
        Host parsed = (Host) Models.parse(text).getElements().get(0);
        assertEquals("h2", parsed.getName());
        assertEquals(3L << 30, parsed.getMemory());
        assertTrue(text.contains("3 GiB"), text);
    }

    @Test
    void commentsSurviveAnEdit() {
        Model model = Models.parse("""
                // rack 1, row B
                host h {
                  memory 1 GiB /* upgraded in May */
                  os "Debian 12"
                }
                """);
        ((Host) model.getElements().get(0)).setOs("Debian 13");
        String text = SERIALIZER.serialize(model);
        assertTrue(text.contains("// rack 1, row B"), text);
        assertTrue(text.contains("/* upgraded in May */"), text);
        assertTrue(text.contains("\"Debian 13\""), text);
        assertEquals(List.of(), Models.problems(text).stream().filter(p -> p.isError()).toList());
    }
}
