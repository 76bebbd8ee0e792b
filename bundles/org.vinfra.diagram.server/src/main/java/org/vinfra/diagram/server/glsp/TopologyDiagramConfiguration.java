package org.vinfra.diagram.server.glsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.glsp.graph.DefaultTypes;
import org.eclipse.glsp.graph.GraphPackage;
import org.eclipse.glsp.server.diagram.BaseDiagramConfiguration;
import org.eclipse.glsp.server.layout.ServerLayoutKind;
import org.eclipse.glsp.server.types.EdgeTypeHint;
import org.eclipse.glsp.server.types.ShapeTypeHint;
import org.vinfra.diagram.graph.DiagramTypes;

/**
 * What the client may do with each element type. Hosts, networks, VMs, containers and compose
 * deployments move and delete; a host contains VMs and containers, a VM contains containers, a
 * compose deployment its services (that is where the palette may drop them). NICs, datastores and
 * devices of a host are drawn but edited in the text. Nothing is resized: sizes come from the
 * labels. The only edge the user draws is the vNIC, from a VM (or one of its vNICs) to a network, and the
 * only one whose end may be moved to another network (reconnect).
 * The server lays the diagram out itself (ELK), so the client does no layout round trip.
 */
public class TopologyDiagramConfiguration extends BaseDiagramConfiguration {

    @Override
    public Map<String, EClass> getTypeMappings() {
        Map<String, EClass> mappings = DefaultTypes.getDefaultTypeMappings();
        for (String node : List.of(DiagramTypes.HOST, DiagramTypes.VM, DiagramTypes.CONTAINER, DiagramTypes.COMPOSE, DiagramTypes.NETWORK,
                DiagramTypes.NIC, DiagramTypes.DATASTORE, DiagramTypes.DEVICE)) {
            mappings.put(node, GraphPackage.Literals.GNODE);
        }
        mappings.put(DiagramTypes.VNIC, GraphPackage.Literals.GPORT);
        for (String edge : List.of(DiagramTypes.EDGE_VNIC, DiagramTypes.EDGE_UPLINK, DiagramTypes.EDGE_SRIOV, DiagramTypes.EDGE_PASSTHROUGH,
                DiagramTypes.EDGE_DEPENDS_ON, DiagramTypes.EDGE_ATTACHMENT)) {
            mappings.put(edge, GraphPackage.Literals.GEDGE);
        }
        for (String label : List.of(DiagramTypes.LABEL_NAME, DiagramTypes.LABEL_FIGURES, DiagramTypes.LABEL_EDGE)) {
            mappings.put(label, GraphPackage.Literals.GLABEL);
        }
        return mappings;
    }

    @Override
    public List<ShapeTypeHint> getShapeTypeHints() {
        List<ShapeTypeHint> hints = new ArrayList<>();
        hints.add(new ShapeTypeHint(DiagramTypes.HOST, true, true, false, false, List.of(DiagramTypes.VM, DiagramTypes.CONTAINER)));
        hints.add(new ShapeTypeHint(DiagramTypes.VM, true, true, false, true, List.of(DiagramTypes.CONTAINER)));
        hints.add(new ShapeTypeHint(DiagramTypes.CONTAINER, true, true, false, true, List.of()));
        hints.add(new ShapeTypeHint(DiagramTypes.COMPOSE, true, true, false, false, List.of(DiagramTypes.CONTAINER)));
        hints.add(new ShapeTypeHint(DiagramTypes.NETWORK, true, true, false, false, List.of()));
        hints.add(new ShapeTypeHint(DiagramTypes.NIC, false, false, false, false, List.of()));
        hints.add(new ShapeTypeHint(DiagramTypes.DATASTORE, false, false, false, false, List.of()));
        hints.add(new ShapeTypeHint(DiagramTypes.DEVICE, false, false, false, false, List.of()));
        hints.add(new ShapeTypeHint(DiagramTypes.VNIC, false, true, false, false, List.of()));
        return hints;
    }

    @Override
    public List<EdgeTypeHint> getEdgeTypeHints() {
        List<EdgeTypeHint> hints = new ArrayList<>();
        hints.add(new EdgeTypeHint(DiagramTypes.EDGE_VNIC, true, true, false, List.of(DiagramTypes.VM, DiagramTypes.VNIC),
                List.of(DiagramTypes.NETWORK)));
        hints.add(new EdgeTypeHint(DiagramTypes.EDGE_SRIOV, false, true, false, List.of(DiagramTypes.VNIC), List.of(DiagramTypes.NIC)));
        hints.add(new EdgeTypeHint(DiagramTypes.EDGE_ATTACHMENT, false, true, false, List.of(DiagramTypes.CONTAINER),
                List.of(DiagramTypes.NETWORK)));
        hints.add(new EdgeTypeHint(DiagramTypes.EDGE_DEPENDS_ON, false, true, false, List.of(DiagramTypes.CONTAINER),
                List.of(DiagramTypes.CONTAINER)));
        hints.add(new EdgeTypeHint(DiagramTypes.EDGE_UPLINK, false, false, false, List.of(DiagramTypes.NETWORK), List.of(DiagramTypes.NIC)));
        hints.add(new EdgeTypeHint(DiagramTypes.EDGE_PASSTHROUGH, false, false, false, List.of(DiagramTypes.VM), List.of(DiagramTypes.DEVICE)));
        return hints;
    }

    @Override
    public ServerLayoutKind getLayoutKind() {
        return ServerLayoutKind.NONE;
    }

    @Override
    public boolean needsClientLayout() {
        return false;
    }

    @Override
    public boolean animatedUpdate() {
        return false;
    }
}
