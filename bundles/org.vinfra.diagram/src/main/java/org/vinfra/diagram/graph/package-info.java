/**
 * The loaded .vinfra models as a GLSP graph ({@code GGraph}, diagram type {@value org.vinfra.diagram.graph.DiagramIds#DIAGRAM_TYPE}):
 * hosts containing their NICs, datastores, devices, virtual networks, VMs and containers; VMs containing
 * their containers; compose deployments grouping their services; one edge per vNIC, uplink, SR-IOV virtual
 * function, passthrough device, network attachment and start dependency. {@link org.vinfra.diagram.graph.DiagramIds}
 * holds the id scheme (and maps ids to model elements and back), {@link org.vinfra.diagram.graph.TopologyGraphBuilder}
 * builds the graph, {@link org.vinfra.diagram.graph.DiagramMarkers} turns the validation problems into GLSP markers.
 * Headless: no layout here (see {@code org.vinfra.diagram.layout}), no UI.
 */
package org.vinfra.diagram.graph;
