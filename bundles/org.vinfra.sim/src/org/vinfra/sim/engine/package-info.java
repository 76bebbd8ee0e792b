/** The simulation of the whole stack: boot, CPU, memory, network, containers, faults, on the event core. */
package org.vinfra.sim.engine;
