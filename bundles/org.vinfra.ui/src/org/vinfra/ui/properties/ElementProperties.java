package org.vinfra.ui.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * An element's settings as written in its .vinfra text, and the Properties view's page of them: the
 * one place both the text editor and the diagram editor take them from. Read-only: the text is where
 * settings are edited.
 */
public final class ElementProperties {

    /** The category of the rows that say what the element is and where it is written. */
    public static final String ELEMENT = "Element";

    /**
     * One row of the Properties view.
     *
     * @param category "Element", "Settings" (a value written after a keyword) or "Contents" (a nested block or line)
     * @param name     the language's name of the feature ({@code vcpus}, {@code memory}, {@code nics 2})
     * @param value    the text written for it (a nested block: its first line)
     */
    public record Setting(String category, String name, String value) {
    }

    private ElementProperties() {
    }

    /** The settings of an element, in the order of the language's features, each as written in the text. */
    public static List<Setting> settingsOf(EObject object) {
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

    /** The page of the Properties view showing these rows. */
    /**
     * The Properties of an element: how it is identified ({@code label}: "name" in the text editor, "diagram id" in the
     * diagram), its kind and where it is declared, then its settings as written.
     */
    public static IPropertySource source(String label, String identity, String kind, java.nio.file.Path file, int line, List<Setting> settings) {
        List<Setting> rows = new ArrayList<>();
        rows.add(new Setting(ELEMENT, label, identity));
        rows.add(new Setting(ELEMENT, "kind", kind));
        rows.add(new Setting(ELEMENT, "declared at", file.getFileName() + ":" + line));
        rows.addAll(settings);
        return source(rows);
    }

    public static IPropertySource source(List<Setting> rows) {
        return new Source(List.copyOf(rows));
    }

    private static String written(EObject object, EStructuralFeature feature) {
        return NodeModelUtils.findNodesForFeature(object, feature).stream().map(NodeModelUtils::getTokenText).collect(Collectors.joining(", "));
    }

    private static String firstLine(String text) {
        String line = text.strip();
        int brace = line.indexOf('{');
        return brace > 0 ? line.substring(0, brace).strip() : line.length() > 120 ? line.substring(0, 117) + "\u2026" : line;
    }

    private record Source(List<Setting> rows) implements IPropertySource {

        @Override
        public Object getEditableValue() {
            return null;
        }

        @Override
        public IPropertyDescriptor[] getPropertyDescriptors() {
            IPropertyDescriptor[] descriptors = new IPropertyDescriptor[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                PropertyDescriptor descriptor = new PropertyDescriptor(i, rows.get(i).name());
                descriptor.setCategory(rows.get(i).category());
                descriptors[i] = descriptor;
            }
            return descriptors;
        }

        @Override
        public Object getPropertyValue(Object key) {
            return key instanceof Integer index && index >= 0 && index < rows.size() ? rows.get(index).value() : null;
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
