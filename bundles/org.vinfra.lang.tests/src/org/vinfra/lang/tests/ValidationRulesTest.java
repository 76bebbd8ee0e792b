package org.vinfra.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vinfra.lang.validation.IssueCodes;
import org.vinfra.lang.workspace.Problem;

/**
 * Every rule with a model that breaks it and the nearest model that does not: the first must
 * report the rule's code (positioned, with a message), the second must not.
 */
class ValidationRulesTest {

    /** A host with 8 logical CPUs, 16 GiB, VT-x and VT-d, SR-IOV with 2 VFs, a 100 GiB datastore. */
    private static final String H = """
            host h {
              cpu { cores 4 threads 2 features vt-x, vt-d }
              memory 16 GiB
              os "Debian 12"
              nic eth0 { sriov { max-vfs 8 vfs 2 } }
              nic eth1
              datastore ds { capacity 100 GiB }
              device cd cdrom
              hypervisor kvm
            }
            """;

    static Stream<Arguments> rules() {
        return Stream.of(
                rule(IssueCodes.DUPLICATE_NAME, "host a { memory 1 GiB }\nhost a { memory 1 GiB }", "host a { memory 1 GiB }\nhost b { memory 1 GiB }"),
                rule(IssueCodes.DUPLICATE_NAME, "host a[1..3] { memory 1 GiB }\nhost a2 { memory 1 GiB }", "host a[1..3] { memory 1 GiB }\nhost a4 { memory 1 GiB }"),
                rule(IssueCodes.DUPLICATE_NAME, "host web { memory 1 GiB }\nvm web on web { }", "host web { memory 1 GiB }\nvolume web"),
                rule(IssueCodes.EXPORT_CLASH, H + "vm Web on h { memory 1 GiB }\nvm web on h { memory 1 GiB }",
                        H + "vm web1 on h { memory 1 GiB }\nvm web2 on h { memory 1 GiB }"),
                rule(IssueCodes.EXPORT_CLASH, "image App { from \"busybox:1.36\" }\nimage app { from \"busybox:1.36\" }",
                        "image app { from \"busybox:1.36\" }\nimage app2 { from \"busybox:1.36\" }"),
                rule(IssueCodes.EXPORT_CLASH, "container web runtime lxc { template \"alpine:3.19\" unprivileged idmap 0 100000 65536 }\n"
                        + "compose c { service web runtime lxc { template \"alpine:3.19\" unprivileged idmap 0 100000 65536 } }",
                        "container web runtime lxc { template \"alpine:3.19\" unprivileged idmap 0 100000 65536 }\n"
                        + "compose c { service web2 runtime lxc { template \"alpine:3.19\" unprivileged idmap 0 100000 65536 } }"),
                rule(IssueCodes.DUPLICATE_SETTING, "host a { memory 1 GiB memory 2 GiB }", "host a { memory 1 GiB }"),
                rule(IssueCodes.EMPTY_REPLICATION, "host a[3..1] { memory 1 GiB }", "host a[1..3] { memory 1 GiB }"),
                rule(IssueCodes.TOO_MANY_ELEMENTS, "host rack[1..21474836] { memory 1 GiB }", "host rack[1..20] { memory 1 GiB }"),
                rule(IssueCodes.TOO_MANY_ELEMENTS, "host a[1..600000] { memory 1 GiB }\nhost b[1..600000] { memory 1 GiB }",
                        "host a[1..600] { memory 1 GiB }\nhost b[1..600] { memory 1 GiB }"),
                rule(IssueCodes.FILE_TOO_LARGE, "host a { memory 1 GiB }\n" + "// a comment line to make the file large\n".repeat(500_000),
                        "host a { memory 1 GiB }\n// a comment line\n"),
                rule(IssueCodes.TOO_DEEPLY_NESTED, "host a { memory 1 GiB }\nhost b " + "{".repeat(70) + "}".repeat(70),
                        "host a { memory 1 GiB }\nhost b { memory 1 GiB }"),
                rule(IssueCodes.IMPORT_NOT_FOUND, "import \"no-such-file.vinfra\"\nhost a { memory 1 GiB }", "host a { memory 1 GiB }"),
                rule(IssueCodes.UNRESOLVED_REFERENCE, H + "vm v on hh { }", H + "vm v on h { }"),
                rule(IssueCodes.ZERO_COUNT, "host a { cpu { cores 0 } memory 1 GiB }", "host a { cpu { cores 1 } memory 1 GiB }"),
                rule(IssueCodes.ZERO_COUNT, H + "vm v on h { vcpus 0 memory 1 GiB }", H + "vm v on h { vcpus 1 memory 1 GiB }"),
                rule(IssueCodes.TOO_MANY_CPUS, "host a { cpu { sockets 2147483647 cores 2147483647 threads 2 } memory 1 GiB }",
                        "host a { cpu { sockets 32 cores 128 threads 2 } memory 1 GiB }"),
                rule(IssueCodes.ZERO_VALUE, H + "vm v on h { vcpus 1 memory 0 GiB }", H + "vm v on h { vcpus 1 memory 1 GiB }"),
                rule(IssueCodes.ZERO_VALUE, "host a { cpu { cores 1 frequency 0 GHz } memory 1 GiB nic e { speed 0 Gbps } }",
                        "host a { cpu { cores 1 frequency 2 GHz } memory 1 GiB nic e { speed 1 Gbps } }"),
                rule(IssueCodes.HOST_WITHOUT_MEMORY, "host a { }", "host a { memory 1 GiB }"),
                rule(IssueCodes.HARDWARE_ASSIST_WITHOUT_VTX, "host a { memory 1 GiB hypervisor kvm }",
                        "host a { memory 1 GiB cpu { features amd-v } hypervisor kvm }"),
                rule(IssueCodes.HARDWARE_ASSIST_WITHOUT_VTX, "host a { memory 1 GiB hypervisor xen { technique hardware-assisted } }",
                        "host a { memory 1 GiB hypervisor xen { technique paravirtual } }"),
                rule(IssueCodes.TYPE2_WITHOUT_HOST_OS, "host a { memory 8 GiB cpu { features vt-x } hypervisor virtualbox }",
                        "host a { memory 8 GiB os \"Windows 11\" cpu { features vt-x } hypervisor virtualbox }"),
                rule(IssueCodes.UNUSUAL_HYPERVISOR_TYPE, "host a { memory 8 GiB os \"x\" cpu { features vt-x } hypervisor esxi { type-2 } }",
                        "host a { memory 8 GiB cpu { features vt-x } hypervisor esxi { type-1 } }"),
                rule(IssueCodes.SRIOV_TOO_MANY_VFS, "host a { memory 1 GiB nic e { sriov { max-vfs 8 vfs 16 } } }",
                        "host a { memory 1 GiB nic e { sriov { max-vfs 8 vfs 8 } } }"),
                rule(IssueCodes.SRIOV_TOO_MANY_VFS, "host a { memory 1 GiB nic e { sriov { max-vfs 300 } } }",
                        "host a { memory 1 GiB nic e { sriov { max-vfs 256 } } }"),
                rule(IssueCodes.SRIOV_VFS_EXHAUSTED, H + "vm v[1..3] on h { memory 1 GiB nic n sriov eth0 }",
                        H + "vm v[1..2] on h { memory 1 GiB nic n sriov eth0 }"),
                rule(IssueCodes.SRIOV_NOT_ENABLED, H + "vm v on h { memory 1 GiB nic n sriov eth1 }", H + "vm v on h { memory 1 GiB nic n sriov eth0 }"),
                rule(IssueCodes.PASSTHROUGH_WITHOUT_IOMMU, H.replace("vt-x, vt-d", "vt-x") + "vm v on h { memory 1 GiB passthrough cd }",
                        H + "vm v on h { memory 1 GiB passthrough cd }"),
                rule(IssueCodes.PASSTHROUGH_WITHOUT_IOMMU, H.replace("vt-x, vt-d", "vt-x") + "vm v on h { memory 1 GiB nic n sriov eth0 }",
                        H.replace("vt-x, vt-d", "vt-x, amd-vi") + "vm v on h { memory 1 GiB nic n sriov eth0 }"),
                rule(IssueCodes.DATASTORE_OVERFULL, "host a { memory 1 GiB datastore d { capacity 1 GiB used 2 GiB } }",
                        "host a { memory 1 GiB datastore d { capacity 1 GiB used 1 GiB } }"),
                rule(IssueCodes.VM_WITHOUT_HYPERVISOR, "host a { memory 4 GiB }\nvm v on a { memory 1 GiB }", H + "vm v on h { memory 1 GiB }"),
                rule(IssueCodes.VCPUS_EXCEED_HOST, H + "vm v on h { vcpus 9 memory 1 GiB }", H + "vm v on h { vcpus 8 memory 1 GiB }"),
                rule(IssueCodes.CPU_OVERCOMMIT_EXCEEDED, H + "vm v[1..2] on h { vcpus 8 memory 1 GiB }", H + "vm v on h { vcpus 8 memory 1 GiB }"),
                rule(IssueCodes.CPU_OVERCOMMIT, H.replace("hypervisor kvm", "hypervisor kvm { overcommit { cpu 2.0 } }")
                        + "vm v[1..2] on h { vcpus 8 memory 1 GiB }", H + "vm v on h { vcpus 8 memory 1 GiB }"),
                rule(IssueCodes.MEMORY_OVERCOMMIT_EXCEEDED, H + "vm v[1..2] on h { memory 10 GiB }", H + "vm v on h { memory 10 GiB }"),
                rule(IssueCodes.MEMORY_OVERCOMMIT, H.replace("hypervisor kvm", "hypervisor kvm { overcommit { memory 1.5 } }")
                        + "vm v[1..2] on h { memory 10 GiB }", H + "vm v[1..2] on h { memory 8 GiB }"),
                rule(IssueCodes.MAX_MEMORY_BELOW_MEMORY, H + "vm v on h { memory 4 GiB max 2 GiB }", H + "vm v on h { memory 4 GiB max 8 GiB }"),
                rule(IssueCodes.DISK_EXCEEDS_DATASTORE, H + "vm v on h { memory 1 GiB disk d 200 GiB thick on ds }",
                        H + "vm v on h { memory 1 GiB disk d 200 GiB thin on ds }"),
                rule(IssueCodes.DISK_EXCEEDS_DATASTORE, H + "vm v[1..3] on h { memory 1 GiB disk d 40 GiB thick on ds }",
                        H + "vm v[1..2] on h { memory 1 GiB disk d 40 GiB thick on ds }"),
                rule(IssueCodes.RESOURCE_ON_OTHER_HOST, H + H.replace("host h", "host h2") + "vm v on h { memory 1 GiB disk d 1 GiB on h2.ds }",
                        H + H.replace("host h", "host h2") + "vm v on h { memory 1 GiB disk d 1 GiB on ds }"),
                rule(IssueCodes.OVERLAPPING_CIDR, "network a { cidr 10.0.0.0/16 }\nnetwork b { cidr 10.0.1.0/24 }",
                        "network a { cidr 10.0.0.0/24 }\nnetwork b { cidr 10.0.1.0/24 }"),
                rule(IssueCodes.DUPLICATE_IP, H + "network lan { cidr 10.0.0.0/24 }\nvm a on h { memory 1 GiB nic e on lan ip 10.0.0.5 }\n"
                        + "vm b on h { memory 1 GiB nic e on lan ip 10.0.0.5 }",
                        H + "network lan { cidr 10.0.0.0/24 }\nvm a on h { memory 1 GiB nic e on lan ip 10.0.0.5 }\n"
                                + "vm b on h { memory 1 GiB nic e on lan ip 10.0.0.6 }"),
                rule(IssueCodes.DUPLICATE_IP, H + "network lan { cidr 10.0.0.0/24 }\nvm a[1..2] on h { memory 1 GiB nic e on lan ip 10.0.0.5 }",
                        H + "network lan { cidr 10.0.0.0/24 }\nvm a[1..2] on h { memory 1 GiB nic e on lan }"),
                rule(IssueCodes.DUPLICATE_MAC, H + "network lan { }\nvm a on h { memory 1 GiB nic e on lan mac \"52:54:00:00:00:01\" }\n"
                        + "vm b on h { memory 1 GiB nic e on lan mac \"52:54:00:00:00:01\" }",
                        H + "network lan { }\nvm a on h { memory 1 GiB nic e on lan mac \"52:54:00:00:00:01\" }\n"
                                + "vm b on h { memory 1 GiB nic e on lan mac \"52:54:00:00:00:02\" }"),
                rule(IssueCodes.INVALID_MAC, "host a { memory 1 GiB nic e { mac \"52:54:00:zz\" } }",
                        "host a { memory 1 GiB nic e { mac \"52:54:00:ab:cd:ef\" } }"),
                rule(IssueCodes.IP_OUTSIDE_CIDR, "network lan { cidr 10.0.0.0/24 gateway 10.0.1.1 }", "network lan { cidr 10.0.0.0/24 gateway 10.0.0.1 }"),
                rule(IssueCodes.IP_OUTSIDE_CIDR, H + "network lan { cidr 10.0.0.0/24 }\nvm a on h { memory 1 GiB nic e on lan ip 10.0.1.5 }",
                        H + "network lan { cidr 10.0.0.0/24 }\nvm a on h { memory 1 GiB nic e on lan ip 10.0.0.5 }"),
                rule(IssueCodes.BRIDGED_WITHOUT_UPLINK, H + "network n on h { mode bridged }", H + "network n on h { mode bridged to eth1 }"),
                rule(IssueCodes.FORWARD_WITHOUT_NAT, "network n { mode host-only forward tcp 80 to 10.0.0.5:80 }",
                        "network n { mode nat forward tcp 80 to 10.0.0.5:80 }"),
                rule(IssueCodes.DUPLICATE_PUBLISHED_PORT, H + "container a on h { image \"nginx:1.27\" port 8080:80 }\n"
                        + "container b on h { image \"nginx:1.27\" port 8080:80 }",
                        H + "container a on h { image \"nginx:1.27\" port 8080:80 }\ncontainer b on h { image \"nginx:1.27\" port 8081:80 }"),
                rule(IssueCodes.DUPLICATE_PUBLISHED_PORT, "compose c { service web[1..2] { image \"nginx:1.27\" port 8080:80 } }",
                        "compose c { service web[1..2] { image \"nginx:1.27\" } }"),
                rule(IssueCodes.DUPLICATE_PUBLISHED_PORT, H + "network n on h { mode nat forward tcp 2222 to 10.0.0.5:22 }\n"
                        + "container a on h { image \"nginx:1.27\" port 2222:80 }",
                        H + "network n on h { mode nat forward tcp 2222 to 10.0.0.5:22 }\ncontainer a on h { image \"nginx:1.27\" port 2223:80 }"),
                rule(IssueCodes.DEPENDENCY_CYCLE, "compose c {\n service a { image \"x:1\" depends-on b }\n service b { image \"x:1\" depends-on a }\n}",
                        "compose c {\n service a { image \"x:1\" depends-on b }\n service b { image \"x:1\" }\n}"),
                rule(IssueCodes.IMAGE_CYCLE, "image a { from b }\nimage b { from a run \"true\" }",
                        "image a { from b }\nimage b { from \"debian:12\" run \"true\" }"),
                rule(IssueCodes.HEALTHY_WITHOUT_HEALTHCHECK, "compose c {\n service db { image \"x:1\" }\n service a { image \"x:1\" depends-on db healthy }\n}",
                        "compose c {\n service db { image \"x:1\" health { test [\"CMD\", \"true\"] } }\n"
                                + " service a { image \"x:1\" depends-on db healthy }\n}"),
                rule(IssueCodes.CONTAINER_MEMORY_EXCEEDS_MACHINE, H + "container a on h { image \"x:1\" cgroup { memory 32 GiB } }",
                        H + "container a on h { image \"x:1\" cgroup { memory 1 GiB } }"),
                rule(IssueCodes.CONTAINER_CPUS_EXCEED_MACHINE, H + "vm v on h { vcpus 2 memory 4 GiB }\ncontainer a on v { image \"x:1\" cgroup { cpus 4.0 } }",
                        H + "vm v on h { vcpus 2 memory 4 GiB }\ncontainer a on v { image \"x:1\" cgroup { cpus 1.5 } }"),
                rule(IssueCodes.INVALID_CPUSET, H + "container a on h { image \"x:1\" cgroup { cpuset \"0-9\" } }",
                        H + "container a on h { image \"x:1\" cgroup { cpuset \"0-3,7\" } }"),
                rule(IssueCodes.INVALID_CPUSET, H + "container a on h { image \"x:1\" cgroup { cpuset \"first two\" } }",
                        H + "container a on h { image \"x:1\" cgroup { cpuset \"0,1\" } }"),
                rule(IssueCodes.LXC_PRIVILEGED, "container a runtime lxc { template \"alpine:3.19\" }",
                        "container a runtime lxc { template \"alpine:3.19\" unprivileged idmap 0 100000 65536 }"),
                rule(IssueCodes.LXC_PRIVILEGED, "container a { image \"x:1\" privileged }", "container a { image \"x:1\" capabilities NET_ADMIN }"),
                rule(IssueCodes.PLAIN_SECRET, "container a { image \"x:1\" env DB_PASSWORD = \"secret\" }", "container a { image \"x:1\" env DB_USER = \"wp\" }"),
                rule(IssueCodes.PLAIN_SECRET, "image i { from \"debian:12\" env API_TOKEN = \"abc\" }", "image i { from \"debian:12\" env API_URL = \"abc\" }"),
                rule(IssueCodes.UNPINNED_IMAGE, "container a { image \"nginx\" }", "container a { image \"nginx:1.27\" }"),
                rule(IssueCodes.UNPINNED_IMAGE, "image i { from \"registry.local:5000/debian:latest\" }", "image i { from \"registry.local:5000/debian:12\" }"),
                rule(IssueCodes.CONTAINER_WITHOUT_IMAGE, "container a { }", "container a { image \"x:1\" }"),
                rule(IssueCodes.CONTAINER_WITHOUT_IMAGE, "container a runtime lxc { unprivileged idmap 0 100000 65536 }",
                        "container a runtime lxc { template \"alpine:3.19\" unprivileged idmap 0 100000 65536 }"),
                rule(IssueCodes.WORKLOAD_WITHOUT_DEMAND, H + "vm v on h { memory 1 GiB }\nworkload w on v { }",
                        H + "vm v on h { memory 1 GiB }\nworkload w on v { instructions 10000 MI }"),
                rule(IssueCodes.THREADS_EXCEED_VCPUS, H + "vm v on h { vcpus 2 memory 1 GiB }\nworkload w on v { instructions 1 GI threads 4 }",
                        H + "vm v on h { vcpus 4 memory 1 GiB }\nworkload w on v { instructions 1 GI threads 4 }"),
                rule(IssueCodes.HOT_ADD_BEYOND_MAX, H + "vm v on h { memory 2 GiB max 3 GiB }\ntimeline { at 1 min hot-add 2 GiB to v }",
                        H + "vm v on h { memory 2 GiB max 4 GiB }\ntimeline { at 1 min hot-add 2 GiB to v }"),
                rule(IssueCodes.HOT_REMOVE, H + "vm v on h { memory 2 GiB }\ntimeline { at 1 min hot-remove 1 GiB from v }",
                        H + "vm v on h { memory 2 GiB }\ntimeline { at 1 min stop v }"),
                rule(IssueCodes.SYSCTL_NOT_NAMESPACED, "compose c { service s { image \"x:1\" sysctl \"vm.swappiness\" = \"10\" } }",
                        "compose c { service s { image \"x:1\" sysctl \"net.core.somaxconn\" = \"1024\" } }"),
                rule(IssueCodes.SYSCTL_NOT_NAMESPACED, "compose c { service s { image \"x:1\" namespaces mount, uts, ipc, pid sysctl \"net.core.somaxconn\" = \"1\" } }",
                        "compose c { service s { image \"x:1\" namespaces mount, uts, ipc, pid, network sysctl \"net.core.somaxconn\" = \"1\" } }"),
                rule(IssueCodes.ULIMIT_SOFT_ABOVE_HARD, "compose c { service s { image \"x:1\" ulimit nofile 40000:20000 } }",
                        "compose c { service s { image \"x:1\" ulimit nofile 20000:40000 } }"),
                rule(IssueCodes.UNKNOWN_CAPABILITY, "compose c { service s { image \"x:1\" capabilities NET_ADMINS } }",
                        "compose c { service s { image \"x:1\" capabilities NET_ADMIN } }"),
                rule(IssueCodes.UNKNOWN_CAPABILITY, "compose c { service s { image \"x:1\" drop-capabilities MKNODE } }",
                        "compose c { service s { image \"x:1\" drop-capabilities MKNOD } }"),
                rule(IssueCodes.NATIVE_FOR_OTHER_FORMAT, "compose c { service s { image \"x:1\" native lxc \"lxc.arch\" = \"x86_64\" } }",
                        "compose c { service s { image \"x:1\" native compose \"stop_grace_period\" = \"30s\" } }"),
                rule(IssueCodes.NATIVE_FOR_OTHER_FORMAT, "image i { from \"busybox:1.36\" native compose \"x\" = 1 }",
                        "image i { from \"busybox:1.36\" native dockerfile \"MAINTAINER\" = \"me\" }"),
                rule(IssueCodes.SECRET_WITHOUT_SOURCE, "compose c { secret s { } }", "compose c { secret s { external } }"),
                rule(IssueCodes.SECRET_WITHOUT_SOURCE, "compose c { config nginx { } }", "compose c { config nginx { file \"nginx.conf\" } }"),
                rule(IssueCodes.STAGE_ORDER, "image i { stage a from stage b { } stage b from \"golang:1.22\" { } from \"busybox:1.36\" }",
                        "image i { stage b from \"golang:1.22\" { } stage a from stage b { } from \"busybox:1.36\" }"),
                rule(IssueCodes.STAGE_ORDER, "image i { stage a from \"golang:1.22\" { copy \"/x\" to \"/y\" from b } stage b from \"golang:1.22\" { }"
                        + " from \"busybox:1.36\" }",
                        "image i { stage a from \"golang:1.22\" { } stage b from \"golang:1.22\" { copy \"/x\" to \"/y\" from a } from \"busybox:1.36\" }"),
                rule(IssueCodes.UNDECLARED_BUILD_ARG, "image i { from \"golang:${GO_VERSION}\" }",
                        "image i { arg GO_VERSION = \"1.22\" from \"golang:${GO_VERSION}\" }"),
                rule(IssueCodes.SUDO_IN_BUILD, "image i { from \"debian:12.7\" run \"sudo mkdir /srv\" }",
                        "image i { from \"debian:12.7\" run \"mkdir /srv\" }"),
                rule(IssueCodes.APT_LISTS_KEPT, "image i { from \"debian:12.7\" run \"apt-get update && apt-get install -y curl\" }",
                        "image i { from \"debian:12.7\" run \"apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\" }"),
                rule(IssueCodes.IPV6_NOT_ENABLED, "compose c { network lan { subnet \"fd00:28::/64\" } }",
                        "compose c { network lan { ipv6 subnet \"fd00:28::/64\" } }"),
                rule(IssueCodes.IPV6_NOT_ENABLED, "compose c { network lan { } service s { image \"x:1\" network lan ip6 \"fd00::10\" } }",
                        "compose c { network lan { ipv6 } service s { image \"x:1\" network lan ip6 \"fd00::10\" } }"),
                rule(IssueCodes.INVALID_VALUE, "compose c { network lan { ipv6 subnet \"fd00:zz::/64\" } }",
                        "compose c { network lan { ipv6 subnet \"fd00:28::/64\" } }"),
                rule(IssueCodes.SYNTAX_ERROR, "host a { memory 1 GiB", "host a { memory 1 GiB }"),
                rule(IssueCodes.INVALID_VALUE, "network n { cidr 10.0.0.0/33 }", "network n { cidr 10.0.0.0/32 }"));
    }

