package org.vinfra.ui.properties;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

/**
 * The element under the text editor's caret, as the Properties view shows it: a copy, valid after
 * the text changes.
 *
 * @param kind     the element's kind in the language ({@code VirtualMachine}, {@code Host}...)
 * @param name     its name as written
 * @param file     the file it is written in
 * @param line     the line of its declaration (1-based)
 * @param settings its settings as written
 */
public record TextElement(String kind, String name, Path file, int line, List<ElementProperties.Setting> settings) implements IAdaptable {

    /**
     * The innermost named element (host, VM, network, container, NIC...) around an offset of a parsed
     * text; null outside every element.
     */
    public static TextElement at(XtextResource resource, Path file, int offset) {
        if (resource.getParseResult() == null) {
            return null;
        }
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
        EObject object = leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
        while (object != null && (object.eClass().getEStructuralFeature("name") == null || !object.eIsSet(object.eClass().getEStructuralFeature("name")))) {
            object = object.eContainer();
        }
        if (object == null) {
            return null;
        }
        EStructuralFeature nameFeature = object.eClass().getEStructuralFeature("name");
        ICompositeNode node = NodeModelUtils.findActualNodeFor(object);
        String name = NodeModelUtils.findNodesForFeature(object, nameFeature).stream().map(NodeModelUtils::getTokenText).findFirst()
                .orElse(String.valueOf(object.eGet(nameFeature)));
        return new TextElement(object.eClass().getName(), name, file, node == null ? 1 : node.getStartLine(), ElementProperties.settingsOf(object));
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter != IPropertySource.class) {
            return null;
        }
        return adapter.cast(ElementProperties.source("name", name, kind, file, line, settings));
    }

    @Override
    public String toString() {
        return kind + " " + name;
    }
}
