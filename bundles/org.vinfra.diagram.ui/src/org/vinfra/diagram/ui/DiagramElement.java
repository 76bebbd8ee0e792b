package org.vinfra.diagram.ui;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.vinfra.diagram.graph.DiagramIds;
import org.vinfra.diagram.server.text.DiagramWorkspace;
import org.vinfra.ui.properties.ElementProperties;

/**
 * An element selected in the diagram, as the workbench sees it: its id, where it is written, and its
 * settings as written in the text (for the Properties view). A copy: it stays valid when the text
 * changes and the models are parsed again.
 *
 * @param id         the diagram id ({@link DiagramIds})
 * @param kind       the element's kind in the language ("VirtualMachine")
 * @param file       the file it is declared in
 * @param line       the line of its declaration (1-based)
 * @param nameOffset where its name is written (character offset in the file)
 * @param nameLength the name's length in characters
 * @param settings   its settings as written ({@link ElementProperties}, shared with the text editor's Properties)
 */
public record DiagramElement(String id, String kind, Path file, int line, int nameOffset, int nameLength, List<ElementProperties.Setting> settings)
        implements IAdaptable {

    static DiagramElement of(String id, EObject object) {
        ICompositeNode node = NodeModelUtils.findActualNodeFor(object);
        int offset = node == null ? 0 : node.getOffset();
        int length = 0;
        EStructuralFeature nameFeature = object.eClass().getEStructuralFeature("name");
        if (nameFeature != null) {
            List<INode> names = NodeModelUtils.findNodesForFeature(object, nameFeature);
            if (!names.isEmpty()) {
                offset = names.get(0).getOffset();
                length = names.get(0).getLength();
            }
        }
        Path file = DiagramWorkspace.Snapshot.fileOf(object.eResource());
        return new DiagramElement(id, object.eClass().getName(), file, node == null ? 1 : node.getStartLine(), offset, length,
                ElementProperties.settingsOf(object));
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter != IPropertySource.class) {
            return null;
        }
        return adapter.cast(ElementProperties.source("diagram id", id, kind, file, line, settings));
    }

    @Override
    public String toString() {
        return kind + " " + id;
    }
}
