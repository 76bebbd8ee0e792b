package org.vinfra.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.cloudsimplus.allocationpolicies.VmAllocationPolicyFirstFit;
import org.cloudsimplus.brokers.DatacenterBroker;
import org.cloudsimplus.brokers.DatacenterBrokerSimple;
import org.cloudsimplus.cloudlets.Cloudlet;
import org.cloudsimplus.cloudlets.CloudletSimple;
import org.cloudsimplus.core.CloudSimPlus;
import org.cloudsimplus.datacenters.DatacenterSimple;
import org.cloudsimplus.hosts.Host;
import org.cloudsimplus.hosts.HostSimple;
import org.cloudsimplus.resources.Pe;
import org.cloudsimplus.resources.PeSimple;
import org.cloudsimplus.schedulers.cloudlet.CloudletSchedulerTimeShared;
import org.cloudsimplus.schedulers.vm.VmSchedulerTimeShared;
import org.cloudsimplus.util.Log;
import org.cloudsimplus.utilizationmodels.UtilizationModelDynamic;
import org.cloudsimplus.utilizationmodels.UtilizationModelFull;
import org.cloudsimplus.vms.Vm;
import org.cloudsimplus.vms.VmSimple;

import ch.qos.logback.classic.Level;

/**
 * CloudSim Plus 8.5.7 on its performance scenario ({@link Scenario}), written with its own API as its
 * examples do. As a program (CloudSim Plus's whole process):
 * {@code java -cp ... org.vinfra.benchmarks.CloudSimPlusScenario [DIVISOR [FINISH_TIMES_FILE]]}.
 */
public final class CloudSimPlusScenario {

    /** What a run gives: for each cloudlet (by id), when it started and finished, in simulated seconds. */
    record Outcome(double[] started, double[] finished) {
        int count() {
            int n = 0;
            for (double f : finished) {
                n += f > 0 ? 1 : 0;
            }
            return n;
        }
    }

    private CloudSimPlusScenario() {
    }

    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        int divisor = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        Outcome outcome = run(divisor);
        if (args.length > 1) {
            write(outcome, Path.of(args[1]));
        }
        System.out.printf(Locale.ROOT, "CloudSim Plus: %d cloudlets finished in %d ms%n", outcome.count(), (System.nanoTime() - start) / 1_000_000);
    }

    static Outcome run(int divisor) {
        Log.setLevel(Level.WARN);
        CloudSimPlus simulation = new CloudSimPlus();
        List<Host> hosts = new ArrayList<>();
        for (int h = 0; h < Scenario.HOSTS / divisor; h++) {
            List<Pe> pes = new ArrayList<>();
            for (int p = 0; p < Scenario.HOST_PES; p++) {
                pes.add(new PeSimple(Scenario.MIPS));
            }
            Host host = new HostSimple(Scenario.HOST_RAM_MIB, 10_000, 1_000_000, pes);
            host.setVmScheduler(new VmSchedulerTimeShared());
            hosts.add(host);
        }
        new DatacenterSimple(simulation, hosts, new VmAllocationPolicyFirstFit());
        DatacenterBroker broker = new DatacenterBrokerSimple(simulation);
        List<Vm> vms = new ArrayList<>();
        for (int v = 0; v < Scenario.VMS / divisor; v++) {
            Vm vm = new VmSimple(Scenario.MIPS, Scenario.VM_PES, new CloudletSchedulerTimeShared());
            vm.setRam(Scenario.VM_RAM_MIB).setBw(1000).setSize(10_000);
            vms.add(vm);
        }
        List<Cloudlet> cloudlets = new ArrayList<>();
        for (int c = 0; c < Scenario.CLOUDLETS / divisor; c++) {
            Cloudlet cloudlet = new CloudletSimple(Scenario.CLOUDLET_MI, Scenario.CLOUDLET_PES, new UtilizationModelFull());
            // the CPU fully (as vinfra's workloads use their threads); a quarter of the VM's RAM and bandwidth, so two fit on a VM
            cloudlet.setUtilizationModelRam(new UtilizationModelDynamic(0.25)).setUtilizationModelBw(new UtilizationModelDynamic(0.25));
            cloudlet.setSizes(1024);
            cloudlet.setVm(vms.get(c % vms.size()));
            cloudlets.add(cloudlet);
        }
        broker.submitVmList(vms);
        broker.submitCloudletList(cloudlets);
        simulation.start();
        double[] started = new double[cloudlets.size()];
        double[] finished = new double[cloudlets.size()];
        List<Cloudlet> done = new ArrayList<>(broker.getCloudletFinishedList());
        done.sort(Comparator.comparingLong(Cloudlet::getId));
        for (Cloudlet cloudlet : done) {
            started[(int) cloudlet.getId()] = cloudlet.getStartTime();
            finished[(int) cloudlet.getId()] = cloudlet.getFinishTime();
        }
        return new Outcome(started, finished);
    }

    static void write(Outcome outcome, Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < outcome.started().length; c++) {
            text.append(outcome.started()[c]).append(' ').append(outcome.finished()[c]).append('\n');
        }
        Files.writeString(file, text);
    }

    static Outcome read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        double[] started = new double[lines.size()];
        double[] finished = new double[lines.size()];
        for (int c = 0; c < lines.size(); c++) {
            String[] fields = lines.get(c).split(" ");
            started[c] = Double.parseDouble(fields[0]);
            finished[c] = Double.parseDouble(fields[1]);
        }
        return new Outcome(started, finished);
    }
}
