package org.vinfra.lang.model;

import org.eclipse.emf.common.notify.Adapter;
import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Whether a value was written, even when it equals its default: {@code port 8443:443/tcp} says tcp
 * although tcp is what {@code port 8443:443} means too, and exports keep what was written
 * ({@code "8443:443/tcp"}). A parsed model knows it from its text; a model built in memory (an
 * import) marks the features it sets explicitly, and the serializer then writes them.
 */
public final class Written {

    private Written() {
    }

    /** Marks {@code feature} of {@code owner} as written, so that it is serialized even at its default value. */
    public static void mark(EObject owner, EStructuralFeature feature) {
        Marks marks = marks(owner);
        if (marks == null) {
            marks = new Marks();
            owner.eAdapters().add(marks);
        }
        marks.features.add(feature);
    }

    /** Whether the value of {@code feature} was set, written in the text, or marked. */
    public static boolean isWritten(EObject owner, EStructuralFeature feature) {
        return owner.eIsSet(feature) || isMarked(owner, feature) || !NodeModelUtils.findNodesForFeature(owner, feature).isEmpty();
    }

    /** Whether an import marked the feature (the serializer's question). */
    public static boolean isMarked(EObject owner, EStructuralFeature feature) {
        Marks marks = marks(owner);
        return marks != null && marks.features.contains(feature);
    }

    private static Marks marks(EObject owner) {
        for (Adapter adapter : owner.eAdapters()) {
            if (adapter instanceof Marks marks) {
                return marks;
            }
        }
        return null;
    }

    private static final class Marks extends AdapterImpl {
        private final java.util.Set<EStructuralFeature> features = new java.util.HashSet<>();
    }
}
