package org.vinfra.diagram.server.glsp;

import java.util.List;
import java.util.Map;

import org.eclipse.glsp.server.actions.TriggerEdgeCreationAction;
import org.eclipse.glsp.server.actions.TriggerNodeCreationAction;
import org.eclipse.glsp.server.features.toolpalette.PaletteItem;
import org.eclipse.glsp.server.features.toolpalette.ToolPaletteItemProvider;
import org.vinfra.diagram.graph.DiagramTypes;

/** The tool palette: the elements to create (icons are codicons) and the vNIC edge. */
public class TopologyPalette implements ToolPaletteItemProvider {

    @Override
    public List<PaletteItem> getItems(Map<String, String> args) {
        PaletteItem host = new PaletteItem("create-host", "Host (KVM)", new TriggerNodeCreationAction(DiagramTypes.HOST), "server", "a");
        PaletteItem vm = new PaletteItem("create-vm", "VM", new TriggerNodeCreationAction(DiagramTypes.VM), "vm", "b");
        PaletteItem network = new PaletteItem("create-network", "Network", new TriggerNodeCreationAction(DiagramTypes.NETWORK), "type-hierarchy", "c");
        PaletteItem container = new PaletteItem("create-container", "Container", new TriggerNodeCreationAction(DiagramTypes.CONTAINER), "package",
                "d");
        PaletteItem service = new PaletteItem("create-service", "Compose service",
                new TriggerNodeCreationAction(DiagramTypes.CONTAINER, Map.of(CreateTopologyNodeHandler.KIND, CreateTopologyNodeHandler.SERVICE)),
                "layers", "e");
        PaletteItem vnic = new PaletteItem("create-vnic", "vNIC", new TriggerEdgeCreationAction(DiagramTypes.EDGE_VNIC), "plug", "f");
        return List.of(
                PaletteItem.createPaletteGroup("nodes", "Elements", List.of(host, vm, network, container, service), "symbol-class", "a"),
                PaletteItem.createPaletteGroup("edges", "Connections", List.of(vnic), "symbol-property", "b"));
    }
}
