package org.vinfra.lang.validation;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.util.SimpleAttributeResolver;
import org.vinfra.lang.model.Units;
import org.vinfra.lang.vinfra.VinfraPackage.Literals;

/** Words shared by diagnostics: what users call each kind of element, and how quantities read. */
public final class Messages {

    private Messages() {
    }

    public static String kindOf(EClass type) {
        if (type == Literals.HOST) return "host";
        if (type == Literals.VIRTUAL_MACHINE) return "virtual machine";
        if (type == Literals.MACHINE) return "host or virtual machine";
        if (type == Literals.NETWORK) return "network";
        if (type == Literals.NIC) return "NIC";
        if (type == Literals.DATASTORE) return "datastore";
        if (type == Literals.DEVICE) return "device";
        if (type == Literals.IMAGE) return "image";
        if (type == Literals.CONTAINER) return "container or service";
        if (type == Literals.VOLUME) return "volume";
        if (type == Literals.SECRET) return "secret";
        return type.getName().toLowerCase();
    }

    /** "host 'server1'" */
    public static String describe(EObject element) {
        Object name = SimpleAttributeResolver.NAME_RESOLVER.apply(element);
        return kindOf(element.eClass()) + " '" + (name == null ? "?" : name) + "'";
    }

    public static String size(long bytes) {
        return Units.SIZE.format(bytes);
    }

    public static String ratio(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