    private static Arguments rule(String code, String bad, String good) {
        return Arguments.of(code, bad, good);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theRuleFiresOnTheBadModelOnly(String code, String bad, String good) {
        List<Problem> problems = Models.problems(bad);
        Problem problem = problems.stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not reported for:\n" + bad + "\nbut: " + problems));
        assertTrue(problem.line() >= 1 && problem.column() >= 1, "positioned: " + problem.format());
        assertTrue(problem.message().length() > 40, "the message explains: " + problem.message());
        List<String> goodCodes = Models.codes(good);
        assertFalse(goodCodes.contains(code), code + " reported for the corrected model:\n" + good + "\n" + Models.problems(good));
    }

    @Test
    void everyCodeHasACase() {
        Set<String> tested = new TreeSet<>();
        rules().forEach(arguments -> tested.add((String) arguments.get()[0]));
        Set<String> missing = new TreeSet<>(IssueCodes.all());
        missing.removeAll(tested);
        missing.remove(IssueCodes.INTERNAL_ERROR); // no text makes a rule fail: RuleFailureTest plants a failing rule
        assertEquals(Set.of(), missing, "rules without a test case");
    }

    @Test
    void theCorrectedHostIsClean() {
        assertEquals(List.of(), Models.problems(H + "vm v on h { vcpus 4 memory 8 GiB disk root 20 GiB on ds }"));
    }
}
