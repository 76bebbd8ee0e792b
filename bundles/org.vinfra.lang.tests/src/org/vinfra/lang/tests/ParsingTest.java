package org.vinfra.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vinfra.lang.model.Defaults;
import org.vinfra.lang.model.Units;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.Host;
import org.vinfra.lang.vinfra.HypervisorType;
import org.vinfra.lang.vinfra.Image;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.Network;
import org.vinfra.lang.vinfra.Run;
import org.vinfra.lang.vinfra.VirtualMachine;
import org.vinfra.lang.workspace.Problem;

class ParsingTest {

    @Test
    void quantitiesAreStoredInBaseUnits() {
        Model model = Models.parse("""
                host h {
                  cpu { sockets 2 cores 8 threads 2 frequency 2.4 GHz features vt-x }
                  memory 256 GiB
                  nic eth0 { speed 10 Gbps }
                  datastore ds { capacity 1.5 TB }
                }
                """);
        Host host = (Host) model.getElements().get(0);
        assertEquals(256L << 30, host.getMemory());
        assertEquals(2_400_000_000L, host.getCpu().getFrequency());
        assertEquals(10_000_000_000L, host.getNics().get(0).getSpeed());
        assertEquals(1_500_000_000_000L, host.getDatastores().get(0).getCapacity());
        assertEquals(32, Defaults.logicalCpus(host));
        assertEquals(16, Defaults.physicalCores(host));
        Host huge = (Host) Models.parse("host huge { cpu { sockets 2147483647 cores 2147483647 threads 2 } }").getElements().get(0);
        assertEquals(Integer.MAX_VALUE, Defaults.logicalCpus(huge), "saturates instead of wrapping round to 2 (vinfra.too-many-cpus says why)");
        assertEquals(Integer.MAX_VALUE, Defaults.physicalCores(huge));
    }

    @Test
    void unitsFormatBackToTheLargestExactUnit() {
        assertEquals("4 GiB", Units.SIZE.format(4L << 30));
        assertEquals("1.5 TB", Units.SIZE.format(1_500_000_000_000L));
        assertEquals("2.4 GHz", Units.FREQUENCY.format(2_400_000_000L));
        assertEquals("90 s", Units.DURATION.format(90_000));
        assertEquals(1_500, Units.DURATION.parse("1.5 s"));
    }

    @Test
    void exportedFilesOfReplicasAtTheTopOfTheIntRangeAreListedFromTheIndex() {
        // the loop wrapped round past 2147483647 and never ended: the language server hung on such a file
        List<String> files = org.vinfra.lang.model.ExportFiles.fromIndex("vm:2147483646..2147483647", "v");
        assertTrue(files.stream().anyMatch(file -> file.contains("v2147483647")), files.toString());
        assertFalse(files.stream().anyMatch(file -> file.contains("v-2147483648")), files.toString());
    }

