package org.vinfra.lang.edit;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.vinfra.lang.validation.Messages;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.VinfraPackage.Literals;

/** How results and refusals name elements: "disk 'root' of virtual machine 'web' (lab.vinfra:12)". */
final class Descriptions {

    private Descriptions() {
    }

    /**
     * "virtual machine 'web' (vms.vinfra:4)", "disk 'root' of virtual machine 'web' (vms.vinfra:8)": the
     * nearest named element holding {@code element}, and where {@code element} is written.
     */
    static String describeReferrer(EObject element) {
        EObject named = element;
        while (named != null && !(named instanceof Model) && !isNamed(named)) {
            named = named.eContainer();
        }
        if (named == null || named instanceof Model) {
            EObject top = element;
            while (top.eContainer() != null && !(top.eContainer() instanceof Model)) {
                top = top.eContainer();
            }
            return "the " + top.eClass().getName().toLowerCase() + " (" + SourceText.location(element) + ")";
        }
        return describe(named) + " (" + SourceText.location(element) + ")";
    }

    /** The nearest named element holding {@code holder}, and where {@code holder} is written: "virtual machine 'web' (a.vinfra:7)". */
    static String describeHolder(EObject holder) {
        EObject named = holder.eContainer();
        while (named != null && !(named instanceof Model) && !isNamed(named)) {
            named = named.eContainer();
        }
        String owner = named == null || named instanceof Model ? "the " + holder.eContainer().eClass().getName().toLowerCase() : describe(named);
        return owner + " (" + SourceText.location(holder) + ")";
    }

    static boolean isNamed(EObject element) {
        return element.eClass().getEStructuralFeature("name") instanceof EAttribute name && element.eGet(name) != null;
    }

    /** "disk 'root' of virtual machine 'web'", "host 'server1'". */
    static String describe(EObject element) {
        String own = kind(element.eClass()) + " '" + element.eGet(element.eClass().getEStructuralFeature("name")) + "'";
        EObject container = element.eContainer();
        return container != null && !(container instanceof Model) && isNamed(container) ? own + " of " + describe(container) : own;
    }

    static String kind(EClass type) {
        if (type == Literals.VIRTUAL_NIC) {
            return "vNIC";
        }
        if (type == Literals.VIRTUAL_DISK) {
            return "disk";
        }
        if (type == Literals.COMPOSE) {
            return "compose deployment";
        }
        if (type == Literals.WORKLOAD) {
            return "workload";
        }
        return Messages.kindOf(type);
    }

    static String oneLine(EObject element) {
        return NodeModelUtils.getTokenText(SourceText.nodeOf(element)).replaceAll("\\s+", " ").strip();
    }

    static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
