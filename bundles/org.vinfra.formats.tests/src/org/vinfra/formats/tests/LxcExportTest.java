package org.vinfra.formats.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vinfra.formats.CgroupVersion;
import org.vinfra.formats.GeneratedFiles;
import org.vinfra.formats.Target;

class LxcExportTest {

    private static final String MODEL = """
            host box { memory 8 GiB cpu { cores 4 } os "Debian 12" }
            network lxcbr0 on box { kind bridge mode nat cidr 10.0.3.0/24 gateway 10.0.3.1 }
            volume logs
            container web runtime lxc on box {
              template "alpine:3.19"
              namespaces mount, uts, ipc, pid, user
              unprivileged idmap 0 100000 65536
              network lxcbr0 ip 10.0.3.10
              mount logs at "/var/log/app" readonly
              env MODE = "lab"
              capabilities NET_ADMIN
              restart always
              command ["/bin/sleep", "3600"]
              cgroup { cpu-shares 1024 cpus 0.5 cpuset "0-1" memory 256 MiB blkio-weight 500 }
            }
            """;

    private static List<String> config(CgroupVersion version) {
        GeneratedFiles files = Exports.export(MODEL, Target.LXC, version);
        return files.get("lxc/web/config").lines().toList();
    }

    @Test
    void currentKeyNamesForIdentityNetworkAndMounts() {
        List<String> config = config(CgroupVersion.V2);
        assertTrue(config.contains("lxc.uts.name = web"));
        assertTrue(config.contains("lxc.rootfs.path = dir:/var/lib/lxc/web/rootfs"));
        assertTrue(config.contains("lxc.idmap = u 0 100000 65536"));
        assertTrue(config.contains("lxc.idmap = g 0 100000 65536"));
        assertTrue(config.contains("lxc.apparmor.profile = generated"));
        assertTrue(config.contains("lxc.net.0.type = veth"));
        assertTrue(config.contains("lxc.net.0.link = lxcbr0"));
        assertTrue(config.contains("lxc.net.0.ipv4.address = 10.0.3.10/24"));
        assertTrue(config.contains("lxc.net.0.ipv4.gateway = 10.0.3.1"));
        assertTrue(config.contains("lxc.mount.entry = /var/lib/lxc/volumes/logs var/log/app none bind,create=dir,ro 0 0"));
        assertTrue(config.contains("lxc.environment = MODE=lab"));
        assertTrue(config.contains("lxc.cap.keep = net_admin"));
        assertTrue(config.contains("lxc.namespace.keep = net"), "the network namespace is not private: " + config);
        assertTrue(config.contains("lxc.init.cmd = /bin/sleep 3600"));
        assertTrue(config.contains("lxc.start.auto = 1"));
        assertFalse(config.stream().anyMatch(line -> line.startsWith("lxc.utsname") || line.startsWith("lxc.rootfs =")
                || line.startsWith("lxc.id_map") || line.startsWith("lxc.network.")), "no legacy keys");
    }

    @Test
    void cgroupV2Keys() {
        List<String> config = config(CgroupVersion.V2);
        assertTrue(config.contains("lxc.cgroup2.memory.max = 268435456"));
        assertTrue(config.contains("lxc.cgroup2.cpuset.cpus = 0-1"));
        assertTrue(config.contains("lxc.cgroup2.cpu.weight = 39"), "1024 shares are weight 39: " + config);
        assertTrue(config.contains("lxc.cgroup2.cpu.max = 50000 100000"));
        assertTrue(config.contains("lxc.cgroup2.io.weight = 500"));
    }

    @Test
    void cgroupV1Keys() {
        List<String> config = config(CgroupVersion.V1);
        assertTrue(config.contains("lxc.cgroup.memory.limit_in_bytes = 268435456"));
        assertTrue(config.contains("lxc.cgroup.cpuset.cpus = 0-1"));
        assertTrue(config.contains("lxc.cgroup.cpu.shares = 1024"));
        assertTrue(config.contains("lxc.cgroup.cpu.cfs_quota_us = 50000"));
        assertTrue(config.contains("lxc.cgroup.cpu.cfs_period_us = 100000"));
        assertTrue(config.contains("lxc.cgroup.blkio.weight = 500"));
        assertFalse(config.stream().anyMatch(line -> line.startsWith("lxc.cgroup2.")));
    }

    @Test
    void theStartScriptCreatesTheRootfsFromTheTemplate() {
        GeneratedFiles files = Exports.export(MODEL, Target.LXC, CgroupVersion.V2);
        String script = files.get("lxc/web/start.sh");
        assertTrue(files.isExecutable("lxc/web/start.sh"));
        assertTrue(script.startsWith("#!/bin/sh"));
        assertTrue(script.contains("-t download -- -d alpine -r 3.19 -a amd64"), script);
        assertTrue(script.contains("lxc-start -P \"$LXC_PATH\" -n \"$name\" -f \"$here/config\""), script);
    }
}
