package org.vinfra.benchmarks;

/**
 * CloudSim Plus's performance scenario (its docs/performance.md: 20,000 hosts, 40,000 VMs, 50,000
 * cloudlets, first-fit placement, time-shared schedulers): hosts of 8 PEs of 1,000 MIPS and 32 GiB,
 * VMs of 4 PEs and 2 GiB, cloudlets of 10,000 MI on each of 2 PEs, cloudlet i on VM i mod 40,000.
 * The same written as a .vinfra model with replication: {@link #vinfra(int)}.
 */
final class Scenario {

    static final int HOSTS = 20_000;
    static final int VMS = 40_000;
    static final int CLOUDLETS = 50_000;
    static final int HOST_PES = 8;
    static final int VM_PES = 4;
    static final int MIPS = 1000;
    static final long HOST_RAM_MIB = 32 * 1024;
    static final long VM_RAM_MIB = 2 * 1024;
    /** Instructions per PE of a cloudlet, in millions; a cloudlet runs on {@link #CLOUDLET_PES}. */
    static final long CLOUDLET_MI = 10_000;
    static final int CLOUDLET_PES = 2;
    /** Simulated seconds: enough for hosts and VMs to boot in vinfra (30 s) and every cloudlet to finish. */
    static final int SECONDS = 60;

    private Scenario() {
    }

    /** The scenario divided by {@code divisor} (1: full size), as a .vinfra model. */
    static String vinfra(int divisor) {
        return """
                // CloudSim Plus's performance scenario (releng/org.vinfra.benchmarks): hosts of 8 cores at 1 GHz
                // (1,000 MIPS each) and 32 GiB, VMs of 4 vCPUs and 2 GiB placed first fit, workloads of 10,000 MI on
                // each of 2 threads, going round robin over the VMs.
                host h[1..%d] {
                	cpu {
                		cores %d
                		frequency 1 GHz
                		features vt-x
                	}
                	memory 32 GiB
                	hypervisor kvm
                }

                vm v[1..%d] on h {
                	vcpus %d
                	memory 2 GiB
                }

                workload w[1..%d] on v {
                	instructions %d MI
                	threads %d
                }
                """.formatted(HOSTS / divisor, HOST_PES, VMS / divisor, VM_PES, CLOUDLETS / divisor, CLOUDLET_MI * CLOUDLET_PES, CLOUDLET_PES);
    }
}
