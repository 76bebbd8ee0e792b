package org.vinfra.diagram.svg;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.glsp.graph.GButton;
import org.eclipse.glsp.graph.GEdge;
import org.eclipse.glsp.graph.GGraph;
import org.eclipse.glsp.graph.GLabel;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.GNode;
import org.eclipse.glsp.graph.GPoint;
import org.eclipse.glsp.graph.GPort;
import org.eclipse.glsp.graph.builder.impl.GArguments;
import org.vinfra.diagram.graph.DiagramArgs;
import org.vinfra.diagram.graph.DiagramIds;
import org.vinfra.diagram.graph.DiagramMarkers;
import org.vinfra.diagram.graph.DiagramTypes;
import org.vinfra.diagram.graph.TopologyDiagram;
import org.vinfra.diagram.layout.TextMetrics;
import org.vinfra.lang.workspace.Problem;

/**
 * Renders a laid-out topology graph as one standalone SVG document (no script, no external file): hosts as
 * rounded containers with a header, VMs, containers and compose groups inside them, networks as pills,
 * edges as polylines with their labels, and the validation problems as small badges (red: error, amber:
 * warning) whose {@code <title>} holds the code and message (a browser shows it on hover). Every element's
 * name is a {@code <text>}; every element's group carries its diagram id in {@code data-id} and its type in
 * {@code class}.
 */
public final class SvgRenderer {

    private static final double MARGIN = 20;
    private static final double BADGE = 7;

    private static final String STYLE = """
            text{font-family:Helvetica,Arial,'Liberation Sans',sans-serif;fill:#1d2433}
            .name{font-size:13px;font-weight:bold}
            .figure,.edge-label{font-size:11px}
            .port-name{font-size:10px;fill:#455066}
            .shape{stroke:#56627a;stroke-width:1.2}
            .host>.shape{fill:#f4f6fa;stroke:#3b4a66;stroke-width:1.6}
            .host>.header{fill:#dde4f0}
            .host.overcommitted>.shape{stroke:#c77700;stroke-width:2.4}
            .host.overcommit-exceeded>.shape{stroke:#c62828;stroke-width:2.8}
            .vm>.shape{fill:#e3efff}
            .container>.shape{fill:#fff1dc}
            .compose>.shape{fill:#fffaf0;stroke-dasharray:6 3}
            .network>.shape{fill:#dcf3e4;stroke:#2e7d4f}
            .nic>.shape{fill:#eceff4}
            .datastore>.shape{fill:#f3ecdf}
            .device>.shape{fill:#efe6f5}
            .stack{fill:#ffffff;stroke:#56627a;stroke-width:1}
            .port{fill:#3b4a66}
            .button{fill:#ffffff;stroke:#3b4a66}
            .edge polyline{fill:none;stroke:#56627a;stroke-width:1.2}
            .edge.vnic polyline{stroke:#2e7d4f}
            .edge.uplink polyline{stroke:#2e7d4f;stroke-width:2.4}
            .edge.sriov polyline{stroke:#6a3fa0;stroke-dasharray:5 3}
            .edge.passthrough polyline{stroke:#6a3fa0;stroke-dasharray:2 2}
            .edge.depends-on polyline{stroke:#b35900;stroke-dasharray:6 3}
            .edge.attachment polyline{stroke:#2e7d4f;stroke-dasharray:4 2}
            .edge-label-box{fill:#ffffff;fill-opacity:0.85}
            .marker.error circle{fill:#c62828}
            .marker.warning circle{fill:#e0a000}
            .marker.info circle{fill:#1e6fd9}
            .marker text{fill:#ffffff;font-size:10px;font-weight:bold}
            """;

    private final DiagramMarkers markers;
    private final StringBuilder svg = new StringBuilder(1 << 16);

    private SvgRenderer(DiagramMarkers markers) {
        this.markers = markers;
    }

    /** The diagram (laid out) with its markers, as an SVG document. */
    public static String render(TopologyDiagram diagram, String title) {
        return render(diagram.graph(), diagram.markers(), title);
    }

    /**
     * A laid-out graph as an SVG document.
     *
     * @param markers the problems to show as badges ({@link DiagramMarkers#none()} for none)
     * @param title the document's title (e.g. the model's file name)
     */
    public static String render(GGraph graph, DiagramMarkers markers, String title) {
        return new SvgRenderer(markers).document(graph, title);
    }

