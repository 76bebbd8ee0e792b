package org.vinfra.cli;

import java.util.Locale;

/** Writes a large, valid model: hosts with hypervisors, VMs spread over them, networks and containers. */
final class DatacenterGenerator {

    private DatacenterGenerator() {
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
