package org.vinfra.diagram.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.glsp.graph.GLabel;
import org.eclipse.glsp.graph.GModelElement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vinfra.diagram.Models;
import org.vinfra.diagram.graph.DiagramIds;
import org.vinfra.diagram.graph.DiagramTypes;
import org.vinfra.diagram.graph.TopologyDiagram;
import org.vinfra.diagram.graph.TopologyGraphBuilder;
import org.vinfra.diagram.layout.TopologyLayout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG a user opens in a browser: valid XML, every name written, problems visible. */
class SvgRendererTest {

    static Stream<Path> examples() {
        return Models.examples().stream();
    }

    private static String render(TopologyDiagram diagram, String title) {
        new TopologyLayout().layout(diagram.graph());
        return SvgRenderer.render(diagram, title);
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document document) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyNameIsWrittenAndTheDocumentParses(Path file, @TempDir Path dir) throws Exception {
        Models.Loaded loaded = Models.load(file);
        TopologyDiagram collapsed = loaded.diagram();
        TopologyDiagram expanded = loaded.diagram(TopologyGraphBuilder.replicatedIds(collapsed).toArray(String[]::new));
        for (TopologyDiagram diagram : List.of(collapsed, expanded)) {
            String svg = render(diagram, file.getFileName().toString());
            Document document = parse(svg);
            assertEquals("svg", document.getDocumentElement().getLocalName());
            Set<String> texts = new HashSet<>(texts(document));
            int names = 0;
            for (GModelElement element : diagram.elements().values()) {
                if (element instanceof GLabel label && (DiagramTypes.LABEL_NAME.equals(label.getType()) || DiagramTypes.LABEL_EDGE.equals(label.getType()))) {
                    assertTrue(texts.contains(label.getText()), file.getFileName() + ": '" + label.getText() + "' (" + label.getId() + ") is written");
                    names++;
                }
            }
            assertEquals(diagram.elements().values().stream().filter(e -> DiagramTypes.isNode(e.getType()) || DiagramTypes.VNIC.equals(e.getType())).count(),
                    diagram.elements().values().stream().filter(e -> e instanceof GLabel l && DiagramTypes.LABEL_NAME.equals(l.getType())).count(),
                    "every node and vNIC has its name");
            assertTrue(names > 0 || diagram.elements().size() == 1);
            Path out = dir.resolve(file.getFileName() + ".svg");
            Files.writeString(out, svg);
            xmllint(out);
        }
    }

    /** xmllint --noout, when the machine has it. */
    private static void xmllint(Path file) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("xmllint", "--noout", file.toString()).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            Assumptions.abort("xmllint is not installed");
            return;
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "xmllint: " + output);
    }

    @Test
    void hostsAreContainersWithAHeaderAndNetworksAreDrawnApart() throws Exception {
        Document document = parse(render(Models.load(Models.example("kvm-sriov-server.vinfra")).diagram(), "kvm"));
        Element host = group(document, "host:server1");
        assertTrue(host.getAttribute("class").contains("host"));
        assertEquals("10", firstChild(host, "rect").getAttribute("rx"), "rounded");
        assertEquals("header", firstChild(host, "path").getAttribute("class"));
        Element vm = group(document, "vm:db");
        assertTrue(isInside(vm, host), "the VM is drawn inside its host's group");
        Element network = group(document, "network:datacenter");
        assertTrue(network.getAttribute("class").contains("network"));
        Element edge = group(document, "vm:db/nic:eth0->network:datacenter");
        assertTrue(edge.getAttribute("class").contains("vnic"));
        assertEquals("192.168.10.20", firstChild(edge, "text").getTextContent());
        assertTrue(firstChild(edge, "polyline").getAttribute("points").split(" ").length >= 2);
        assertTrue(group(document, "vm:web").getAttribute("class").contains("replicated"));
    }

    @Test
    void problemsAreBadgesWithTheirMessage(@TempDir Path dir) throws Exception {
        Models.Loaded loaded = Models.text(dir, "lab.vinfra", """
                host h { cpu { cores 2 features vt-x } memory 4 GiB hypervisor kvm }
                vm v on h { vcpus 4 memory 1 GiB guest "<Windows & \\"friends\\">" }
                container c { image "nginx" }
                """);
        String svg = render(loaded.diagram(), "lab <&> \"bad\"");
        Document document = parse(svg);
        Element vm = group(document, "vm:v");
        Element badge = null;
        NodeList groups = vm.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            if (((Element) groups.item(i)).getAttribute("class").equals("marker error")) {
                badge = (Element) groups.item(i);
            }
        }
        assertTrue(badge != null, "an error badge on the VM");
        String title = firstChild(badge, "title").getTextContent();
        assertTrue(title.startsWith("error vinfra.vcpus-exceed-host: VM 'v' has 4 vCPUs but host 'h' has only 2 logical CPUs"), title);
        Element container = group(document, "container:c");
        assertTrue(container.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g").getLength() > 0, "the unpinned image is a warning badge");
        assertTrue(texts(document).contains("<Windows & \"friends\">"), "text is escaped, not lost");
        assertEquals("lab <&> \"bad\"", firstChild(document.getDocumentElement(), "title").getTextContent());
    }

    @Test
    void anEmptyModelIsAnEmptyPicture(@TempDir Path dir) throws Exception {
        Document document = parse(render(Models.text(dir, "empty.vinfra", "// nothing yet\n").diagram(), "empty"));
        assertEquals(DiagramIds.DIAGRAM_TYPE, document.getDocumentElement().getAttribute("data-diagram-type"));
    }

    @Test
    void coordinatesHaveOneDecimalAtMost() {
        assertEquals("3", SvgRenderer.n(3));
        assertEquals("1.3", SvgRenderer.n(1.25));
        assertEquals("-0.5", SvgRenderer.n(-0.5));
        assertEquals("-1", SvgRenderer.n(-1.0));
        assertEquals("0", SvgRenderer.n(-0.04));
        assertEquals("-12.7", SvgRenderer.n(-12.66));
        assertEquals("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;", SvgRenderer.escape("a & b <c> \"d\" 'e'\u0001"));
    }

    private static Element group(Document document, String id) {
        NodeList groups = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (id.equals(group.getAttribute("data-id"))) {
                return group;
            }
        }
        throw new AssertionError("no <g data-id=\"" + id + "\">");
    }

    private static Element firstChild(Element parent, String name) {
        for (org.w3c.dom.Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.equals(element.getLocalName())) {
                return element;
            }
        }
        throw new AssertionError("no <" + name + "> in " + parent.getAttribute("data-id"));
    }

    private static boolean isInside(Element inner, Element outer) {
        for (org.w3c.dom.Node each = inner.getParentNode(); each != null; each = each.getParentNode()) {
            if (each == outer) {
                return true;
            }
        }
        return false;
    }
}
