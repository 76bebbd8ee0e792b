package org.vinfra.sim.policies;

import java.util.List;

import org.vinfra.sim.entities.SimModel;

/** Chooses the host of each VM whose model leaves the choice open (a VM placed on a group of hosts). */
public interface PlacementPolicy {

    /**
     * @param candidates for each VM, the hosts it may go on (empty: any host)
     * @return for each VM, its host, or -1 when none has room
     */
    int[] place(SimModel model, List<List<Integer>> candidates);
}
