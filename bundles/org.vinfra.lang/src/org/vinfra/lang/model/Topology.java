package org.vinfra.lang.model;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.vinfra.lang.vinfra.Compose;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.Datastore;
import org.vinfra.lang.vinfra.Element;
import org.vinfra.lang.vinfra.Host;
import org.vinfra.lang.vinfra.Machine;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.Network;
import org.vinfra.lang.vinfra.Nic;
import org.vinfra.lang.vinfra.VirtualDisk;
import org.vinfra.lang.vinfra.VirtualMachine;
import org.vinfra.lang.vinfra.VirtualNic;

/**
 * Who runs on what, across all the models of a resource set: built once (in one pass over the
 * elements), then asked many times. Validation uses it so that rules over many elements (commitments
 * on a host, duplicate addresses) stay linear in the size of the model.
 */
public final class Topology {

    private final List<Host> hosts = new ArrayList<>();
    private final List<VirtualMachine> vms = new ArrayList<>();
    private final List<Network> networks = new ArrayList<>();
    private final List<Container> containers = new ArrayList<>();
    private final Map<Host, List<VirtualMachine>> vmsByHost = new IdentityHashMap<>();
    private final Map<Machine, List<Container>> containersByMachine = new IdentityHashMap<>();
    private final Map<Nic, List<VirtualNic>> virtualFunctionsByNic = new IdentityHashMap<>();
    private final Map<Datastore, List<VirtualDisk>> disksByDatastore = new IdentityHashMap<>();

    private Topology() {
    }

    /** The topology of every model in the resource set of {@code resource} (or of the resource alone). */
    public static Topology of(Resource resource) {
        ResourceSet resourceSet = resource.getResourceSet();
        List<Resource> resources = resourceSet == null ? List.of(resource) : List.copyOf(resourceSet.getResources());
        Topology topology = new Topology();
        for (Resource each : resources) {
            for (EObject root : each.getContents()) {
                if (root instanceof Model model) {
                    topology.add(model);
                }
            }
        }
        return topology;
    }

    private void add(Model model) {
        for (Element element : model.getElements()) {
            switch (element) {
                case Host host -> hosts.add(host);
                case VirtualMachine vm -> addVm(vm);
                case Network network -> networks.add(network);
                case Container container -> addContainer(container, container.getMachine());
                case Compose compose -> {
                    networks.addAll(compose.getNetworks());
                    for (Container service : compose.getServices()) {
                        addContainer(service, service.getMachine() != null ? service.getMachine() : compose.getMachine());
                    }
                }
                default -> {
                    // images, volumes and secrets run nowhere by themselves
                }
            }
        }
    }

    private void addVm(VirtualMachine vm) {
        vms.add(vm);
        Host host = vm.getHost();
        if (host != null && !host.eIsProxy()) {
            vmsByHost.computeIfAbsent(host, h -> new ArrayList<>()).add(vm);
        }
        for (VirtualNic nic : vm.getNics()) {
            Nic pf = nic.getPhysicalFunction();
            if (pf != null && !pf.eIsProxy()) {
                virtualFunctionsByNic.computeIfAbsent(pf, n -> new ArrayList<>()).add(nic);
            }
        }
        for (VirtualDisk disk : vm.getDisks()) {
            Datastore datastore = disk.getDatastore();
            if (datastore != null && !datastore.eIsProxy()) {
                disksByDatastore.computeIfAbsent(datastore, d -> new ArrayList<>()).add(disk);
            }
        }
    }

    private void addContainer(Container container, Machine machine) {
        containers.add(container);
        if (machine != null && !machine.eIsProxy()) {
            containersByMachine.computeIfAbsent(machine, m -> new ArrayList<>()).add(container);
        }
    }

    /** Where a container runs: its own placement, else its compose deployment's. */
    public static Machine machineOf(Container container) {
        if (container.getMachine() != null) {
            return container.getMachine();
        }
        return container.eContainer() instanceof Compose compose ? compose.getMachine() : null;
    }

    public List<Host> hosts() {
        return hosts;
    }

    public List<VirtualMachine> vms() {
        return vms;
    }

    public List<Network> networks() {
        return networks;
    }

    public List<Container> containers() {
        return containers;
    }

    public List<VirtualMachine> vmsOn(Host host) {
        return vmsByHost.getOrDefault(host, List.of());
    }

    public List<Container> containersOn(Machine machine) {
        return containersByMachine.getOrDefault(machine, List.of());
    }

    public List<VirtualNic> virtualFunctionsOf(Nic nic) {
        return virtualFunctionsByNic.getOrDefault(nic, List.of());
    }

    public List<VirtualDisk> disksOn(Datastore datastore) {
        return disksByDatastore.getOrDefault(datastore, List.of());
    }

    /** vCPUs committed on a host: every VM placed there, times its replicas. */
    public long committedVcpus(Host host) {
        long total = 0;
        for (VirtualMachine vm : vmsOn(host)) {
            total += (long) Defaults.vcpus(vm) * Replicas.count(vm);
        }
        return total;
    }

    /** Memory committed on a host: each VM's initial memory, times its replicas. */
    public long committedMemory(Host host) {
        long total = 0;
        for (VirtualMachine vm : vmsOn(host)) {
            if (vm.getMemory() != null) {
                total += vm.getMemory() * Replicas.count(vm);
            }
        }
        return total;
    }
}
