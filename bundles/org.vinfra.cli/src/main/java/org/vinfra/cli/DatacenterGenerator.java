package org.vinfra.cli;

import java.util.Locale;

/** Writes a large, valid model: hosts with hypervisors, VMs spread over them, networks and containers. */
final class DatacenterGenerator {

    private DatacenterGenerator() {
    }

    /** Hosts with VMs, plus LXC containers on the hosts and compose deployments of Docker services. */
    static String generate(int hosts, int vms, int lxcContainers, int composeDeployments, int servicesPerDeployment) {
        StringBuilder text = new StringBuilder(generate(hosts, vms));
        text.append("image app-base {\n\tfrom \"debian:12.7\"\n\trun \"apt-get update && apt-get install -y curl\"\n}\n\n");
        for (int c = 0; c < lxcContainers; c++) {
            text.append("container lxc").append(c).append(" runtime lxc on host").append(c % hosts).append(" {\n")
                    .append("\ttemplate \"alpine:3.19\"\n\tunprivileged idmap 0 100000 65536\n")
                    .append("\tcgroup {\n\t\tcpus 0.5\n\t\tmemory 256 MiB\n\t}\n}\n");
        }
        for (int d = 0; d < composeDeployments; d++) {
            text.append("compose app").append(d).append(" on host").append(d % hosts).append(" {\n");
            text.append("\tvolume data\n\tsecret token {\n\t\tfile \"token.txt\"\n\t}\n");
            for (int s = 0; s < servicesPerDeployment; s++) {
                text.append("\tservice svc").append(s).append(" {\n")
                        .append(s == 0 ? "\t\timage app-base\n" : "\t\timage \"nginx:1.27.2\"\n")
                        .append("\t\tenv INDEX = \"").append(s).append("\"\n")
                        .append("\t\tsecret token\n")
                        .append(s == 0 ? "\t\tmount data at \"/data\"\n" : "\t\tdepends-on svc0\n")
                        .append("\t\tcgroup {\n\t\t\tcpus 0.25\n\t\t\tmemory 128 MiB\n\t\t}\n")
                        .append("\t}\n");
            }
            text.append("}\n");
        }
        return text.toString();
    }

    /**
     * The same data centre with its VMs declared as replicas, {@code vm h7vm[1..10] on host7}: as many VMs,
     * one declaration per host.
     */
    static String generateReplicated(int hosts, int vms) {
        StringBuilder text = new StringBuilder(hosts * 500);
        int networks = Math.max(1, hosts / 50);
        int perHost = Math.max(1, vms / Math.max(1, hosts));
        for (int n = 0; n < networks; n++) {
            text.append(String.format(Locale.ROOT, "network net%d {%n\tmode nat%n\tcidr 10.%d.%d.0/24%n}%n%n", n, n / 256, n % 256));
        }
        for (int h = 0; h < hosts; h++) {
            text.append("host host").append(h).append(" {\n")
                    .append("\tcpu {\n\t\tsockets 2\n\t\tcores 16\n\t\tthreads 2\n\t\tfeatures vt-x, vt-d\n\t}\n")
                    .append("\tmemory 512 GiB\n")
                    .append("\tnic eth0\n")
                    .append("\tdatastore local {\n\t\tcapacity 4 TiB\n\t}\n")
                    .append("\thypervisor kvm {\n\t\tovercommit {\n\t\t\tcpu 4.0\n\t\t}\n\t}\n")
                    .append("}\n\n");
            text.append("vm h").append(h).append("vm[1..").append(perHost).append("] on host").append(h).append(" {\n")
                    .append("\tvcpus 4\n\tmemory 16 GiB\n")
                    .append("\tnic eth0 on net").append(h / 50 % networks).append('\n')
                    .append("}\n");
        }
        return text.toString();
    }

    static String generate(int hosts, int vms) {
        StringBuilder text = new StringBuilder(vms * 120 + hosts * 400);
        int networks = Math.max(1, hosts / 50);
        for (int n = 0; n < networks; n++) {
            text.append(String.format(Locale.ROOT, "network net%d {%n\tmode nat%n\tcidr 10.%d.%d.0/24%n}%n%n", n, n / 256, n % 256));
        }
        for (int h = 0; h < hosts; h++) {
            text.append("host host").append(h).append(" {\n")
                    .append("\tcpu {\n\t\tsockets 2\n\t\tcores 16\n\t\tthreads 2\n\t\tfeatures vt-x, vt-d\n\t}\n")
                    .append("\tmemory 512 GiB\n")
                    .append("\tnic eth0\n")
                    .append("\tdatastore local {\n\t\tcapacity 4 TiB\n\t}\n")
                    .append("\thypervisor kvm {\n\t\tovercommit {\n\t\t\tcpu 4.0\n\t\t}\n\t}\n")
                    .append("}\n\n");
        }
        for (int v = 0; v < vms; v++) {
            int host = v % hosts;
            int network = host / 50 % networks;
            text.append("vm vm").append(v).append(" on host").append(host).append(" {\n")
                    .append("\tvcpus 4\n\tmemory 16 GiB\n")
                    .append("\tnic eth0 on net").append(network).append('\n')
                    .append("}\n");
        }
        return text.toString();
    }
}
