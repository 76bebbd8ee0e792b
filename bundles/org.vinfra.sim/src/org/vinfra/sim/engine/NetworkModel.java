package org.vinfra.sim.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.vinfra.sim.entities.SimModel;
import org.vinfra.sim.entities.SimModel.Attachment;
import org.vinfra.sim.entities.SimModel.Flow;
import org.vinfra.sim.entities.SimModel.Network;
import org.vinfra.sim.entities.SimModel.NetworkMode;
import org.vinfra.sim.entities.SimModel.Target;
import org.vinfra.sim.entities.SimModel.Workload;
import org.vinfra.sim.results.SimulationResult.Severity;

/**
 * Reachability and bandwidth. Two endpoints reach each other on a shared network; a NAT network is
 * reachable from outside only through a forwarded port; bridged networks and SR-IOV virtual
 * functions sit on the physical LAN. Flows share links fairly (max-min): each host's NIC, and each
 * host's virtual switch, which SR-IOV virtual functions bypass.
 */
final class NetworkModel {

    /** What a host's virtual switch forwards, in bits per second. */
    static final double VIRTUAL_SWITCH_BPS = 10e9;

    private record Active(int workload, Flow flow, List<String> links) {
    }

    private final SimModel model;
    /** The host of each VM, as placed (shared with the engine). */
    private final int[] vmHost;
    private final List<Active> active = new ArrayList<>();
    private final Map<Active, Double> rates = new LinkedHashMap<>();
    private final java.util.Set<Integer> failedNics = new java.util.HashSet<>();
    private final Recorder recorder;

    NetworkModel(SimModel model, int[] vmHost, Recorder recorder) {
        this.model = model;
        this.vmHost = vmHost;
        this.recorder = recorder;
    }

    /** A host's physical NICs fail (up = false) or come back: flows crossing them are re-shared. */
    void nic(int host, boolean up, double now) {
        if (up) {
            failedNics.remove(host);
        } else {
            failedNics.add(host);
        }
        allocate(recorder, now);
    }

    /** What crosses a host's NICs now, in bits per second. */
    double nicBitsPerSecond(int host) {
        String link = "nic:" + host;
        double total = 0;
        for (Map.Entry<Active, Double> entry : rates.entrySet()) {
            if (entry.getKey().links().contains(link)) {
                total += entry.getValue();
            }
        }
        return total;
    }

    void start(int w, Workload workload, Predicate<Target> running, double now) {
        for (Flow flow : workload.flows()) {
            String from = name(workload.target());
            String to = name(flow.to());
            String why = unreachable(workload.target(), flow);
            if (why != null) {
                recorder.problem(Severity.ERROR, "sim.unreachable", workload.name(), now, "Flow from '" + from + "' to '" + to + "'"
                        + (flow.port() > 0 ? " port " + flow.port() : "") + " cannot pass: " + why);
                continue;
            }
            if (!running.test(flow.to())) {
                recorder.problem(Severity.WARNING, "sim.unreachable", workload.name(), now, "Flow from '" + from + "' to '" + to
                        + "' starts while '" + to + "' is not running: its packets are lost until it is.");
            }
            active.add(new Active(w, flow, links(workload.target(), flow.to())));
        }
        allocate(recorder, now);
    }

    void stop(int w, double now) {
        if (active.removeIf(a -> a.workload() == w)) {
            allocate(recorder, now);
        }
    }

    private void allocate(Recorder recorder, double now) {
        rates.clear();
        if (active.isEmpty()) {
            return;
        }
        Map<String, Double> left = new HashMap<>();
        Map<String, Integer> users = new HashMap<>();
        for (Active flow : active) {
            for (String link : flow.links()) {
                left.putIfAbsent(link, capacity(link));
                users.merge(link, 1, Integer::sum);
            }
        }
        List<Active> open = new ArrayList<>(active);
        while (!open.isEmpty()) {
            double share = Double.MAX_VALUE;
            for (Active flow : open) {
                for (String link : flow.links()) {
                    share = Math.min(share, left.get(link) / users.get(link));
                }
                share = Math.min(share, flow.flow().bitsPerSecond() - rates.getOrDefault(flow, 0.0));
            }
            List<Active> done = new ArrayList<>();
            for (Active flow : open) {
                double rate = rates.getOrDefault(flow, 0.0) + share;
                rates.put(flow, rate);
                boolean saturated = rate >= flow.flow().bitsPerSecond() - 1e-6;
                for (String link : flow.links()) {
                    left.merge(link, -share, Double::sum);
                }
                for (String link : flow.links()) {
                    saturated |= left.get(link) <= 1e-6;
                }
                if (saturated) {
                    done.add(flow);
                }
            }
            for (Active flow : done) {
                open.remove(flow);
                for (String link : flow.links()) {
                    users.merge(link, -1, Integer::sum);
                }
            }
            if (done.isEmpty()) {
                break;
            }
        }
        for (Map.Entry<Active, Double> entry : rates.entrySet()) {
            Active flow = entry.getKey();
            if (entry.getValue() <= 1e-6) {
                recorder.event(now, "flow-cut", model.workloads().get(flow.workload()).name(), "flow to " + name(flow.flow().to())
                        + " gets nothing: a NIC on its path (" + flow.links() + ") has failed");
            } else if (entry.getValue() < flow.flow().bitsPerSecond() - 1e-6) {
                recorder.event(now, "flow-limited", model.workloads().get(flow.workload()).name(), String.format(Locale.ROOT,
                        "flow to %s gets %.1f Mbps of the %.1f Mbps it wants: links %s are shared", name(flow.flow().to()),
                        entry.getValue() / 1e6, flow.flow().bitsPerSecond() / 1e6, flow.links()));
            }
        }
    }

