package org.vinfra.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.impl.EObjectDescriptionLookUp;
import org.junit.jupiter.api.Test;
import org.vinfra.lang.naming.VinfraResourceDescription;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.VinfraPackage.Literals;

/**
 * A file's index entry answers a name (what linking asks) without listing every replica name: the answers must be
 * those of Xtext's look-up over the whole list, entry for entry and in the same order, for every name the list holds
 * and for names that are close to them.
 */
class ReplicaNamesTest {

    private static final String MODEL = """
            host web[1..12] { memory 1 GiB nic eth0 { } }
            host web1[0..3] { memory 1 GiB }
            host Web5 { memory 1 GiB }
            host rack { memory 1 GiB nic eth0 { } }
            host rack3 { memory 1 GiB nic eth0 { } }
            host r0[0..0] { memory 1 GiB }
            vm v[0..2] on web { }
            vm big[2147483640..2147483647] on rack { }
            """;

    @Test
    void namesAreFoundAsTheWholeListFindsThem() {
        Model model = Models.parse(MODEL);
        Resource resource = model.eResource();
        IResourceDescription description = Models.INJECTOR.getInstance(IResourceDescription.Manager.class).getResourceDescription(resource);
        assertTrue(description instanceof VinfraResourceDescription, description.getClass().getName());
        List<IEObjectDescription> whole = new ArrayList<>();
        description.getExportedObjects().forEach(whole::add);
        EObjectDescriptionLookUp reference = new EObjectDescriptionLookUp(whole);

        Set<QualifiedName> names = new LinkedHashSet<>();
        for (IEObjectDescription entry : whole) {
            names.add(entry.getName());
            names.add(entry.getName().toUpperCase());
        }
        for (String text : List.of("web0", "web13", "web012", "web1", "web10", "web", "WEB", "web5", "web3.eth0", "WEB3.ETH0", "web13.eth0",
                "web03.eth0", "rack3.eth0", "rack4.eth0", "r00", "r0", "v0", "v3", "v", "big2147483640", "big2147483639", "big2147483647", "big2147483648",
                "big99999999999", "nosuch", "eth0", "web3.eth1", "web3.eth0.x", "x.web3")) {
            names.add(QualifiedName.create(text.split("\\.")));
        }
        List<EClass> types = List.of(EcorePackage.Literals.EOBJECT, Literals.HOST, Literals.MACHINE, Literals.VIRTUAL_MACHINE, Literals.NIC);
        int answered = 0;
        for (QualifiedName name : names) {
            for (boolean ignoreCase : new boolean[] { false, true }) {
                for (EClass type : types) {
                    List<String> expected = entries(reference.getExportedObjects(type, name, ignoreCase));
                    List<String> actual = entries(description.getExportedObjects(type, name, ignoreCase));
                    assertEquals(expected, actual, name + (ignoreCase ? " ignoring case" : "") + " as a " + type.getName());
                    answered += expected.size();
                }
            }
        }
        assertTrue(answered > 100, "the names have answers to compare: " + answered);
        assertEquals(whole.isEmpty(), description.isEmpty());
        IResourceDescription empty = Models.INJECTOR.getInstance(IResourceDescription.Manager.class)
                .getResourceDescription(Models.parse("import \"other.vinfra\"\n").eResource());
        assertTrue(empty.isEmpty() && !empty.getExportedObjects().iterator().hasNext());
    }

    private static List<String> entries(Iterable<IEObjectDescription> found) {
        List<String> entries = new ArrayList<>();
        for (IEObjectDescription entry : found) {
            entries.add(entry.getName() + " -> " + entry.getEObjectURI().fragment() + " " + entry.getEClass().getName());
        }
        return entries;
    }
}
