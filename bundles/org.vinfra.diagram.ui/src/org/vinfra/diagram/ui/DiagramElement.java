package org.vinfra.diagram.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.vinfra.diagram.graph.DiagramIds;
import org.vinfra.diagram.server.text.DiagramWorkspace;

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
 * @param settings   its settings: feature name and the text written for it
 */
public record DiagramElement(String id, String kind, Path file, int line, int nameOffset, int nameLength, List<Setting> settings)
        implements IAdaptable {

    /** One setting of an element: a feature of the language and the text written for it. */
    public record Setting(String category, String name, String value) {
    }

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
        return new DiagramElement(id, object.eClass().getName(), file, node == null ? 1 : node.getStartLine(), offset, length, settingsOf(object));
    }

    private static List<Setting> settingsOf(EObject object) {
        List<Setting> settings = new ArrayList<>();
        for (EStructuralFeature feature : object.eClass().getEAllStructuralFeatures()) {
            if (!object.eIsSet(feature)) {
                continue;
            }
            if (feature instanceof EAttribute || (feature instanceof EReference reference && !reference.isContainment())) {
                String written = written(object, feature);
                if (!written.isEmpty()) {
                    settings.add(new Setting("Settings", feature.getName(), written));
                }
            } else {
                Object value = object.eGet(feature);
                List<?> children = value instanceof List<?> list ? list : List.of(value);
                int index = 0;
                for (Object child : children) {
                    if (child instanceof EObject part) {
                        ICompositeNode childNode = NodeModelUtils.findActualNodeFor(part);
                        String text = childNode == null ? "" : firstLine(NodeModelUtils.getTokenText(childNode));
                        settings.add(new Setting("Contents", feature.getName() + (children.size() > 1 ? " " + (++index) : ""), text));
                    }
                }
            }
        }
        return settings;
    }

    private static String written(EObject object, EStructuralFeature feature) {
        return NodeModelUtils.findNodesForFeature(object, feature).stream().map(NodeModelUtils::getTokenText).collect(Collectors.joining(", "));
    }

    private static String firstLine(String text) {
        String line = text.strip();
        int brace = line.indexOf('{');
        return brace > 0 ? line.substring(0, brace).strip() : line.length() > 120 ? line.substring(0, 117) + "\u2026" : line;
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return adapter == IPropertySource.class ? adapter.cast(new Properties()) : null;
    }

    @Override
    public String toString() {
        return kind + " " + id;
    }

    /** The Properties view's page of the element: read-only, the text is where settings are edited. */
    private final class Properties implements IPropertySource {

        @Override
        public Object getEditableValue() {
            return null;
        }

        @Override
        public IPropertyDescriptor[] getPropertyDescriptors() {
            List<IPropertyDescriptor> descriptors = new ArrayList<>();
            descriptors.add(descriptor("#id", "diagram id", "Element"));
            descriptors.add(descriptor("#kind", "kind", "Element"));
            descriptors.add(descriptor("#file", "declared at", "Element"));
            for (int i = 0; i < settings.size(); i++) {
                descriptors.add(descriptor(i, settings.get(i).name(), settings.get(i).category()));
            }
            return descriptors.toArray(IPropertyDescriptor[]::new);
        }

        private static PropertyDescriptor descriptor(Object id, String name, String category) {
            PropertyDescriptor descriptor = new PropertyDescriptor(id, name);
            descriptor.setCategory(category);
            return descriptor;
        }

        @Override
        public Object getPropertyValue(Object key) {
            if ("#id".equals(key)) {
                return id;
            }
            if ("#kind".equals(key)) {
                return kind;
            }
            if ("#file".equals(key)) {
                return file.getFileName() + ":" + line;
            }
            return key instanceof Integer index && index < settings.size() ? settings.get(index).value() : null;
        }

        @Override
        public boolean isPropertySet(Object key) {
            return false;
        }

        @Override
        public void resetPropertyValue(Object key) {
        }

        @Override
        public void setPropertyValue(Object key, Object value) {
        }
    }
}
