package org.vinfra.diagram.server.glsp;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.server.operations.CreateNodeOperation;
import org.eclipse.glsp.server.operations.CreateOperationHandler;
import org.vinfra.diagram.graph.DiagramIds;
import org.vinfra.diagram.graph.DiagramTypes;
import org.vinfra.diagram.layout.Point;
import org.vinfra.lang.edit.EditResult;
import org.vinfra.lang.vinfra.Compose;
import org.vinfra.lang.vinfra.Host;
import org.vinfra.lang.vinfra.Machine;

/**
 * The palette's create tools. New elements go at the end of the first file given, named with the
 * first free name ({@code host1}, {@code vm1}, {@code net1}, {@code container1}, {@code service1}),
 * and stay where they were dropped (the position is pinned in the layout sidecar, in the same undo
 * step). A VM dropped into a host runs {@code on} it (into a replica of an expanded host: on that
 * replica); a container dropped into a VM or host runs on it; a compose service must be dropped into
 * a compose deployment.
 */
public class CreateTopologyNodeHandler extends TextOperationHandler<CreateNodeOperation>
        implements CreateOperationHandler<CreateNodeOperation> {

    /** The {@code args} key of the palette's "compose service" tool. */
    public static final String KIND = "kind";
    public static final String SERVICE = "service";

    @Override
    public List<String> getHandledElementTypeIds() {
        return List.of(DiagramTypes.HOST, DiagramTypes.VM, DiagramTypes.NETWORK, DiagramTypes.CONTAINER);
    }

    @Override
    public String getLabel() {
        return "Create";
    }

    @Override
    protected Plan plan(CreateNodeOperation operation) {
        if (snapshot() == null) {
            return unreadable();
        }
        Resource main = mainResource();
        GModelElement container = shown(operation.getContainerId()).orElse(null);
        String type = operation.getElementTypeId();
        boolean service = operation.getArgs() != null && SERVICE.equals(operation.getArgs().get(KIND));
        GModelElement parent;
        EditResult result;
        String id;
        switch (type) {
            case DiagramTypes.HOST -> {
                String name = edits().freeName(main, "host");
                parent = null;
                result = edits().createHost(main, name);
                id = DiagramIds.segment(DiagramIds.Kind.HOST, name);
            }
            case DiagramTypes.NETWORK -> {
                String name = edits().freeName(main, "net");
                parent = null;
                result = edits().createNetwork(main, name);
                id = DiagramIds.segment(DiagramIds.Kind.NETWORK, name);
            }
            case DiagramTypes.VM -> {
                parent = nearest(container, List.of(DiagramTypes.HOST));
                if (parent == null || !(element(parent.getId()).orElse(null) instanceof Host host)) {
                    return Plan.refuse("Drop the VM onto a host: a virtual machine runs on a host's hypervisor (vm NAME on HOST).");
                }
                String name = edits().freeName(main, "vm");
                OptionalInt replica = state.diagram().index().replica(parent.getId());
                result = edits().createVm(main, name, host, replica.isPresent() ? replica.getAsInt() : null);
                id = DiagramIds.segment(DiagramIds.Kind.VM, name);
            }
            case DiagramTypes.CONTAINER -> {
                if (service) {
                    parent = nearest(container, List.of(DiagramTypes.COMPOSE));
                    if (parent == null || !(element(parent.getId()).orElse(null) instanceof Compose compose)) {
                        return Plan.refuse("Drop the compose service into a compose deployment: a service belongs to one (compose NAME { service ... }).");
                    }
                    String name = edits().freeName(compose.eResource(), "service");
                    result = edits().createComposeService(compose, name);
                    id = DiagramIds.partId(parent.getId(), DiagramIds.Kind.CONTAINER, name);
                } else {
                    parent = nearest(container, List.of(DiagramTypes.VM, DiagramTypes.HOST));
                    if (nearest(container, List.of(DiagramTypes.COMPOSE)) != null) {
                        return Plan.refuse("A container dropped into a compose deployment would be one of its services: use the palette's \u201cCompose service\u201d.");
                    }
                    EObject machine = parent == null ? null : element(parent.getId()).orElse(null);
                    String name = edits().freeName(main, "container");
                    result = edits().createContainer(main, name, machine instanceof Machine m ? m : null);
                    id = DiagramIds.segment(DiagramIds.Kind.CONTAINER, name);
                }
            }
            default -> {
                return Plan.refuse("The palette cannot create " + type + ".");
            }
        }
        Map<String, Point> pins = operation.getLocation()
                .map(location -> Map.of(id, relative(location, parent)))
                .orElse(Map.of());
        return toPlan(result, pins);
    }
}
