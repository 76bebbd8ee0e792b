package org.vinfra.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.SaveOptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.serializer.ISerializer;
import org.vinfra.lang.workspace.ModelFormatter;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** The language: parsing with linking and validation, the formatter and the serializer. */
class LanguageFuzzTest {

    /** Any text: no exception, every problem positioned with a vinfra code and a message in vinfra's words. */
    @FuzzTest
    void parseLinkValidate(FuzzedDataProvider data) {
        Fuzzing.load(text(data));
    }

    /** A text without syntax errors: formatting keeps the model, and formatting the result changes nothing. */
    @FuzzTest
    void formatTwice(FuzzedDataProvider data) {
        String text = text(data);
        Fuzzing.Loaded loaded = Fuzzing.load(text);
        if (loaded.hasSyntaxErrors() || loaded.models().models().isEmpty()) {
            return;
        }
        ModelFormatter formatter = Fuzzing.language().getInstance(ModelFormatter.class);
        String once = formatter.format(resource(loaded));
        Fuzzing.Loaded formatted = Fuzzing.load(once);
        assertFalse(formatted.hasSyntaxErrors(), () -> "formatting made syntax errors: " + formatted.problems() + "\n" + once);
        assertTrue(EcoreUtil.equals(model(loaded), model(formatted)), () -> "formatting changed the model:\n" + text + "\n---\n" + once);
        String twice = formatter.format(resource(formatted));
        Fuzzing.assertSameText(once, twice, "formatting a formatted text changed it");
    }

    /** A model that links and validates without errors: serialized, it parses back to the same model. */
    @FuzzTest
    void serializeParsesBack(FuzzedDataProvider data) {
        String text = text(data);
        Fuzzing.Loaded loaded = Fuzzing.load(text);
        if (loaded.hasErrors() || loaded.models().models().isEmpty()) {
            return;
        }
        ISerializer serializer = Fuzzing.language().getInstance(ISerializer.class);
        String serialized = serializer.serialize(model(loaded), SaveOptions.newBuilder().format().getOptions());
        Fuzzing.Loaded again = Fuzzing.load(serialized);
        assertFalse(again.hasErrors(), () -> "the serialized model has errors: " + again.problems() + "\n" + serialized);
        assertTrue(EcoreUtil.equals(model(loaded), model(again)), () -> "the serialized model differs:\n" + text + "\n---\n" + serialized);
    }

    static String text(FuzzedDataProvider data) {
        return new String(data.consumeBytes(Fuzzing.MAX_INPUT), StandardCharsets.UTF_8);
    }

    private static XtextResource resource(Fuzzing.Loaded loaded) {
        return (XtextResource) loaded.models().models().get(0).eResource();
    }

    private static EObject model(Fuzzing.Loaded loaded) {
        return loaded.models().models().get(0);
    }
}
