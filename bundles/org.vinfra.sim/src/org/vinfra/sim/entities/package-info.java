/**
 * What is simulated, as configuration: hosts, hypervisors, VMs, containers, networks, workloads and
 * timed actions. Plain records that refer to each other by index; the engine keeps the state.
 */
package org.vinfra.sim.entities;