    private double capacity(String link) {
        int h = Integer.parseInt(link.substring(link.indexOf(':') + 1));
        if (link.startsWith("nic:")) {
            return failedNics.contains(h) ? 0 : model.hosts().get(h).nicBitsPerSecond();
        }
        return VIRTUAL_SWITCH_BPS;
    }

    private List<String> links(Target from, Target to) {
        int hostFrom = host(from);
        int hostTo = host(to);
        boolean sriovFrom = attachments(from).stream().anyMatch(Attachment::sriov);
        boolean sriovTo = attachments(to).stream().anyMatch(Attachment::sriov);
        List<String> links = new ArrayList<>();
        if (hostFrom == hostTo) {
            links.add(sriovFrom && sriovTo ? "nic:" + hostFrom : "vswitch:" + hostFrom);
            return links;
        }
        if (!sriovFrom) {
            links.add("vswitch:" + hostFrom);
        }
        links.add("nic:" + hostFrom);
        links.add("nic:" + hostTo);
        if (!sriovTo) {
            links.add("vswitch:" + hostTo);
        }
        return links;
    }

    /** Why a flow cannot pass, in the course's terms; null when it can. */
    private String unreachable(Target from, Flow flow) {
        List<Attachment> source = attachments(from);
        List<Attachment> target = attachments(flow.to());
        for (Attachment a : source) {
            for (Attachment b : target) {
                if (a.network() >= 0 && a.network() == b.network()) {
                    return null;
                }
            }
        }
        for (Attachment b : target) {
            if (b.network() >= 0) {
                Network network = model.networks().get(b.network());
                if (network.mode() == NetworkMode.NAT && flow.port() > 0 && network.forwardedPorts().contains(flow.port())) {
                    return null;
                }
            }
        }
        if (onLan(source) && onLan(target)) {
            return null;
        }
        StringBuilder why = new StringBuilder("they share no network");
        for (Attachment b : target) {
            if (b.network() >= 0) {
                Network network = model.networks().get(b.network());
                why.append("; '").append(name(flow.to())).append("' is on '").append(network.name()).append("' (")
                        .append(network.mode().name().toLowerCase(Locale.ROOT).replace('_', '-')).append(')');
                if (network.mode() == NetworkMode.NAT) {
                    why.append(", and NAT lets connections out but in only through port forwarding: forward the port to it");
                } else if (network.mode() == NetworkMode.INTERNAL || network.mode() == NetworkMode.HOST_ONLY) {
                    why.append(", which only its own members (and, host-only, the host) can reach");
                }
            }
        }
        if (target.isEmpty()) {
            why.append("; '").append(name(flow.to())).append("' has no network at all");
        }
        return why.append('.').toString();
    }

    private boolean onLan(List<Attachment> attachments) {
        for (Attachment attachment : attachments) {
            if (attachment.sriov() || attachment.network() >= 0 && model.networks().get(attachment.network()).mode() == NetworkMode.BRIDGED) {
                return true;
            }
        }
        return false;
    }

    private List<Attachment> attachments(Target target) {
        return target.container() ? model.containers().get(target.index()).networks() : model.vms().get(target.index()).networks();
    }

    private int host(Target target) {
        if (target.container()) {
            SimModel.Placement placement = model.containers().get(target.index()).placement();
            return placement.inVm() ? Math.max(0, vmHost[placement.index()]) : placement.index();
        }
        return Math.max(0, vmHost[target.index()]);
    }

    private String name(Target target) {
        return target.container() ? model.containers().get(target.index()).name() : model.vms().get(target.index()).name();
    }
}
