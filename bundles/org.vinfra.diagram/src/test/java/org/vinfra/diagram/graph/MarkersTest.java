package org.vinfra.diagram.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.glsp.server.features.validation.Marker;
import org.eclipse.glsp.server.features.validation.MarkerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vinfra.diagram.Diagrams;
import org.vinfra.diagram.Models;
import org.vinfra.lang.workspace.Problem;

/** The validation problems on the diagram's elements: the same problems, codes and messages as vinfra validate. */
class MarkersTest {

    private static final String LAB = """
            host small {
            	cpu { cores 4 features vt-x }
            	memory 8 GiB
            	datastore disk { capacity 100 GiB used 90 GiB }
            	hypervisor kvm
            }
            host bare {
            	cpu { cores 2 }
            	memory 4 GiB
            }
            network lan on small { cidr 10.0.0.0/24 }
            vm big on small {
            	vcpus 8
            	memory 16 GiB
            	nic eth0 on lan ip 10.9.9.9
            	nic eth1 on nowhere
            	disk data 50 GiB thick on disk
            }
            vm lost on bare {
            	vcpus 1
            	memory 1 GiB
            }
            image base {
            	from "debian"
            }
            """;

    @Test
    void eachProblemIsOnTheElementItIsAbout(@TempDir Path dir) {
        Models.Loaded loaded = Models.text(dir, "lab.vinfra", LAB);
        TopologyDiagram diagram = loaded.diagram();
        DiagramMarkers markers = diagram.markers();

        assertEquals(loaded.problems().stream().map(Problem::format).sorted().toList(),
                markers.byElement().values().stream().flatMap(List::stream).map(Problem::format).sorted().toList(), "every problem once, none invented");
        assertTrue(codes(markers, "vm:big").containsAll(Set.of("vinfra.vcpus-exceed-host", "vinfra.disk-exceeds-datastore")),
                "vCPUs and the thick disk (a disk is drawn in its VM): " + markers.byElement());
        assertTrue(codes(markers, "vm:big/nic:eth0").contains("vinfra.ip-outside-cidr"), markers.byElement().toString());
        assertTrue(codes(markers, "vm:big/nic:eth1").contains("vinfra.unresolved-reference"), markers.byElement().toString());
        assertTrue(codes(markers, "vm:lost").contains("vinfra.vm-without-hypervisor"), markers.byElement().toString());
        assertTrue(codes(markers, "host:small").contains("vinfra.cpu-overcommit-exceeded"), "a problem on a hypervisor is on its host");
        assertTrue(codes(markers, DiagramIds.ROOT_ID).contains("vinfra.unpinned-image"), "an image is not drawn: the root holds its problem");

        Problem vcpus = markers.problemsOf("vm:big").stream().filter(p -> p.code().equals("vinfra.vcpus-exceed-host")).findFirst().orElseThrow();
        Problem same = loaded.problems().stream().filter(p -> p.code().equals("vinfra.vcpus-exceed-host")).findFirst().orElseThrow();
        assertEquals(same.format(), vcpus.format(), "the same message, file, line and column as vinfra validate prints");
    }

    @Test
    void markersAreGlspMarkersForTheModelValidator(@TempDir Path dir) {
        TopologyDiagram diagram = Models.text(dir, "lab.vinfra", LAB).diagram();
        TopologyValidator validator = new TopologyValidator(diagram::markers);
        List<Marker> all = validator.validate(List.of(diagram.graph()), "batch");
        assertEquals(diagram.markers().markers().size(), all.size(), "every marker, found by walking the graph");
        Marker vcpus = all.stream().filter(m -> m.getLabel().equals("vinfra.vcpus-exceed-host")).findFirst().orElseThrow();
        assertEquals("vm:big", vcpus.getElementId());
        assertEquals(MarkerKind.ERROR, vcpus.getType());
        assertTrue(vcpus.getDescription().startsWith("VM 'big' has 8 vCPUs but host 'small' has only 4 logical CPUs"), vcpus.getDescription());
        assertEquals(validator.doBatchValidation(Diagrams.element(diagram, "vm:big")),
                validator.doLiveValidation(Diagrams.element(diagram, "vm:big")));
        assertTrue(validator.doBatchValidation(Diagrams.element(diagram, "vm:big#name")).isEmpty());
    }

    @Test
    void overcommitIsVisibleOnTheHostWithTheValidatorsFigures(@TempDir Path dir) {
        Models.Loaded loaded = Models.text(dir, "busy.vinfra", """
                host h {
                	cpu { cores 4 threads 2 features vt-x }
                	memory 16 GiB
                	hypervisor kvm { overcommit { cpu 2.0 memory 1.5 } }
                }
                vm v[1..6] on h { vcpus 3 memory 5 GiB }
                """);
        TopologyDiagram diagram = loaded.diagram();
        String cpuError = loaded.problems().stream().filter(p -> p.code().equals("vinfra.cpu-overcommit-exceeded")).findFirst().orElseThrow().message();
        assertTrue(cpuError.startsWith("Host 'h' commits 18 vCPUs on 8 logical CPUs"), cpuError);
        String memoryError = loaded.problems().stream().filter(p -> p.code().equals("vinfra.memory-overcommit-exceeded")).findFirst().orElseThrow()
                .message();
        assertTrue(memoryError.startsWith("Host 'h' gives its VMs 30 GiB of memory but has 16 GiB"), memoryError);
        assertEquals("vCPUs 18 committed of 16 (8 logical × 2)", Diagrams.label(diagram, "host:h", DiagramIds.COMMITTED_VCPUS));
        assertEquals("memory 30 GiB committed of 24 GiB (16 GiB × 1.5)", Diagrams.label(diagram, "host:h", DiagramIds.COMMITTED_MEMORY));
        var host = Diagrams.element(diagram, "host:h");
        assertTrue(host.getCssClasses().contains(DiagramArgs.CSS_OVERCOMMIT_EXCEEDED));
        assertEquals(18L, host.getArgs().get(DiagramArgs.COMMITTED_VCPUS));
        assertEquals(8L, host.getArgs().get(DiagramArgs.LOGICAL_CPUS));
        assertEquals(16.0, host.getArgs().get(DiagramArgs.AVAILABLE_VCPUS));
        assertEquals(30L << 30, host.getArgs().get(DiagramArgs.COMMITTED_MEMORY));
        assertEquals(16L << 30, host.getArgs().get(DiagramArgs.PHYSICAL_MEMORY));
        assertTrue(codes(diagram.markers(), "host:h").containsAll(Set.of("vinfra.cpu-overcommit-exceeded", "vinfra.memory-overcommit-exceeded")));
    }

    @Test
    void aProblemInsideAnExpandedGroupStaysOnTheGroup(@TempDir Path dir) {
        Models.Loaded loaded = Models.text(dir, "group.vinfra", """
                host h { cpu { cores 2 features vt-x } memory 16 GiB hypervisor kvm }
                vm v[1..3] on h { vcpus 4 memory 1 GiB nic e on missing }
                """);
        TopologyDiagram expanded = loaded.diagram("vm:v");
        assertTrue(codes(expanded.markers(), "vm:v").contains("vinfra.vcpus-exceed-host"));
        assertTrue(codes(expanded.markers(), "vm:v").contains("vinfra.unresolved-reference"),
                "the vNIC of the declaration is not drawn when expanded: its group is: " + expanded.markers().byElement());
    }

    private static Set<String> codes(DiagramMarkers markers, String id) {
        Set<String> codes = new TreeSet<>();
        markers.problemsOf(id).forEach(p -> codes.add(p.code()));
        return codes;
    }
}
