/**
 * The policies of a run, each an object so that another policy is another class: CPU sharing,
 * memory reclamation, placement, the cost of virtualization, the network.
 */
package org.vinfra.sim.policies;
