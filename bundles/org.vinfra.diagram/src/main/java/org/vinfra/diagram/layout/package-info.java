/**
 * Positions and sizes for a topology graph: {@link org.vinfra.diagram.layout.TopologyLayout} runs ELK Layered on
 * the whole hierarchy at once (hosts contain VMs contain containers, edges cross them) and then applies the
 * positions the user pinned, which {@link org.vinfra.diagram.layout.PositionSidecar} keeps in a JSON file next to
 * the model ({@code MODEL.vinfra.layout.json}). {@link org.vinfra.diagram.layout.TextMetrics} estimates label sizes.
 */
package org.vinfra.diagram.layout;
