/**
 * The simulation of the whole stack on the event core, one class per concern on a shared
 * {@code Stack}: {@code Lifecycle} (placement, boot, admission), {@code Cpu} with
 * {@code ProcessorSharing} (shares, workloads' progress), {@code Memory}, {@code Storage},
 * {@code Containers}, {@code Faults}, {@code Timeline}, {@code NetworkModel}, and the
 * {@code Recorder}; {@link org.vinfra.sim.engine.StackSimulation} wires them and runs.
 */
package org.vinfra.sim.engine;
