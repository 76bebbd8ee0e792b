package org.vinfra.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.impl.EObjectDescriptionLookUp;
import org.eclipse.xtext.util.SimpleAttributeResolver;
import org.junit.jupiter.api.Test;
import org.vinfra.lang.model.ExportFiles;
import org.vinfra.lang.model.Replicas;
import org.vinfra.lang.naming.VinfraResourceDescription;
import org.vinfra.lang.validation.IssueCodes;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.VinfraPackage.Literals;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;

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

    /** Names given twice and exports that clash, found as listing every name and every file finds them, in a file full of near misses. */
    @Test
    void namesGivenTwiceAndClashingExportsAreThoseOfTheWholeList() {
        String model = MODEL + """
                host a1b[1..3] { memory 1 GiB }
                host a2b1 { memory 1 GiB }
                host a1b2 { memory 1 GiB }
                host web10 { memory 1 GiB }
                host web12[3..3] { memory 1 GiB }
                vm web013 on rack3 { }
                vm V2 on rack3 { }
                vm v1[0..5] on rack3 { }
                vm v10 on rack3 { }
                vm Big2147483647 on rack3 { }
                vm LONG[1..20] on rack3 { }
                vm LONG1 on rack3 { }
                vm LONG5 on rack3 { }
                volume web1
                volume v2
                image V1 { from "busybox:1.36" }
                image v1 { from "busybox:1.36" }
                """.replace("LONG", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
        ModelSet models = Models.load(model);
        Model parsed = models.models().get(0);
        List<Problem> problems = models.validate();
        assertEquals(reportedByTheWholeList(parsed, false), reported(problems, IssueCodes.DUPLICATE_NAME, "The name '", "'"));
        assertEquals(reportedByTheWholeList(parsed, true), reported(problems, IssueCodes.EXPORT_CLASH, "is exported to ", ", and so is"));
        assertTrue(reported(problems, IssueCodes.DUPLICATE_NAME, "The name '", "'").size() > 10, problems.toString());
        assertTrue(reported(problems, IssueCodes.EXPORT_CLASH, "is exported to ", ", and so is").size() > 3, problems.toString());

        VinfraResourceDescription scenario = (VinfraResourceDescription) Models.INJECTOR.getInstance(IResourceDescription.Manager.class)
                .getResourceDescription(Models.parse("host h[1..20000] { memory 1 GiB }\nvm v[1..40000] on h { }\nvm web on h { }").eResource());
        assertEquals(List.of(), scenario.getExportedObjectsThatMayShareAName(), "names unlike any other are not listed");
    }

    /** Where each problem with {@code code} is (its offset), and the name or file it quotes. */
    private static List<String> reported(List<Problem> problems, String code, String before, String after) {
        List<String> reported = new ArrayList<>();
        for (Problem problem : problems) {
            if (problem.code().equals(code)) {
                int start = problem.message().indexOf(before) + before.length();
                reported.add(problem.offset() + " " + problem.message().substring(start, problem.message().indexOf(after, start)));
            }
        }
        return reported.stream().sorted().toList();
    }

    /**
     * What listing every name (or every exported file) in order reports: each element that shares one with another element,
     * with the first one found.
     */
    private static List<String> reportedByTheWholeList(Model model, boolean files) {
        Map<String, EObject> first = new HashMap<>();
        Map<EObject, String> reported = new LinkedHashMap<>();
        if (!files) {
            for (IEObjectDescription entry : Models.INJECTOR.getInstance(IResourceDescription.Manager.class).getResourceDescription(model.eResource())
                    .getExportedObjects()) {
                EClass cluster = Literals.MACHINE.isSuperTypeOf(entry.getEClass()) ? Literals.MACHINE : entry.getEClass();
                EObject earlier = first.putIfAbsent(entry.getName() + " " + cluster.getName(), entry.getEObjectOrProxy());
                if (earlier != null && earlier != entry.getEObjectOrProxy()) {
                    reported.putIfAbsent(earlier, entry.getName().toString());
                    reported.putIfAbsent(entry.getEObjectOrProxy(), entry.getName().toString());
                }
            }
        } else {
            Map<String, List<Object[]>> byKey = new LinkedHashMap<>();
            for (EObject element : model.getElements()) {
                List<String> paths = ExportFiles.of(element);
                String name = SimpleAttributeResolver.NAME_RESOLVER.apply(element);
                List<String> names = Replicas.of(element) != null ? Replicas.names(name, Replicas.of(element)) : List.of(name);
                for (int i = 0; i < paths.size(); i++) {
                    byKey.computeIfAbsent(ExportFiles.clashKey(paths.get(i)), key -> new ArrayList<>()).add(new Object[] { element, paths.get(i), names.get(i) });
                }
            }
            for (List<Object[]> same : byKey.values()) {
                for (Object[] export : same) {
                    for (Object[] other : same) {
                        if (other[0] != export[0] && !other[2].equals(export[2])) {
                            reported.putIfAbsent((EObject) export[0], (String) export[1]);
                        }
                    }
                }
            }
        }
        List<String> positions = new ArrayList<>();
        reported.forEach((element, name) -> positions.add(NodeModelUtils.findNodesForFeature(element, element.eClass().getEStructuralFeature("name")).get(0)
                .getOffset() + " " + name));
        return positions.stream().sorted().toList();
    }

    private static List<String> entries(Iterable<IEObjectDescription> found) {
        List<String> entries = new ArrayList<>();
        for (IEObjectDescription entry : found) {
            entries.add(entry.getName() + " -> " + entry.getEObjectURI().fragment() + " " + entry.getEClass().getName());
        }
        return entries;
    }
}
