package org.vinfra.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.SaveOptions;
import org.eclipse.xtext.serializer.ISerializer;
import org.junit.jupiter.api.Test;
import org.vinfra.lang.model.Written;
import org.vinfra.lang.settings.MapValue;
import org.vinfra.lang.settings.Native;
import org.vinfra.lang.vinfra.Compose;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.VinfraPackage.Literals;
import org.vinfra.lang.workspace.Problem;

/** What imports need of the language: keywords as names, values written at their default, typed native values. */
class ImportConceptsTest {

    private static final ISerializer SERIALIZER = Models.INJECTOR.getInstance(ISerializer.class);

    @Test
    void aKeywordIsANameWhenWrittenWithACaret() {
        String text = "compose c {\n service ^host { image \"x:1\" }\n service web { image \"x:1\" depends-on ^host }\n}\n";
        assertEquals(List.of(), Models.problems(text).stream().filter(Problem::isError).toList());
        Model model = Models.parse(text);
        Compose compose = (Compose) model.getElements().get(0);
        Container host = compose.getServices().get(0);
        assertEquals("host", host.getName(), "the caret is not part of the name");
        assertEquals(host, compose.getServices().get(1).getDependencies().get(0).getTarget());
        host.setName("start");
        String serialized = SERIALIZER.serialize(model);
        assertTrue(serialized.contains("service ^start") && serialized.contains("depends-on ^start"), serialized);
        assertTrue(Models.problems("host kvm { memory 1 GiB }").stream().anyMatch(Problem::isError), "without the caret it stays an error");
    }

    @Test
    void aValueWrittenAtItsDefaultIsKnownToBeWritten() {
        Model model = Models.parse("compose c { service s { image \"x:1\" port 8443:443/tcp port 80 restart no } }");
        Container service = ((Compose) model.getElements().get(0)).getServices().get(0);
        assertTrue(Written.isWritten(service.getPorts().get(0), Literals.PORT_MAPPING__PROTOCOL), "/tcp is written");
        assertFalse(Written.isWritten(service.getPorts().get(1), Literals.PORT_MAPPING__PROTOCOL));
        assertTrue(Written.isWritten(service, Literals.CONTAINER__RESTART), "restart no is written");
    }

    @Test
    void aModelBuiltInMemoryKeepsWhatItMarkedWritten() {
        Model model = Models.parse("compose c { service s { image \"x:1\" port 8443:443 } }");
        Container copy = EcoreUtil.copy(((Compose) model.getElements().get(0)).getServices().get(0));
        ((Compose) model.getElements().get(0)).getServices().set(0, copy);
        Written.mark(copy.getPorts().get(0), Literals.PORT_MAPPING__PROTOCOL);
        assertTrue(SERIALIZER.serialize(model).contains("port 8443:443/tcp"), SERIALIZER.serialize(model));
    }

    @Test
    void typedNativeValuesKeepTheirTypesAndStayOnTheirLine() {
        String text = "compose c {\n\tservice s {\n\t\timage \"x:1\"\n\t\tnative compose \"deploy\" = {\"mode\": \"global\", \"n\": [1, -2.5, true, false, null]}\n\t}\n}\n";
        Model model = Models.parse(text);
        assertEquals(List.of(), Models.problems(text));
        Native kept = ((Compose) model.getElements().get(0)).getServices().get(0).getNatives().get(0);
        assertEquals(2, ((MapValue) kept.getValue()).getEntries().size());
        String formatted = SERIALIZER.serialize(model, SaveOptions.newBuilder().format().getOptions());
        assertTrue(formatted.contains("native compose \"deploy\" = {\"mode\": \"global\", \"n\": [1, -2.5, true, false, null]}\n"), formatted);
        assertTrue(EcoreUtil.equals(model, Models.parse(formatted)), "the formatted text is the same model");
    }

    @Test
    void stagesFormatOnLinesOfTheirOwn() {
        String text = "image i { arg V = \"1\" stage build from \"golang:1.22\" { run \"make\" } from \"busybox:1.36\" copy \"/out\" to \"/app\" from build }";
        Model model = Models.parse(text);
        String formatted = SERIALIZER.serialize(model, SaveOptions.newBuilder().format().getOptions());
        assertTrue(formatted.contains("\n\t}\n\tfrom \"busybox:1.36\"\n"), "the last stage starts its own line:\n" + formatted);
        assertEquals(List.of(), Models.problems(formatted));
    }
}
