package org.vinfra.formats.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.vinfra.formats.GeneratedFiles;
import org.w3c.dom.Document;

class LibvirtExportTest {

    private static final String MODEL = """
            host s {
              cpu { cores 8 threads 2 features vt-x, vt-d }
              memory 128 GiB
              nic eno1 { sriov { max-vfs 8 vfs 4 } }
              nic eno2
              datastore fast { path "/srv/images/" capacity 2 TiB }
              device gpu0 gpu address "0000:3b:00.1"
              device cd cdrom
              hypervisor kvm { overcommit { cpu 2.0 } }
            }
            network lan on s { mode nat cidr 10.1.0.0/24 gateway 10.1.0.1 dhcp 10.1.0.100 - 10.1.0.200 }
            network phys on s { mode bridged to eno2 }
            network closed { mode internal }
            vm app[1..2] on s {
              vcpus 4
              memory 4 GiB max 16 GiB
              nic eth0 on lan model e1000
              nic vf sriov eno1
              disk root 20 GiB thin qcow2 on fast
            }
            vm ml on s { vcpus 2 memory 8 GiB passthrough gpu0 passthrough cd nic eth0 on lan mac "52:54:00:AB:00:01" }
            """;

    private static Document xml(GeneratedFiles files, String path) throws Exception {
        String text = files.get(path);
        assertNotNull(text, path + " in " + files.files().keySet());
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String at(Document document, String xpath) throws Exception {
        return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.STRING);
    }

    @Test
    void eachReplicaIsADomainWithHotAddMemoryAndTopology() throws Exception {
        GeneratedFiles files = Exports.export(MODEL);
        Document app2 = xml(files, "libvirt/domains/app2.xml");
        assertEquals("kvm", at(app2, "/domain/@type"));
        assertEquals("app2", at(app2, "/domain/name"));
        assertEquals("16777216", at(app2, "/domain/maxMemory"), "hot-add up to 16 GiB");
        assertEquals("4194304", at(app2, "/domain/memory"));
        assertEquals("4194304", at(app2, "/domain/currentMemory"));
        assertEquals("4", at(app2, "/domain/vcpu"));
        assertEquals("2", at(app2, "/domain/cpu/topology/@cores"));
        assertEquals("2", at(app2, "/domain/cpu/topology/@threads"), "the host has hyperthreads");
        assertEquals("4194304", at(app2, "/domain/cpu/numa/cell/@memory"), "memory hotplug needs a NUMA cell");
        assertEquals("/srv/images/app2-root.qcow2", at(app2, "/domain/devices/disk/source/@file"), "one disk file per replica");
        assertEquals("qcow2", at(app2, "/domain/devices/disk/driver/@type"));
        assertEquals("lan", at(app2, "/domain/devices/interface[1]/source/@network"));
        assertEquals("e1000", at(app2, "/domain/devices/interface[1]/model/@type"));
        assertEquals("s-eno1-vfs", at(app2, "/domain/devices/interface[2]/source/@network"), "the SR-IOV VF comes from the PF's pool");
        assertNotNull(files.get("libvirt/domains/app1.xml"));
        assertNull(files.get("libvirt/domains/app.xml"));
    }

    @Test
    void passthroughDevicesAndMacs() throws Exception {
        Document ml = xml(Exports.export(MODEL), "libvirt/domains/ml.xml");
        assertEquals("0x3b", at(ml, "/domain/devices/hostdev/source/address/@bus"));
        assertEquals("0x1", at(ml, "/domain/devices/hostdev/source/address/@function"));
        assertEquals("cdrom", at(ml, "/domain/devices/disk/@device"));
        assertEquals("52:54:00:ab:00:01", at(ml, "/domain/devices/interface/mac/@address"));
        assertEquals("", at(ml, "/domain/maxMemory"), "no hot-add without max");
    }

    @Test
    void networksByMode() throws Exception {
        GeneratedFiles files = Exports.export(MODEL);
        Document lan = xml(files, "libvirt/networks/lan.xml");
        assertEquals("nat", at(lan, "/network/forward/@mode"));
        assertEquals("10.1.0.1", at(lan, "/network/ip/@address"));
        assertEquals("255.255.255.0", at(lan, "/network/ip/@netmask"));
        assertEquals("10.1.0.100", at(lan, "/network/ip/dhcp/range/@start"));
        Document phys = xml(files, "libvirt/networks/phys.xml");
        assertEquals("bridge", at(phys, "/network/forward/@mode"));
        assertEquals("eno2", at(phys, "/network/forward/interface/@dev"));
        Document closed = xml(files, "libvirt/networks/closed.xml");
        assertEquals("", at(closed, "/network/forward/@mode"), "an internal network does not forward");
        Document pool = xml(files, "libvirt/networks/s-eno1-vfs.xml");
        assertEquals("hostdev", at(pool, "/network/forward/@mode"));
        assertEquals("eno1", at(pool, "/network/forward/pf/@dev"));
    }
}
