package org.vinfra.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vinfra.lang.edit.EditResult;
import org.vinfra.lang.validation.IssueCodes;
import org.vinfra.lang.vinfra.Element;
import org.vinfra.lang.vinfra.Host;
import org.vinfra.lang.vinfra.Network;
import org.vinfra.lang.vinfra.Timeline;
import org.vinfra.lang.vinfra.VirtualMachine;
import org.vinfra.lang.vinfra.VirtualNic;
import org.vinfra.lang.workspace.ModelFormatter;

/**
 * Round trips on every example: create a host, a network and a VM, add a NIC, rename every
 * top-level element there and back, then delete what was created: each step checked on the
 * reloaded model (no errors), and the end is the original text, byte for byte. Every top-level
 * element of every example is deleted once too: applied without leaving a broken reference, or
 * refused with the reason.
 */
class ExampleEditsTest {

    private static final ModelFormatter FORMATTER = Models.INJECTOR.getInstance(ModelFormatter.class);
    private static final IQualifiedNameProvider NAMES = Models.INJECTOR.getInstance(IQualifiedNameProvider.class);

    @TempDir
    Path dir;

    static Stream<Path> examples() throws IOException {
        return ExamplesTest.examples();
    }

    /** The example and the files it needs (a file of the multi-file example needs the other). */
    private EditWorkspace load(Path example) {
        List<Path> files = new ArrayList<>();
        if (example.getParent().getFileName().toString().equals("multi-file")) {
            files.add(example.resolveSibling("hosts.vinfra"));
            files.add(example.resolveSibling("vms.vinfra"));
        } else {
            files.add(example);
        }
        return EditWorkspace.copyOf(dir, files);
    }

    private static Map<String, String> texts(EditWorkspace files, Path example) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : List.of("hosts.vinfra", "vms.vinfra", example.getFileName().toString())) {
            try {
                texts.put(name, files.text(name));
            } catch (java.io.UncheckedIOException e) {
                // not part of this example
            }
        }
        return texts;
    }

    @ParameterizedTest
    @MethodSource("examples")
    void createAddNicRenameAndDeleteGiveBackTheOriginal(Path example) {
        EditWorkspace files = load(example);
        String file = example.getFileName().toString();
        Map<String, String> original = texts(files, example);
        assertEquals(List.of(), files.errors(), "the example is valid");
        boolean formatted = format(files.resource(file)).equals(files.text(file));
        var edits = EditWorkspace.EDITS;

        String host = edits.freeName(files.resource(file), "host");
        files.apply(edits.createHost(files.resource(file), host));
        String network = edits.freeName(files.resource(file), "net");
        files.apply(edits.createNetwork(files.resource(file), network));
        String vm = edits.freeName(files.resource(file), "vm");
        files.apply(edits.createVm(files.resource(file), vm, files.find(Host.class, host)));
        files.apply(edits.addNic(files.find(VirtualMachine.class, vm), files.find(Network.class, network)));

        VirtualMachine created = files.find(VirtualMachine.class, vm);
        assertEquals(host, created.getHost().getName());
        assertEquals(network, created.getNics().get(0).getNetwork().getName());
        assertEquals(List.of(), files.errors(), "what was created is valid");
        for (Map.Entry<String, String> entry : original.entrySet()) {
            String text = files.text(entry.getKey());
            assertTrue(text.startsWith(entry.getValue()), "the original text is untouched before the new elements:\n" + text);
        }
        if (formatted) {
            assertEquals(format(files.resource(file)), files.text(file), "new text is laid out as the formatter would");
        }

        // rename every top-level element of the file there and back
        for (String name : topLevelNames(files, file)) {
            Map<String, String> before = texts(files, example);
            EObject element = topLevel(files, file, name);
            String fresh = edits.freeName(files.resource(file), "renamed");
            files.apply(edits.rename(element, fresh));
            assertEquals(List.of(), files.errors(), "after renaming " + name + " to " + fresh);
            files.apply(edits.rename(topLevel(files, file, fresh), name));
            assertEquals(before, texts(files, example), "renaming " + name + " back gives the same text");
        }

        files.apply(edits.removeNic(files.find(VirtualNic.class, vm + ".eth0")));
        files.apply(edits.delete(files.find(VirtualMachine.class, vm)));
        files.apply(edits.delete(files.find(Network.class, network)));
        files.apply(edits.delete(files.find(Host.class, host)));
        assertEquals(original, texts(files, example), "deleting what was created gives back the original bytes");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyTopLevelElementCanBeDeletedOrTheRefusalSaysWhy(Path example) {
        String file = example.getFileName().toString();
        EditWorkspace first = load(example);
        List<String> names = topLevelNames(first, file);
        int round = 0;
        for (String name : names) {
            EditWorkspace files = EditWorkspace.copyOf(dir.resolve("round" + round++), List.of(example));
            if (example.getParent().getFileName().toString().equals("multi-file")) {
                files = load(example);
            }
            EObject element = topLevel(files, file, name);
            String before = files.text(file);
            EditResult result = EditWorkspace.EDITS.delete(element);
            if (result instanceof EditResult.Refused refused) {
                files.refused(result, "cannot be deleted", "Move them");
                assertTrue(refused.reason().contains(".vinfra:"), refused.reason());
                continue;
            }
            files.apply(result);
            List<String> broken = files.errorCodes().stream()
                    .filter(code -> code.equals(IssueCodes.UNRESOLVED_REFERENCE) || code.equals(IssueCodes.SYNTAX_ERROR)).toList();
            assertEquals(List.of(), broken, "deleting " + name + " leaves no broken reference:\n" + files.text(file));
            assertTrue(files.text(file).length() < before.length());
            assertTrue(topLevelNames(files, file).stream().noneMatch(name::equals), name + " is gone");
        }
    }

    private static List<String> topLevelNames(EditWorkspace files, String file) {
        List<String> names = new ArrayList<>();
        if (files.resource(file).getContents().isEmpty()) {
            return names; // only comments left
        }
        for (Element element : files.model(file).getElements()) {
            if (!(element instanceof Timeline) && NAMES.getFullyQualifiedName(element) != null) {
                names.add(NAMES.getFullyQualifiedName(element).toString());
            }
        }
        return names;
    }

    private static EObject topLevel(EditWorkspace files, String file, String name) {
        for (Element element : files.model(file).getElements()) {
            if (NAMES.getFullyQualifiedName(element) != null && NAMES.getFullyQualifiedName(element).toString().equals(name)) {
                return element;
            }
        }
        throw new AssertionError("no " + name + " in " + file);
    }

    private static String format(XtextResource resource) {
        return FORMATTER.format(resource);
    }
}
