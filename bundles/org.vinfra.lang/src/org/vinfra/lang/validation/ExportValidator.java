package org.vinfra.lang.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;
import org.eclipse.xtext.validation.Check;
import org.vinfra.lang.model.ExportFiles;
import org.vinfra.lang.model.Replicas;
import org.vinfra.lang.naming.VinfraResourceDescriptionStrategy;
import org.vinfra.lang.vinfra.Compose;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.Element;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.VirtualMachine;

import com.google.inject.Inject;

/**
 * What an export could trip on, reported before any export: two elements that would write the same file, in one
 * file or in two files exported together (the files given to one command, the files of an Eclipse project, the files
 * the language server indexes). The exported files are named in one place, {@link ExportFiles}.
 */
public class ExportValidator extends VinfraCheck {

    @Inject
    private ResourceDescriptionsProvider indexes;

    /** An element, one file it exports, and the name that file is named after (the element's, or a replica's). */
    private record Export(EObject element, String path, String name) {
    }

    /** An element of another file whose exported files look like those of an element of this one ({@link ExportFiles#clashShape}). */
    private record Elsewhere(IResourceDescription file, IEObjectDescription element, String data) {
    }

    @Check
    public void exportsDoNotClash(Model model) {
        Resource resource = model.eResource();
        if (resource == null) {
            return;
        }
        IResourceDescriptions index = indexes.getResourceDescriptions(resource);
        // the index keys files by their normalized URI (a relative "imported.vinfra" becomes absolute)
        org.eclipse.emf.common.util.URI self = resource.getResourceSet() == null ? resource.getURI()
                : resource.getResourceSet().getURIConverter().normalize(resource.getURI());
        List<IResourceDescription> others = new ArrayList<>();
        for (IResourceDescription description : index.getAllResourceDescriptions()) {
            if (!description.getURI().equals(resource.getURI()) && !description.getURI().equals(self)) {
                others.add(description);
            }
        }
        // only elements whose files look alike can clash (ExportFiles.clashShape): the others' files are never listed
        Map<String, Integer> shapes = new HashMap<>();
        Map<EObject, String> exporting = new LinkedHashMap<>();
        for (EObject element : exporting(model)) {
            String shape = ExportFiles.clashShape(element);
            if (shape != null) {
                exporting.put(element, shape);
                shapes.merge(shape, 1, Integer::sum);
            }
        }
        if (exporting.isEmpty()) {
            return;
        }
        List<Elsewhere> alike = new ArrayList<>();
        for (IResourceDescription description : others) {
            for (IEObjectDescription other : description.getExportedObjects()) {
                String data = other.getUserData(VinfraResourceDescriptionStrategy.EXPORTS);
                String shape = ExportFiles.clashShapeFromIndex(data, other.getName().getLastSegment());
                if (shape != null && shapes.containsKey(shape)) {
                    shapes.merge(shape, 1, Integer::sum);
                    alike.add(new Elsewhere(description, other, data));
                }
            }
        }
        Map<String, List<Export>> own = new LinkedHashMap<>();
        for (Map.Entry<EObject, String> entry : exporting.entrySet()) {
            if (shapes.get(entry.getValue()) < 2) {
                continue; // no other element's files look like this one's
            }
            EObject element = entry.getKey();
            List<String> paths = ExportFiles.of(element);
            String name = org.eclipse.xtext.util.SimpleAttributeResolver.NAME_RESOLVER.apply(element);
            // a VM exports a file per replica, named after it; anything else one file, named after the element (lxc/c for c[1..3])
            List<String> names = element instanceof VirtualMachine vm && Replicas.of(vm) != null ? Replicas.names(name, Replicas.of(vm)) : null;
            for (int i = 0; i < paths.size(); i++) {
                String path = paths.get(i);
                own.computeIfAbsent(ExportFiles.clashKey(path), key -> new ArrayList<>()).add(new Export(element, path, names == null ? String.valueOf(name) : names.get(i)));
            }
        }
        Map<EObject, String> reported = new HashMap<>();
        for (List<Export> same : own.values()) {
            for (Export export : same) {
                for (Export other : same) {
                    // the very same name in one file is vinfra.duplicate-name already
                    boolean sameName = other.name().equals(export.name()) && other.element().eContainer() == export.element().eContainer();
                    if (other.element() != export.element() && !sameName && !reported.containsKey(export.element())) {
                        report(export, other.path(), other.name(), describe(other.element()) + " in this file", reported);
                    }
                }
            }
        }
        for (Elsewhere elsewhere : alike) {
            IEObjectDescription other = elsewhere.element();
            String otherName = other.getName().getLastSegment();
            for (String path : ExportFiles.fromIndex(elsewhere.data(), otherName)) {
                List<Export> clashes = own.get(ExportFiles.clashKey(path));
                if (clashes != null) {
                    for (Export export : clashes) {
                        if (!reported.containsKey(export.element())) {
                            report(export, path, otherName, Messages.kindOf(other.getEClass()) + " '" + otherName + "' in "
                                    + elsewhere.file().getURI().lastSegment(), reported);
                        }
                    }
                }
            }
        }
    }

    private void report(Export export, String otherPath, String otherName, String other, Map<EObject, String> reported) {
        reported.put(export.element(), otherPath);
        String caseOnly = !export.path().equals(otherPath) ? " (" + otherPath + " differs only in case: on Windows and macOS it is the same file)"
                : !export.name().equals(otherName) && export.name().equalsIgnoreCase(otherName) ? " (compose and image folders are lower-cased)" : "";
        EStructuralFeature name = export.element().eClass().getEStructuralFeature("name");
        error("The " + describe(export.element()) + " is exported to " + export.path() + ", and so is the " + other + caseOnly
                + ". The exports of the files exported together (one ./vinfra generate, one Eclipse project) go into one folder, so one"
                + " file would overwrite the other and a machine or container would be lost. Give one of them another name.",
                export.element(), name, IssueCodes.EXPORT_CLASH);
    }

    private static String describe(EObject element) {
        return Messages.describe(element);
    }

    /** The elements of a model that export files of their own: top-level ones, and the services of compose deployments. */
    private static List<EObject> exporting(Model model) {
        List<EObject> elements = new ArrayList<>();
        for (Element element : model.getElements()) {
            elements.add(element);
            if (element instanceof Compose compose) {
                for (Container service : compose.getServices()) {
                    elements.add(service);
                }
            }
        }
        return elements;
    }
}