    @Test
    void unitsParseWholeAndDecimalNumbersExactlyAndRefuseWhatALongCannotHold() {
        assertEquals(60_000, Units.DURATION.parse("60 s"));
        assertEquals(4L << 30, Units.SIZE.parse("4GiB"));
        assertEquals(1, Units.DURATION.parse("0.0005 s"), "half a millisecond rounds half up");
        assertEquals(Long.MAX_VALUE, Units.SIZE.parse("9223372036854775807 B"), "19 digits: the exact path");
        for (String tooLarge : List.of("999999999999999999 TiB", "9223372036854775808 B", "8388608 TiB")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Units.SIZE.parse(tooLarge), tooLarge);
            assertTrue(refused.getMessage().contains("is too large a size"), refused.getMessage());
        }
    }

    @Test
    void unwrittenValuesAreNullAndDefaultsLiveInOnePlace() {
        Model model = Models.parse("""
                host laptop { memory 16 GiB os "macOS 15" hypervisor utm }
                vm v on laptop { memory 2 GiB }
                """);
        Host host = (Host) model.getElements().get(0);
        VirtualMachine vm = (VirtualMachine) model.getElements().get(1);
        assertNull(vm.getVcpus());
        assertEquals(1, Defaults.vcpus(vm));
        assertEquals(HypervisorType.TYPE2, Defaults.type(host.getHypervisor()), "UTM is a hosted (type-2) hypervisor");
        assertEquals(1, Defaults.logicalCpus(host));
    }

    @Test
    void containersImagesAndNetworksParse() {
        Model model = Models.parse("""
                image apache2 {
                  from "ubuntu:24.04"
                  run "apt-get update && apt-get install -y apache2"
                  env APACHE_LOG_DIR = "/var/log/apache2"
                  expose 80/tcp
                  entrypoint ["/usr/sbin/apache2ctl", "-D", "FOREGROUND"]
                }
                network lan { mode nat cidr 10.0.0.0/24 dhcp 10.0.0.100 - 10.0.0.200 forward tcp 8080 to 10.0.0.5:80 }
                container web[1..3] runtime docker { image apache2 port 127.0.0.1:8080:80/tcp network lan }
                """);
        Image image = (Image) model.getElements().get(0);
        assertEquals(4, image.getInstructions().size(), "each instruction is one layer");
        assertTrue(image.getInstructions().get(0) instanceof Run);
        Network network = (Network) model.getElements().get(1);
        assertEquals("10.0.0.0/24", network.getCidr());
        assertEquals("10.0.0.100", network.getDhcp().getFirst());
        Container web = (Container) model.getElements().get(2);
        assertEquals(image, web.getImage());
        assertEquals("127.0.0.1", web.getPorts().get(0).getHostAddress());
        assertEquals(8080, web.getPorts().get(0).getHostPort());
        assertEquals(3, web.getReplication().getLast());
    }

    @Test
    void syntaxErrorsArePositionedAndWorded() {
        List<Problem> problems = Models.problems("host h {\n  memory 4 GiB\n");
        Problem problem = problems.get(0);
        assertEquals("vinfra.syntax-error", problem.code());
        assertEquals(2, problem.line());
        assertTrue(problem.message().contains("expected '}'"), problem.message());
    }

    @Test
    void aKeywordUsedAsANameIsExplained() {
        Problem problem = Models.problems("host kvm { memory 1 GiB }").get(0);
        assertEquals("vinfra.syntax-error", problem.code());
        assertTrue(problem.message().contains("'kvm' is a keyword"), problem.message());
        assertEquals(1, problem.line());
        assertEquals(6, problem.column());
    }

    @Test
    void badValuesAreInvalidValueErrorsThatSayWhy() {
        List<Problem> problems = Models.problems("network n { cidr 10.0.0.300/24 }\nhost h { memory 4 XB }\n");
        assertEquals(List.of("vinfra.invalid-value", "vinfra.invalid-value"), problems.stream().filter(Problem::isError).map(Problem::code).toList());
        assertTrue(problems.get(0).message().contains("between 0 and 255"), problems.get(0).message());
        assertTrue(problems.get(1).message().contains("GiB"), "lists the units: " + problems.get(1).message());
        assertFalse(problems.get(1).message().isBlank());
    }

    @Test
    void naturalWordsOfTheLanguageMayBeNames() {
        Model model = Models.parse("""
                host gateway { memory 1 GiB datastore disk { capacity 1 TiB } }
                network network { cidr 10.0.0.0/24 }
                """);
        assertEquals("gateway", ((Host) model.getElements().get(0)).getName());
        assertEquals("disk", ((Host) model.getElements().get(0)).getDatastores().get(0).getName());
        assertEquals("network", ((Network) model.getElements().get(1)).getName());
        assertEquals(List.of(), Models.problems("host gateway { memory 1 GiB }\nvm disk on gateway { }").stream()
                .filter(p -> p.code().equals("vinfra.syntax-error")).toList());
    }

    @Test
    void unitNamesStayFreeForUserNames() {
        assertTrue(Models.problems("host h { memory 1 GiB }\nhost s { memory 1 B }\nhost GB { memory 1 GB }").stream().noneMatch(Problem::isError));
    }
}
