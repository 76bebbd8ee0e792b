package org.vinfra.lang.ide.symbols;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.vinfra.lang.settings.SettingsPackage;
import org.vinfra.lang.vinfra.VinfraPackage.Literals;

/**
 * How each kind of element shows in editors, in one place: its LSP symbol kind (outline, document and workspace
 * symbols), its completion item kind (the icon of a proposal that refers to it) and its semantic token type (the colour
 * of its name), all from the LSP specification's predefined sets:
 *
 * <table>
 * <tr><th>element</th><th>symbol kind</th><th>completion kind</th><th>token type</th></tr>
 * <tr><td>host</td><td>Class</td><td>Class</td><td>class</td></tr>
 * <tr><td>VM</td><td>Struct</td><td>Struct</td><td>struct</td></tr>
 * <tr><td>network, subnet</td><td>Interface</td><td>Interface</td><td>interface</td></tr>
 * <tr><td>container, service</td><td>Object</td><td>Module</td><td>type</td></tr>
 * <tr><td>compose deployment</td><td>Namespace</td><td>Folder</td><td>namespace</td></tr>
 * <tr><td>image, build stage</td><td>Package</td><td>File</td><td>enum</td></tr>
 * <tr><td>NIC, vNIC, device</td><td>Field</td><td>Field</td><td>property</td></tr>
 * <tr><td>datastore, disk, volume</td><td>File</td><td>File</td><td>variable</td></tr>
 * <tr><td>secret, config</td><td>Key</td><td>Value</td><td>parameter</td></tr>
 * <tr><td>workload</td><td>Function</td><td>Function</td><td>function</td></tr>
 * <tr><td>hypervisor, timeline</td><td>Constructor, Event</td><td></td><td></td></tr>
 * </table>
 */
public final class ElementKinds {

    private ElementKinds() {
    }

    public static SymbolKind symbolKind(EClass type) {
        if (is(type, Literals.HOST)) return SymbolKind.Class;
        if (is(type, Literals.VIRTUAL_MACHINE)) return SymbolKind.Struct;
        if (is(type, Literals.NETWORK) || is(type, SettingsPackage.Literals.SUBNET)) return SymbolKind.Interface;
        if (is(type, Literals.CONTAINER)) return SymbolKind.Object;
        if (is(type, Literals.COMPOSE)) return SymbolKind.Namespace;
        if (is(type, Literals.IMAGE) || is(type, SettingsPackage.Literals.STAGE)) return SymbolKind.Package;
        if (is(type, Literals.NIC) || is(type, Literals.VIRTUAL_NIC) || is(type, Literals.DEVICE)) return SymbolKind.Field;
        if (is(type, Literals.DATASTORE) || is(type, Literals.VIRTUAL_DISK) || is(type, Literals.VOLUME)) return SymbolKind.File;
        if (is(type, Literals.SECRET) || is(type, SettingsPackage.Literals.CONFIG)) return SymbolKind.Key;
        if (is(type, Literals.WORKLOAD)) return SymbolKind.Function;
        if (is(type, Literals.HYPERVISOR)) return SymbolKind.Constructor;
        if (is(type, Literals.TIMELINE)) return SymbolKind.Event;
        return SymbolKind.Property;
    }

    /** A {@link ContentAssistEntry} kind, which Xtext's language server turns into the LSP completion item kind. */
    public static String completionKind(EClass type) {
        if (is(type, Literals.HOST)) return ContentAssistEntry.KIND_CLASS;
        if (is(type, Literals.VIRTUAL_MACHINE)) return "STRUCT";
        if (is(type, Literals.NETWORK) || is(type, SettingsPackage.Literals.SUBNET)) return ContentAssistEntry.KIND_INTERFACE;
        if (is(type, Literals.CONTAINER)) return ContentAssistEntry.KIND_MODULE;
        if (is(type, Literals.COMPOSE)) return "FOLDER";
        if (is(type, Literals.IMAGE) || is(type, SettingsPackage.Literals.STAGE)) return ContentAssistEntry.KIND_FILE;
        if (is(type, Literals.NIC) || is(type, Literals.VIRTUAL_NIC) || is(type, Literals.DEVICE)) return ContentAssistEntry.KIND_FIELD;
        if (is(type, Literals.DATASTORE) || is(type, Literals.VIRTUAL_DISK) || is(type, Literals.VOLUME)) return ContentAssistEntry.KIND_FILE;
        if (is(type, Literals.SECRET) || is(type, SettingsPackage.Literals.CONFIG)) return ContentAssistEntry.KIND_VALUE;
        if (is(type, Literals.WORKLOAD)) return ContentAssistEntry.KIND_FUNCTION;
        return ContentAssistEntry.KIND_REFERENCE;
    }

    /** The semantic token type of an element's name; null for an element without one. */
    public static String tokenType(EClass type) {
        if (is(type, Literals.HOST)) return "class";
        if (is(type, Literals.VIRTUAL_MACHINE)) return "struct";
        if (is(type, Literals.NETWORK) || is(type, SettingsPackage.Literals.SUBNET)) return "interface";
        if (is(type, Literals.CONTAINER)) return "type";
        if (is(type, Literals.COMPOSE)) return "namespace";
        if (is(type, Literals.IMAGE) || is(type, SettingsPackage.Literals.STAGE)) return "enum";
        if (is(type, Literals.NIC) || is(type, Literals.VIRTUAL_NIC) || is(type, Literals.DEVICE)) return "property";
        if (is(type, Literals.DATASTORE) || is(type, Literals.VIRTUAL_DISK) || is(type, Literals.VOLUME)) return "variable";
        if (is(type, Literals.SECRET) || is(type, SettingsPackage.Literals.CONFIG)) return "parameter";
        if (is(type, Literals.WORKLOAD)) return "function";
        return null;
    }

    private static boolean is(EClass type, EClass kind) {
        return kind.isSuperTypeOf(type);
    }
}