    private String document(GGraph graph, String title) {
        double[] bounds = bounds(graph);
        double x = bounds[0] - MARGIN;
        double y = bounds[1] - MARGIN - (markers.problemsOf(DiagramIds.ROOT_ID).isEmpty() ? 0 : 24);
        double width = bounds[2] - bounds[0] + 2 * MARGIN;
        double height = bounds[3] - y + MARGIN;
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(n(width)).append("\" height=\"").append(n(height))
                .append("\" viewBox=\"").append(n(x)).append(' ').append(n(y)).append(' ').append(n(width)).append(' ').append(n(height))
                .append("\" data-diagram-type=\"").append(DiagramIds.DIAGRAM_TYPE).append("\">\n");
        svg.append("<title>").append(escape(title)).append("</title>\n");
        svg.append("<style>\n").append(STYLE).append("</style>\n");
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#56627a\"/></marker></defs>\n");
        svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(width)).append("\" height=\"")
                .append(n(height)).append("\" fill=\"#ffffff\"/>\n");
        List<Problem> rootProblems = markers.problemsOf(DiagramIds.ROOT_ID);
        if (!rootProblems.isEmpty()) {
            badge(rootProblems, bounds[0], y + 12);
            svg.append("<text class=\"figure\" x=\"").append(n(bounds[0] + 12)).append("\" y=\"").append(n(y + 16)).append("\">")
                    .append(rootProblems.size()).append(rootProblems.size() == 1 ? " problem" : " problems").append(" outside the drawn elements</text>\n");
        }
        svg.append("<g class=\"nodes\">\n");
        for (GModelElement child : graph.getChildren()) {
            if (child instanceof GNode node) {
                node(node, 0, 0);
            }
        }
        svg.append("</g>\n<g class=\"edges\">\n");
        for (GModelElement child : graph.getChildren()) {
            if (child instanceof GEdge edge) {
                edge(edge);
            }
        }
        svg.append("</g>\n</svg>\n");
        return svg.toString();
    }

    /** {minX, minY, maxX, maxY} of everything drawn. */
    private static double[] bounds(GGraph graph) {
        double[] bounds = { Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
        for (GModelElement child : graph.getChildren()) {
            if (child instanceof GNode node && node.getPosition() != null && node.getSize() != null) {
                include(bounds, node.getPosition().getX(), node.getPosition().getY());
                include(bounds, node.getPosition().getX() + node.getSize().getWidth(), node.getPosition().getY() + node.getSize().getHeight());
            } else if (child instanceof GEdge edge) {
                for (GPoint point : points(edge)) {
                    include(bounds, point.getX(), point.getY());
                }
                for (GModelElement part : edge.getChildren()) {
                    if (part instanceof GLabel label && label.getPosition() != null && label.getSize() != null) {
                        include(bounds, label.getPosition().getX(), label.getPosition().getY());
                        include(bounds, label.getPosition().getX() + label.getSize().getWidth(), label.getPosition().getY() + label.getSize().getHeight());
                    }
                }
            }
        }
        if (bounds[0] > bounds[2]) {
            return new double[] { 0, 0, 200, 60 };
        }
        return bounds;
    }

    private static void include(double[] bounds, double x, double y) {
        bounds[0] = Math.min(bounds[0], x);
        bounds[1] = Math.min(bounds[1], y);
        bounds[2] = Math.max(bounds[2], x);
        bounds[3] = Math.max(bounds[3], y);
    }

    private void node(GNode node, double parentX, double parentY) {
        if (node.getPosition() == null || node.getSize() == null) {
            return;
        }
        double x = parentX + node.getPosition().getX();
        double y = parentY + node.getPosition().getY();
        double width = node.getSize().getWidth();
        double height = node.getSize().getHeight();
        String kind = node.getType().substring(node.getType().indexOf(':') + 1);
        svg.append("<g class=\"node ").append(kind);
        for (String css : node.getCssClasses()) {
            svg.append(' ').append(escape(css));
        }
        svg.append("\" data-id=\"").append(escape(node.getId())).append("\">");
        svg.append("<title>").append(escape(kind + " " + name(node))).append("</title>");
        boolean collapsed = Boolean.TRUE.equals(node.getArgs().get(DiagramArgs.EXPANDABLE)) && !Boolean.TRUE.equals(node.getArgs().get(DiagramArgs.EXPANDED));
        double radius = switch (node.getType()) {
            case DiagramTypes.HOST -> 10;
            case DiagramTypes.NETWORK -> Math.min(16, height / 2);
            case DiagramTypes.COMPOSE -> 8;
            case DiagramTypes.VM -> 5;
            default -> 3;
        };
        if (collapsed) {
            for (int i = 2; i >= 1; i--) {
                rect("stack", x + 4 * i, y - 4 * i, width, height, radius, " fill=\"#ffffff\" stroke=\"#56627a\" stroke-width=\"1\"");
            }
        }
        rect("shape", x, y, width, height, radius, shapePaint(kind, node.getCssClasses()));
        if (DiagramTypes.HOST.equals(node.getType())) {
            double header = headerHeight(node);
            if (header > 0 && header < height) {
                svg.append("<path class=\"header\" fill=\"#dde4f0\" d=\"M").append(n(x + 0.8)).append(',').append(n(y + header)).append(" V").append(n(y + radius))
                        .append(" Q").append(n(x + 0.8)).append(',').append(n(y + 0.8)).append(' ').append(n(x + radius)).append(',').append(n(y + 0.8))
                        .append(" H").append(n(x + width - radius)).append(" Q").append(n(x + width - 0.8)).append(',').append(n(y + 0.8)).append(' ')
                        .append(n(x + width - 0.8)).append(',').append(n(y + radius)).append(" V").append(n(y + header)).append(" Z\"/>");
            }
        }
        for (GModelElement child : node.getChildren()) {
            if (child instanceof GLabel label) {
                label(label, x, y);
            } else if (child instanceof GButton button && button.getPosition() != null) {
                double bx = x + button.getPosition().getX();
                double by = y + button.getPosition().getY();
                double size = button.getSize() == null ? 14 : button.getSize().getWidth();
                svg.append("<g class=\"expand\" data-id=\"").append(escape(button.getId())).append("\"><title>")
                        .append(collapsed ? "expand into its replicas" : "collapse its replicas").append("</title>");
                rect("button", bx, by, size, size, 2, " fill=\"#ffffff\" stroke=\"#3b4a66\"");
                svg.append("<path d=\"M").append(n(bx + 3)).append(',').append(n(by + size / 2)).append(" H").append(n(bx + size - 3));
                if (collapsed) {
                    svg.append(" M").append(n(bx + size / 2)).append(',').append(n(by + 3)).append(" V").append(n(by + size - 3));
                }
                svg.append("\" stroke=\"#3b4a66\" stroke-width=\"1.5\"/></g>");
            }
        }
        svg.append('\n');
        for (GModelElement child : node.getChildren()) {
            if (child instanceof GNode inner) {
                node(inner, x, y);
            }
        }
        for (GModelElement child : node.getChildren()) {
            if (child instanceof GPort port) {
                port(port, x, y);
            }
        }
        List<Problem> problems = markers.problemsOf(node.getId());
        if (!problems.isEmpty()) {
            badge(problems, x + width - BADGE - 2, y + 2);
        }
        svg.append("</g>\n");
    }

    private static double headerHeight(GNode node) {
        double bottom = 0;
        for (GModelElement child : node.getChildren()) {
            if (child instanceof GLabel label && label.getPosition() != null && label.getSize() != null) {
                bottom = Math.max(bottom, label.getPosition().getY() + label.getSize().getHeight());
            }
        }
        return bottom + 4;
    }

    private void port(GPort port, double parentX, double parentY) {
        if (port.getPosition() == null) {
            return;
        }
        double x = parentX + port.getPosition().getX();
        double y = parentY + port.getPosition().getY();
        double size = port.getSize() == null ? 10 : port.getSize().getWidth();
        svg.append("<g class=\"port vnic\" data-id=\"").append(escape(port.getId())).append("\"><title>vNIC ").append(escape(name(port)));
        if (port.getArgs().get(DiagramArgs.IP) instanceof String ip) {
            svg.append(' ').append(escape(ip));
        }
        svg.append("</title>");
        rect("port", x, y, size, size, 1, " fill=\"#3b4a66\"");
        for (GModelElement child : port.getChildren()) {
            if (child instanceof GLabel label) {
                svg.append("<text class=\"port-name\" x=\"").append(n(x + size + 2)).append("\" y=\"").append(n(y - 2)).append("\" data-id=\"")
                        .append(escape(label.getId())).append("\">").append(escape(label.getText())).append("</text>");
            }
        }
        List<Problem> problems = markers.problemsOf(port.getId());
        if (!problems.isEmpty()) {
            badge(problems, x - BADGE, y - BADGE);
        }
        svg.append("</g>\n");
    }

    private void label(GLabel label, double parentX, double parentY) {
        if (label.getPosition() == null) {
            return;
        }
        boolean name = DiagramTypes.LABEL_NAME.equals(label.getType());
        double size = name ? TextMetrics.NAME_SIZE : TextMetrics.FIGURE_SIZE;
        double baseline = parentY + label.getPosition().getY() + size;
        svg.append("<text class=\"").append(name ? "name" : "figure").append("\" x=\"").append(n(parentX + label.getPosition().getX()))
                .append("\" y=\"").append(n(baseline)).append("\" data-id=\"").append(escape(label.getId())).append("\">")
                .append(escape(label.getText())).append("</text>");
    }

    private void edge(GEdge edge) {
        List<GPoint> points = points(edge);
        if (points.size() < 2) {
            return;
        }
        String kind = edge.getType().substring(edge.getType().indexOf(':') + 1);
        svg.append("<g class=\"edge ").append(kind).append("\" data-id=\"").append(escape(edge.getId())).append("\"><title>").append(escape(kind))
                .append(": ").append(escape(edge.getSourceId())).append(" to ").append(escape(edge.getTargetId())).append("</title><polyline")
                .append(edgePaint(kind)).append(" points=\"");
        for (int i = 0; i < points.size(); i++) {
            if (i > 0) {
                svg.append(' ');
            }
            svg.append(n(points.get(i).getX())).append(',').append(n(points.get(i).getY()));
        }
        svg.append('"');
        if (!DiagramTypes.EDGE_VNIC.equals(edge.getType()) && !DiagramTypes.EDGE_ATTACHMENT.equals(edge.getType())) {
            svg.append(" marker-end=\"url(#arrow)\"");
        }
        svg.append("/>");
        for (GModelElement child : edge.getChildren()) {
            if (child instanceof GLabel label && label.getPosition() != null) {
                double width = label.getSize() == null ? TextMetrics.width(label.getText(), TextMetrics.FIGURE_SIZE, false) : label.getSize().getWidth();
                double height = label.getSize() == null ? 14 : label.getSize().getHeight();
                svg.append("<rect class=\"edge-label-box\" fill=\"#ffffff\" fill-opacity=\"0.85\" x=\"").append(n(label.getPosition().getX())).append("\" y=\"").append(n(label.getPosition().getY()))
                        .append("\" width=\"").append(n(width)).append("\" height=\"").append(n(height)).append("\"/>");
                svg.append("<text class=\"edge-label\" x=\"").append(n(label.getPosition().getX() + 2)).append("\" y=\"")
                        .append(n(label.getPosition().getY() + TextMetrics.FIGURE_SIZE)).append("\" data-id=\"").append(escape(label.getId())).append("\">")
                        .append(escape(label.getText())).append("</text>");
            }
        }
        List<Problem> problems = markers.problemsOf(edge.getId());
        if (!problems.isEmpty()) {
            GPoint middle = points.get(points.size() / 2);
            badge(problems, middle.getX() - BADGE, middle.getY() - BADGE);
        }
        svg.append("</g>\n");
    }

    private static List<GPoint> points(GEdge edge) {
        List<GPoint> points = new ArrayList<>();
        GArguments.getEdgeSourcePoint(edge.getArgs()).ifPresent(points::add);
        points.addAll(edge.getRoutingPoints());
        GArguments.getEdgeTargetPoint(edge.getArgs()).ifPresent(points::add);
        return points;
    }

    /** A round badge at (x, y) (its top-left), red for errors, amber for warnings; the messages in its title. */
    private void badge(List<Problem> problems, double x, double y) {
        boolean error = problems.stream().anyMatch(Problem::isError);
        boolean warning = problems.stream().anyMatch(p -> p.severity() == Problem.Severity.WARNING);
        String severity = error ? "error" : warning ? "warning" : "info";
        svg.append("<g class=\"marker ").append(severity).append("\"><title>");
        for (int i = 0; i < problems.size(); i++) {
            Problem problem = problems.get(i);
            if (i > 0) {
                svg.append('\n');
            }
            svg.append(escape(problem.severity().label() + " " + problem.code() + ": " + problem.message()));
        }
        svg.append("</title><circle fill=\"").append(switch (severity) {
            case "error" -> "#c62828";
            case "warning" -> "#e0a000";
            default -> "#1e6fd9";
        }).append("\" cx=\"").append(n(x + BADGE)).append("\" cy=\"").append(n(y + BADGE)).append("\" r=\"").append(n(BADGE))
                .append("\"/><text fill=\"#ffffff\" font-size=\"10\" font-weight=\"bold\" x=\"").append(n(x + BADGE - (problems.size() > 9 ? 5.5 : 3))).append("\" y=\"").append(n(y + BADGE + 3.5)).append("\">")
                .append(error || warning ? (problems.size() == 1 ? "!" : Integer.toString(problems.size())) : "i").append("</text></g>");
    }

    /**
     * The look of a node's shape as SVG presentation attributes, the same as the style sheet's: renderers with
     * little CSS (SWT's SVG rasterizer for the PNG export) draw them; browsers apply the style sheet over them.
     */
    private static String shapePaint(String kind, List<String> cssClasses) {
        String fill = switch (kind) {
            case "host" -> "#f4f6fa";
            case "vm" -> "#e3efff";
            case "container" -> "#fff1dc";
            case "compose" -> "#fffaf0";
            case "network" -> "#dcf3e4";
            case "nic" -> "#eceff4";
            case "datastore" -> "#f3ecdf";
            case "device" -> "#efe6f5";
            default -> "#ffffff";
        };
        String stroke = switch (kind) {
            case "host" -> "#3b4a66";
            case "network" -> "#2e7d4f";
            default -> "#56627a";
        };
        String width = "host".equals(kind) ? "1.6" : "1.2";
        if (cssClasses.contains("overcommit-exceeded")) {
            stroke = "#c62828";
            width = "2.8";
        } else if (cssClasses.contains("overcommitted")) {
            stroke = "#c77700";
            width = "2.4";
        }
        return " fill=\"" + fill + "\" stroke=\"" + stroke + "\" stroke-width=\"" + width + "\"" + ("compose".equals(kind) ? " stroke-dasharray=\"6 3\"" : "");
    }

    /** The look of an edge's line as presentation attributes (see {@link #shapePaint}). */
    private static String edgePaint(String kind) {
        return switch (kind) {
            case "vnic" -> " fill=\"none\" stroke=\"#2e7d4f\" stroke-width=\"1.2\"";
            case "uplink" -> " fill=\"none\" stroke=\"#2e7d4f\" stroke-width=\"2.4\"";
            case "sriov" -> " fill=\"none\" stroke=\"#6a3fa0\" stroke-width=\"1.2\" stroke-dasharray=\"5 3\"";
            case "passthrough" -> " fill=\"none\" stroke=\"#6a3fa0\" stroke-width=\"1.2\" stroke-dasharray=\"2 2\"";
            case "depends-on" -> " fill=\"none\" stroke=\"#b35900\" stroke-width=\"1.2\" stroke-dasharray=\"6 3\"";
            case "attachment" -> " fill=\"none\" stroke=\"#2e7d4f\" stroke-width=\"1.2\" stroke-dasharray=\"4 2\"";
            default -> " fill=\"none\" stroke=\"#56627a\" stroke-width=\"1.2\"";
        };
    }

    private void rect(String css, double x, double y, double width, double height, double radius, String paint) {
        svg.append("<rect class=\"").append(css).append('"').append(paint).append(" x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append('"');
        if (radius > 0) {
            svg.append(" rx=\"").append(n(radius)).append('"');
        }
        svg.append("/>");
    }

    private static String name(GModelElement element) {
        String label = DiagramIds.labelId(element.getId(), DiagramIds.NAME);
        for (GModelElement child : element.getChildren()) {
            if (child instanceof GLabel text && label.equals(text.getId())) {
                return text.getText();
            }
        }
        return DiagramIds.nameOf(element.getId());
    }

    /** A coordinate with at most one decimal. */
    static String n(double value) {
        long tenths = Math.round(value * 10);
        if (tenths % 10 == 0) {
            return Long.toString(tenths / 10);
        }
        long whole = Math.abs(tenths) / 10;
        return (tenths < 0 ? "-" : "") + whole + "." + Math.abs(tenths) % 10;
    }

    /** Text for XML content and attribute values: markup escaped, characters XML forbids dropped. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                default -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF ? "" : null;
            };
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped != null) {
                if (replacement != null) {
                    escaped.append(replacement);
                } else {
                    escaped.append(c);
                }
            }
        }
        return escaped == null ? text : escaped.toString();
    }
}
