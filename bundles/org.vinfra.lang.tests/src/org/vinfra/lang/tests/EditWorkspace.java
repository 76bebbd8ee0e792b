package org.vinfra.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.XtextResource;
import org.vinfra.lang.edit.EditResult;
import org.vinfra.lang.edit.ModelEdits;
import org.vinfra.lang.edit.TextEdit;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;

/**
 * .vinfra files in a folder, loaded as the tools load them, for edit tests: run an operation, check
 * its text edits, write the result and load it again to check the model.
 */
final class EditWorkspace {

    static final ModelEdits EDITS = Models.INJECTOR.getInstance(ModelEdits.class);
    private static final IQualifiedNameProvider NAMES = Models.INJECTOR.getInstance(IQualifiedNameProvider.class);

    private final Path dir;
    private ModelSet set;
    private final Map<String, XtextResource> resources = new LinkedHashMap<>();

    private EditWorkspace(Path dir) {
        this.dir = dir;
        load();
    }

    /** Writes the files (name -> text) into {@code dir} and loads them all. */
    static EditWorkspace of(Path dir, Map<String, String> files) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.forEach((name, text) -> write(dir.resolve(name), text));
        return new EditWorkspace(dir);
    }

    static EditWorkspace of(Path dir, String name, String text) {
        return of(dir, Map.of(name, text));
    }

    /** Copies files into {@code dir} and loads them. */
    static EditWorkspace copyOf(Path dir, List<Path> files) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                texts.put(file.getFileName().toString(), Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return of(dir, texts);
    }

    private void load() {
        set = Models.INJECTOR.getInstance(ModelSet.class);
        resources.clear();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".vinfra") && Files.isRegularFile(p)).sorted().toList();
            set.load(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Resource resource : set.resourceSet().getResources()) {
            resources.put(resource.getURI().lastSegment(), (XtextResource) resource);
        }
    }

    XtextResource resource(String file) {
        XtextResource resource = resources.get(file);
        if (resource == null) {
            fail("no file " + file + " in " + resources.keySet());
        }
        return resource;
    }

    /** The first loaded file. */
    XtextResource resource() {
        return resources.values().iterator().next();
    }

    Model model(String file) {
        return (Model) resource(file).getContents().get(0);
    }

    String text(String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the only file. */
    String text() {
        return text(resources.keySet().iterator().next());
    }

    /** The element of a type with a qualified name (e.g. "web", "shop.db", "web.eth0") in any loaded file. */
    <T extends EObject> T find(Class<T> type, String qualifiedName) {
        for (XtextResource resource : resources.values()) {
            for (var contents = resource.getAllContents(); contents.hasNext();) {
                EObject element = contents.next();
                QualifiedName name = NAMES.getFullyQualifiedName(element);
                if (type.isInstance(element) && name != null && name.toString().equals(qualifiedName)) {
                    return type.cast(element);
                }
            }
        }
        fail("no " + type.getSimpleName() + " " + qualifiedName);
        return null;
    }

    /** Asserts the result is applied, writes the new texts and loads the files again. */
    EditResult.Applied apply(EditResult result) {
        EditResult.Applied applied = assertInstanceOf(EditResult.Applied.class, result,
                () -> "refused: " + (result instanceof EditResult.Refused refused ? refused.reason() : ""));
        for (Map.Entry<URI, List<TextEdit>> entry : applied.edits().entrySet()) {
            String file = entry.getKey().lastSegment();
            String before = ModelEdits.textOf(resource(file));
            assertEquals(text(file), before, "the resource's text is the file's");
            write(dir.resolve(file), TextEdit.apply(before, entry.getValue()));
        }
        load();
        return applied;
    }

    /** Asserts the result is refused, with a reason containing each fragment, and that no file changed. */
    String refused(EditResult result, String... fragments) {
        EditResult.Refused refused = assertInstanceOf(EditResult.Refused.class, result, () -> "applied: " + result);
        for (String fragment : fragments) {
            assertTrue(refused.reason().contains(fragment), "the reason should say '" + fragment + "': " + refused.reason());
        }
        for (Map.Entry<String, XtextResource> entry : resources.entrySet()) {
            assertEquals(text(entry.getKey()), ModelEdits.textOf(entry.getValue()), "a refused edit changes nothing");
        }
        return refused.reason();
    }

    /** Errors of all loaded files (syntax, linking, validation). */
    List<Problem> errors() {
        return set.validate().stream().filter(Problem::isError).toList();
    }

    List<String> errorCodes() {
        List<String> codes = new ArrayList<>();
        errors().forEach(p -> codes.add(p.code()));
        return codes;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
