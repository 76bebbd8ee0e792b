/**
 * The simulation overlay of the topology diagram: a run's results laid over a drawing
 * ({@link org.vinfra.diagram.server.simulation.SimulationOverlays} maps the run's entities to diagram ids,
 * {@link org.vinfra.diagram.server.simulation.SimulationOverlay} is what the client gets), the entry point of
 * embeddings ({@link org.vinfra.diagram.server.simulation.SimulationOverlayService}: show, mark stale, clear) and
 * the re-run on every change of the text ({@link org.vinfra.diagram.server.simulation.LiveSimulation}).
 */
package org.vinfra.diagram.server.simulation;
