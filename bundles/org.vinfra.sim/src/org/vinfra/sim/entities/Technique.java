package org.vinfra.sim.entities;

/** How a hypervisor virtualizes the CPU. */
public enum Technique {
    HARDWARE_ASSISTED, PARAVIRTUAL, FULL
}
