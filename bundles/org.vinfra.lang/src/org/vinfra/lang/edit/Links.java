package org.vinfra.lang.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
     * @param source  the element that holds it
     * @param feature the reference feature
     * @param index   its index for a many-valued feature, 0 otherwise
     * @param node    the node of the reference's text (a qualified name)
     * @param target  what it resolves to, or null when it does not resolve
     */
    record Link(EObject source, EReference feature, int index, INode node, EObject target) {
        String key() {
            return Links.key(source) + "/" + feature.getName() + "[" + index + "]";
        }
    }

    private Links() {
    }

    /** Every cross-reference written in the resources of {@code resources} (resolving them). */
    static List<Link> all(ResourceSet resources) {
        List<Link> links = new ArrayList<>();
        for (Resource resource : List.copyOf(resources.getResources())) {
            links.addAll(of(resource));
        }
        return links;
    }

    static List<Link> of(Resource resource) {
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
                    links.add(new Link(source, feature, i, nodes.get(i), target == null || target.eIsProxy() ? null : target));
                }
            }
        }
        return links;
    }

    private static EObject valueAt(EObject source, EReference feature, int index) {
        Object value = source.eGet(feature, true);
        if (feature.isMany()) {
            List<?> list = (List<?>) value;
            return index < list.size() ? (EObject) list.get(index) : null;
        }
        return index == 0 ? (EObject) value : null;
    }

    /** key -> key of the target, for the references that resolve. */
    static Map<String, String> resolved(ResourceSet resources) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Link link : all(resources)) {
            map.put(link.key(), link.target() == null ? null : key(link.target()));
        }
        return map;
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
