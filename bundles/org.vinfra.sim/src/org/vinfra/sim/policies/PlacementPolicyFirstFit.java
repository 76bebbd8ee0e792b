package org.vinfra.sim.policies;

import java.util.List;

import org.vinfra.sim.entities.SimModel;
import org.vinfra.sim.entities.SimModel.Host;
import org.vinfra.sim.entities.SimModel.Vm;

/**
 * First fit: each VM goes on the first host with room for its vCPUs and memory within the
 * hypervisor's overcommit ratios. Unlike CloudSim Plus, CPU overcommit within the ratio is allowed,
 * as real hypervisors allow it. Hosts that are full are skipped for good, so identical VMs place in
 * linear time.
 */
public final class PlacementPolicyFirstFit implements PlacementPolicy {

    @Override
    public int[] place(SimModel model, List<List<Integer>> candidates) {
        List<Host> hosts = model.hosts();
        long[] vcpus = new long[hosts.size()];
        long[] memory = new long[hosts.size()];
        int[] placement = new int[model.vms().size()];
        for (int v = 0; v < model.vms().size(); v++) {
            Vm vm = model.vms().get(v);
            if (vm.host() >= 0) {
                placement[v] = vm.host();
                vcpus[vm.host()] += vm.vcpus();
                memory[vm.host()] += vm.memory();
            }
        }
        int firstOpen = 0;
        // VMs of one group share one candidate list: remember where its open hosts begin
        java.util.Map<List<Integer>, Integer> firstOpenOf = new java.util.IdentityHashMap<>();
        for (int v = 0; v < model.vms().size(); v++) {
            Vm vm = model.vms().get(v);
            if (vm.host() >= 0) {
                continue;
            }
            List<Integer> allowed = candidates.get(v);
            placement[v] = -1;
            if (allowed.isEmpty()) {
                while (firstOpen < hosts.size() && full(hosts.get(firstOpen), vcpus[firstOpen], memory[firstOpen])) {
                    firstOpen++;
                }
                for (int h = firstOpen; h < hosts.size() && placement[v] < 0; h++) {
                    if (fits(hosts.get(h), vcpus[h], memory[h], vm)) {
                        placement[v] = h;
                    }
                }
            } else {
                int start = firstOpenOf.getOrDefault(allowed, 0);
                while (start < allowed.size() && full(hosts.get(allowed.get(start)), vcpus[allowed.get(start)], memory[allowed.get(start)])) {
                    start++;
                }
                firstOpenOf.put(allowed, start);
                for (int i = start; i < allowed.size(); i++) {
                    int h = allowed.get(i);
                    if (fits(hosts.get(h), vcpus[h], memory[h], vm)) {
                        placement[v] = h;
                        break;
                    }
                }
            }
            if (placement[v] >= 0) {
                vcpus[placement[v]] += vm.vcpus();
                memory[placement[v]] += vm.memory();
            }
        }
        return placement;
    }

    private static boolean fits(Host host, long usedVcpus, long usedMemory, Vm vm) {
        return host.hypervisor().present() && usedVcpus + vm.vcpus() <= host.logicalCpus() * host.hypervisor().cpuRatio() + 1e-9
                && usedMemory + vm.memory() <= host.memory() * host.hypervisor().memoryRatio() + 1e-9;
    }

    private static boolean full(Host host, long usedVcpus, long usedMemory) {
        return !host.hypervisor().present() || usedVcpus >= host.logicalCpus() * host.hypervisor().cpuRatio()
                || usedMemory >= host.memory() * host.hypervisor().memoryRatio();
    }
}
