package org.vinfra.lang.ide.hover;

import java.util.HashMap;
import java.util.Map;

/**
 * What each keyword of the language means, in the course's terms (host and guest, hypervisor types, vCPUs and
 * hyperthreads, overcommitment, namespaces and cgroups, image layers...). A keyword that means different things in
 * different blocks has an entry per block, written {@code keyword@Rule} after the grammar rule of the block
 * ({@code memory@VirtualMachine}); {@link #explain} falls back to the plain keyword. A test checks that every keyword of
 * the grammar has an explanation.
 */
public final class KeywordHelp {

    private static final Map<String, String> HELP = new HashMap<>();

    static {
        String table = """
                import|Reads the elements of another .vinfra file (path relative to this file), so references can name them.
                host|A physical machine (the **host**): the hardware a hypervisor or container runtime shares among guests.
                cpu@Cpu|The host's processor: sockets, cores per socket, threads per core (hyperthreads) and hardware features.
                cpu|The processor: of a host (sockets, cores, threads), or its overcommit ratio (vCPUs per logical CPU).
                cpu@Overcommit|The CPU overcommit ratio: how many vCPUs the hypervisor may hand out per logical CPU (4.0 = four vCPUs on each).
                sockets|Physical processor packages on the motherboard; logical CPUs = sockets x cores x threads.
                cores|Cores per socket. A core is a full CPU: each logical CPU of a core can run one vCPU at a time.
                threads|Threads per core (hyperthreading: two register sets share one core, so a second thread gives less than a full core).
                threads@Workload|Threads of the workload: at most one runs on each vCPU at a time.
                frequency|The CPU clock rate (e.g. 2.4 GHz): with the instructions of a workload it gives how long the workload runs.
                features|Hardware support for virtualization: vt-x/amd-v add a root mode below ring 0 (hardware-assisted virtualization); vt-d/amd-vi remap DMA (IOMMU) for device passthrough and SR-IOV.
                vt-x|Intel VT-x: a root mode more privileged than ring 0, so guest kernels run unmodified (hardware-assisted virtualization).
                amd-v|AMD-V: AMD's hardware-assisted virtualization, like Intel's VT-x (a root mode below ring 0).
                vt-d|Intel VT-d: DMA remapping (an IOMMU) that isolates devices, needed to give a device or an SR-IOV VF directly to a VM.
                amd-vi|AMD-Vi: AMD's IOMMU, like Intel's VT-d: device isolation for passthrough and SR-IOV.
                memory|Memory, as a size (512 MiB, 16 GiB).
                memory@Host|The host's physical memory (RAM); the VMs' memory counts against it, times the memory overcommit ratio.
                memory@VirtualMachine|The guest's memory at boot; with 'max', memory can be hot-added up to that size (never hot-removed).
                memory@Overcommit|The memory overcommit ratio: VMs may be given more memory than the host has, since not all of it is used at once.
                memory@Cgroup|The cgroup memory limit of the container: past it, the kernel's OOM killer stops its processes.
                memory@Resources|The memory limit the orchestrator sets on the container (compose deploy.resources.limits.memory).
                memory@HotAdd|Memory to hot-add to a running VM (modern guests accept it; it cannot exceed the VM's 'max').
                memory@HotRemove|Memory to remove from a running VM: hot-remove is not supported by guests, so this models a failure to do it.
                max|The most memory the guest can reach by hot-add (memory hot-add; removing memory is not supported).
                os|The host's own operating system; a type-2 hypervisor is an application that runs on it.
                nic|A network interface card.
                nic@Nic|A physical NIC of the host; virtual networks reach the outside through it (bridged mode, SR-IOV).
                nic@VirtualNic|A virtual NIC (vNIC) of the VM: the hypervisor presents it as a standard device and connects it to a virtual network or an SR-IOV VF.
                nic@Fail|A NIC of a host that fails at this time of the simulation (its host and guests stay up).
                nic@Recover|A NIC of a host that works again at this time of the simulation.
                nic@DeviceKind|A network card given to a VM as it is (device passthrough).
                speed|The NIC's line rate (1 Gbps, 10 Gbps): the most its guests can send through it together.
                mac|The MAC address (six hex pairs, aa:bb:cc:dd:ee:ff); each interface on a network needs its own.
                sriov|SR-IOV: the NIC (physical function, PF) offers virtual functions (VFs) that VMs use directly, moving the hypervisor's switching work to the adapter.
                max-vfs|How many virtual functions the NIC's physical function can offer (up to 256 per PF).
                vfs|How many virtual functions are enabled on the PF; each VM NIC on 'sriov' takes one.
                datastore|Storage on the host where the hypervisor keeps virtual disks (usually files).
                path|A path in the file system.
                capacity|The datastore's size; thick disks take their full size from it at once, thin disks as they fill.
                used|Space already used in the datastore by other files.
                device|A device of the host (CD-ROM, GPU, USB, NIC, disk) that can be given to a VM directly (passthrough).
                address|The device's bus address (e.g. PCI 0000:01:00.0).
                cdrom|A CD/DVD drive: a VM sees it as a physical device given through (a rare case of storage not mapped to a file).
                gpu|A graphics processor, often given to one VM directly (passthrough) for its speed.
                usb|A USB device given to a VM.
                disk|A disk.
                disk@VirtualDisk|A virtual disk of the VM: the hypervisor maps it to a file on a datastore of its host.
                disk@DeviceKind|A physical disk given to a VM as it is (passthrough).
                other|Another kind of device.
                hypervisor|The hypervisor (virtual machine monitor): the software layer that gives VMs virtual hardware with fidelity, isolation and performance.
                kvm|KVM: Linux's kernel hypervisor (type-1), with hardware-assisted virtualization.
                xen|Xen: a type-1 hypervisor, known for paravirtualization (guests modified to make hypercalls).
                esxi|VMware ESXi: a type-1 (bare-metal) hypervisor.
                hyper-v|Microsoft Hyper-V: a type-1 hypervisor.
                virtualbox|Oracle VirtualBox: a type-2 (hosted) hypervisor, an application on the host's OS.
                utm|UTM: a type-2 hypervisor for macOS (on QEMU).
                vmware-workstation|VMware Workstation: a type-2 (hosted) hypervisor.
                parallels|Parallels Desktop: a type-2 hypervisor for macOS.
                qemu|QEMU: an emulator and type-2 hypervisor (type-1 speed when used with KVM).
                type-1|Type-1 (bare-metal): the hypervisor runs directly on the hardware.
                type-2|Type-2 (hosted): the hypervisor is an application on the host's operating system, which it pays for in speed.
                technique|How the hypervisor runs guest kernels: hardware-assisted, full (binary translation) or paravirtual.
                hardware-assisted|Hardware-assisted virtualization: VT-x/AMD-V's root mode below ring 0 lets unmodified guest kernels run.
                full|Full virtualization: the guest kernel runs in ring 1 and its privileged instructions are binary-translated; guests are unmodified.
                paravirtual|Paravirtualization: the guest kernel is modified to make hypercalls instead of privileged instructions.
                overcommit|Overcommitment: the hypervisor gives out more vCPUs or memory than the host has, since guests rarely use all of it at once.
                vm|A virtual machine (the **guest**): its own OS on virtual hardware (vCPUs, memory, vNICs, disks) that the hypervisor of its host provides.
                on|Where an element lives: the host or VM it runs on, the network a NIC connects to, the datastore of a disk.
                vcpus|Virtual CPUs: the hypervisor schedules them on the host's logical CPUs (cores x threads).
                vcpus@HotAdd|vCPUs to hot-add to a running VM.
                guest|The guest operating system of the VM.
                passthrough|Gives a device of the host to this VM directly (the VM drives the hardware; needs an IOMMU: vt-d or amd-vi).
                ip|An IPv4 address.
                model|The NIC model the VM sees: virtio (paravirtual, fastest), e1000 or rtl8139 (emulated), vmxnet3 (VMware's paravirtual).
                virtio|virtio: a paravirtual device, the guest knows it is virtual and talks to the hypervisor directly (fastest).
                e1000|Emulated Intel e1000 NIC: every guest has a driver, but emulation costs CPU.
                rtl8139|Emulated Realtek 8139 NIC: old and slow, for old guests.
                vmxnet3|VMware's paravirtual NIC.
                thin|Thin provisioning: the disk file grows as the guest writes, so the datastore can be overcommitted.
                thick|Thick provisioning: the disk's full size is taken from the datastore at once.
                qcow2|QEMU copy-on-write disk format (grows as written, snapshots).
                raw|A raw disk image: byte for byte, fastest, no snapshots.
                vmdk|VMware's disk format.
                vdi|VirtualBox's disk format.
                vhdx|Hyper-V's disk format.
                file|A file (its path is relative to this .vinfra file unless absolute).
                file@VirtualDisk|The disk file's name on the datastore.
                network|A network.
                network@Network|A virtual network: a virtual switch (or bridge) that connects vNICs, with NAT, bridged, host-only or internal reach.
                network@NetworkAttachment|Connects the container to a network (its own network namespace gets an interface on it).
                network@Run|The network a build step may use (none, host, default).
                network@Namespace|The network namespace: the container's own interfaces, addresses and routes.
                kind|The kind of virtual switch: a switch or a Linux bridge.
                switch|A virtual switch: connects the vNICs of guests, as a physical switch connects machines.
                bridge|A Linux bridge: a virtual switch in the host's kernel.
                mode|How the network reaches outside: nat, bridged, host-only or internal.
                nat|NAT: guests reach out through the host's address (Network Address Translation); from outside only forwarded ports reach them.
                bridged|Bridged: guests sit on the physical LAN of a host NIC, with addresses of their own.
                host-only|Host-only: guests and the host reach each other, nothing else.
                internal|Internal: only the guests on the network reach each other.
                to|Where something goes: the uplink NIC, the target of a forward, a copy or a flow.
                cidr|The network's address block (192.168.100.0/24): its addresses and the prefix length.
                gateway|The router address of the network: guests send traffic for other networks to it.
                dhcp|The range of addresses the network's DHCP server hands out to guests.
                forward|Port forwarding through NAT: a port of the host reaches a port of a guest.
                tcp|TCP: the connection-oriented transport protocol.
                udp|UDP: the datagram transport protocol.
                sctp|SCTP: the message-oriented transport protocol.
                ipv6|Enables IPv6 on the network.
                subnet|A further address pool of the network (IPv4 or IPv6), with its gateway and range.
                range|The part of a subnet that addresses are given from.
                driver|The driver that creates the network, volume or log output (bridge, overlay, local, json-file...).
                external|Exists already, outside this model: the tools use it and do not create it.
                image|A container image.
                image@Image|A container image: a base image plus one layer per instruction; a container adds its own read-write layer on top.
                image@ContainerBody|The image the container runs: one of the model or a reference to a registry ("nginx:1.27", pinned to a version).
                syntax|The Dockerfile syntax directive (the BuildKit frontend that reads it).
                escape|The Dockerfile escape character directive.
                stage|A build stage of a multi-stage build: its files are copied into later stages, it ships nothing itself.
                from|The image to start from (the base image whose layers come first).
                platform|The platform to build or run for (linux/amd64, linux/arm64).
                as|The name of the final stage.
                run|A build step: runs a command in the image; its changes become a new layer.
                mount|Mounts a volume, a host path or a tmpfs into the container's file system.
                mount@Run|A mount for the build step (a cache or a secret), not kept in the layer.
                mount@Namespace|The mount namespace: the container's own file system view.
                security|The security mode of a build step (insecure).
                env|An environment variable of the image or container.
                copy|Copies files into the image: a new layer.
                add|Like copy, and also fetches URLs and unpacks local archives: a new layer.
                text|File content written inline (a heredoc).
                chown|Owner of the copied files.
                chmod|Permissions of the copied files.
                link|Copies into a layer of its own (COPY --link), so it can be reused when earlier layers change.
                parents|Keeps the parent folders of the copied files (COPY --parents).
                exclude|Files not to copy.
                checksum|The checksum a fetched file must have.
                keep-git-dir|Keeps the .git folder of a fetched repository.
                workdir|The working directory of the commands that follow (and of the container).
                expose|Documents a port the container listens on; publishing it is the container's 'port'.
                user|The user the commands run as.
                user@Namespace|The user namespace: root inside the container maps to an unprivileged user on the host.
                entrypoint|The program the container runs; 'cmd' or 'command' gives its default arguments.
                cmd|The default command (or the entrypoint's arguments) of the image.
                arg|A build argument: a value given at build time.
                label|A label: metadata as key = value.
                shell|The shell that runs the shell form of run, cmd and entrypoint.
                stop-signal|The signal that asks the container's main process to stop.
                volume|A named volume: storage managed by the container runtime that outlives containers.
                volume@VolumeInstruction|Marks a path of the image as a volume: data written there is kept outside the container's layer.
                onbuild|An instruction run when another image is built from this one.
                native|A setting of a tool's format that the language has no concept for, kept and exported unchanged.
                compose|A compose deployment (docker compose): services, networks, volumes and secrets started together.
                compose@NativeFormat|The compose format.
                dockerfile|A Dockerfile.
                dockerfile@NativeFormat|The Dockerfile format.
                lxc|LXC: Linux containers, system containers that run a whole distribution's init.
                true|The value true.
                false|The value false.
                null|No value.
                container|A container: processes isolated by kernel namespaces and limited by cgroups; it shares the host's kernel (no hypervisor, no guest OS).
                service|A service of a compose deployment: a container (or replicas of it) started with the others.
                runtime|The container runtime: docker (application containers) or lxc (system containers).
                docker|Docker: application containers from layered images.
                template|The LXC template (distribution:release) the container's root file system is made from.
                namespaces|The kernel namespaces that isolate the container: mount, uts, ipc, pid, network, user.
                uts|The UTS namespace: the container's own hostname.
                ipc|The IPC namespace: the container's own pipes, message queues and shared memory.
                pid|The PID namespace: the container sees only its own processes.
                cgroup|Control groups: the kernel limits the container's CPU, memory and I/O.
                cpu-shares|The container's relative CPU weight when CPUs are contended (1024 is the default).
                cpus|A CPU limit in CPUs (1.5 = one and a half CPUs' time).
                cpuset|The CPUs the container may run on ("0-3", "0,2").
                blkio-weight|The container's relative block I/O weight (10-1000).
                unprivileged|An unprivileged container: a user namespace maps root inside to an ordinary user on the host.
                idmap|The id mapping: container ids from the first number map to host ids from the second, for the third number of ids.
                privileged|A privileged container: root inside is root on the host (no user namespace).
                capabilities|Linux capabilities added to the container's root (pieces of root's power, e.g. NET_ADMIN).
                drop-capabilities|Linux capabilities taken away from the container's root.
                at|Where: the path in the container, or the time of a timeline event.
                readonly|The container can read but not write it.
                type|The mount type (bind, volume, tmpfs).
                options|Mount options as the target format writes them.
                port|Publishes a port: a port of the host reaches a port of the container (host:container).
                restart|The restart policy: what the runtime does when the container stops.
                no|Never restart.
                always|Always restart the container.
                on-failure|Restart the container when it fails.
                unless-stopped|Restart unless someone stopped the container.
                health|The health check: a command run at intervals; the container is healthy while it succeeds.
                test|The command of the health check.
                interval|Time between two health checks.
                timeout|How long one health check may take.
                retries|Failed checks in a row before the container counts as unhealthy.
                start-period|Time at start during which failures do not count.
                start-interval|Time between checks during the start period.
                disable|Turns off the health check of the image.
                depends-on|Starts this container after another one (started, healthy or completed).
                started|Once the other container has started.
                healthy|Once the other container's health check succeeds.
                completed|Once the other container has run to completion.
                command|The command the container runs (overrides the image's cmd).
                hostname|The container's hostname (in its own UTS namespace).
                sysctl|A kernel parameter inside the container's namespaces (only namespaced ones, e.g. net.*).
                ulimit|A resource limit of the container's processes (soft:hard).
                logging|Where the container's output goes (driver and options).
                option|An option of the log driver.
                tmpfs|A file system in memory mounted in the container.
                profiles|Compose profiles: the service starts only when one of them is enabled.
                build|Builds the image from a context folder and its Dockerfile (or an inline one).
                inline|A Dockerfile written inline.
                context|The build context: the folder whose files a Dockerfile's copy and add can read.
                target|The build stage to build.
                env-file|A file of environment variables for the container.
                resources|Limits and reservations the orchestrator applies (compose deploy.resources).
                pids|The most processes the container may run.
                reserve-cpus|CPUs reserved for the container.
                reserve-memory|Memory reserved for the container.
                config|A configuration file of the deployment given to services (like a secret, but not confidential).
                secret|A secret (password, key) given to services as a file, kept out of the image and the environment.
                environment|The environment variable the value comes from.
                content|The content of the config, written inline.
                aliases|Other names the container has on the network.
                ip6|An IPv6 address.
                workload|What runs in a VM or container for the simulation: CPU work, memory, disk writes and network flows.
                instructions|The CPU work, in millions of instructions (MI, GI, TI): with the CPU frequency it gives the run time.
                utilisation|How busy the workload keeps its vCPUs (0.0 to 1.0) for a while.
                for|For how long.
                working-set|The memory the workload touches: above the VM's memory, it pages.
                writes|How much the workload writes to disk.
                start|Starts something.
                start@Start|Starts the VM or container at this time of the simulation.
                start@Workload|When the workload starts.
                deadline|When the workload should be done; the simulation reports it late otherwise.
                flow|A network flow from this workload to another VM or container, at a rate.
                timeline|Timed events of the simulation: start, stop, pause, resume, fail, recover, hot-add, hot-remove, spike.
                stop|Stops the VM or container at this time.
                pause|Pauses the VM or container (its state stays in memory).
                resume|Resumes a paused VM or container.
                fail|A host, or one of its NICs, fails at this time.
                recover|A failed host or NIC works again.
                hot-add|Hot-adds memory or vCPUs to a running VM (modern guests support adding).
                hot-remove|Removes memory from a running VM: guests do not support it.
                from@HotRemove|The VM to remove memory from.
                spike|The workload's CPU demand is multiplied for a while.
                by|The factor.
                """;
        for (String line : table.split("\n")) {
            int bar = line.indexOf('|');
            if (bar > 0) {
                HELP.put(line.substring(0, bar).strip(), line.substring(bar + 1).strip());
            }
        }
    }

    private KeywordHelp() {
    }

    /**
     * What a keyword means in a block of the grammar.
     *
     * @param keyword the keyword as written ({@code memory})
     * @param rule    the grammar rule it belongs to ({@code VirtualMachine}), or null
     * @return the explanation, or null when the keyword has none (a test makes sure each has one)
     */
    public static String explain(String keyword, String rule) {
        String specific = rule == null ? null : HELP.get(keyword + "@" + rule);
        return specific != null ? specific : HELP.get(keyword);
    }
}
