package org.vinfra.lang.edit;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * The cross-references written in loaded files: for each, where it is written (its node) and what it
 * resolves to. Keys identify a reference by position in the model (file, containment path, feature,
 * index), not by text offset, so the links of a file before and after an edit can be compared.
 */
final class Links {

    /**
     * One reference written in a file.
     *
     * @param source    the element that holds it
     * @param feature   the reference feature
     * @param index     its index for a many-valued feature, 0 otherwise
     * @param node      the node of the reference's text (a qualified name)
     * @param target    what it resolves to, or null when it does not resolve
     * @param key       where it is in the model: the source's {@link Links#key(EObject) key}, feature and index
     * @param targetKey the target's key, or null
     */
    record Link(EObject source, EReference feature, int index, INode node, EObject target, String key, String targetKey) {
    }

    private Links() {
    }

    /** Every cross-reference written in the resources of {@code resources} (resolving them). */
    static List<Link> all(ResourceSet resources) {
        return all(List.copyOf(resources.getResources()));
    }

    /** Every cross-reference written in {@code files} (resolving them). */
    static List<Link> all(List<Resource> files) {
        Map<EObject, String> keys = new IdentityHashMap<>();
        List<Resource> everything = files.isEmpty() || files.get(0).getResourceSet() == null ? files
                : List.copyOf(files.get(0).getResourceSet().getResources());
        for (Resource resource : everything) { // targets may live in any loaded file
            for (EObject root : resource.getContents()) {
                index(root, resource.getURI() + "#", keys);
            }
        }
        List<Link> links = new ArrayList<>();
        for (Resource resource : files) {
            links.addAll(of(resource, keys));
        }
        return links;
    }

    /** The cross-references written in one file. */
    static List<Link> of(Resource resource) {
        Map<EObject, String> keys = new IdentityHashMap<>();
        for (EObject root : resource.getContents()) {
            index(root, resource.getURI() + "#", keys);
        }
        return of(resource, keys);
    }

    private static List<Link> of(Resource resource, Map<EObject, String> keys) {
        List<Link> links = new ArrayList<>();
        TreeIterator<EObject> contents = resource.getAllContents();
        while (contents.hasNext()) {
            EObject source = contents.next();
            for (EReference feature : source.eClass().getEAllReferences()) {
                if (feature.isContainment() || feature.isContainer() || feature.isDerived() || feature.isTransient()) {
                    continue;
                }
                List<INode> nodes = NodeModelUtils.findNodesForFeature(source, feature);
                for (int i = 0; i < nodes.size(); i++) {
                    EObject target = valueAt(source, feature, i);
                    if (target != null && target.eIsProxy()) {
                        target = null;
                    }
                    String targetKey = target == null ? null : keys.computeIfAbsent(target, Links::key);
                    String key = keys.computeIfAbsent(source, Links::key) + "/" + feature.getName() + "[" + i + "]";
                    links.add(new Link(source, feature, i, nodes.get(i), target, key, targetKey));
                }
            }
        }
        return links;
    }

    /** Gives every element under {@code element} its key in one walk (computing keys one by one would search each list). */
    private static void index(EObject element, String key, Map<EObject, String> keys) {
        keys.put(element, key);
        for (EReference containment : element.eClass().getEAllContainments()) {
            Object value = element.eGet(containment, false);
            if (containment.isMany()) {
                List<?> children = (List<?>) value;
                for (int i = 0; i < children.size(); i++) {
                    index((EObject) children.get(i), key + "/" + containment.getName() + "." + i, keys);
                }
            } else if (value instanceof EObject child) {
                index(child, key + "/" + containment.getName(), keys);
            }
        }
    }

    private static EObject valueAt(EObject source, EReference feature, int index) {
        Object value = source.eGet(feature, true);
        if (feature.isMany()) {
            List<?> list = (List<?>) value;
            return index < list.size() ? (EObject) list.get(index) : null;
        }
        return index == 0 ? (EObject) value : null;
    }

    /** An element's position in the model: its file's URI and its containment path, e.g. "file:/a.vinfra#/elements.3/nics.0". */
    static String key(EObject element) {
        StringBuilder path = new StringBuilder();
        EObject current = element;
        while (current.eContainer() != null) {
            EStructuralFeature feature = current.eContainingFeature();
            String step = feature.getName();
            if (feature.isMany()) {
                step += "." + ((List<?>) current.eContainer().eGet(feature)).indexOf(current);
            }
            path.insert(0, "/" + step);
            current = current.eContainer();
        }
        Resource resource = current.eResource();
        return (resource == null ? "?" : resource.getURI().toString()) + "#" + path;
    }
}
