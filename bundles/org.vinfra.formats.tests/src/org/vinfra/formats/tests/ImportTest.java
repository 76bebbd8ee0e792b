package org.vinfra.formats.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vinfra.formats.ExportOptions;
import org.vinfra.formats.Exporter;
import org.vinfra.formats.ImportCodes;
import org.vinfra.formats.Importer;
import org.vinfra.lang.vinfra.Compose;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.DependencyCondition;
import org.vinfra.lang.vinfra.Image;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.Namespace;
import org.vinfra.lang.vinfra.NetworkMode;
import org.vinfra.lang.workspace.Problem;

/** Imports read the formats back; what the model cannot express is reported with its line. */
class ImportTest {

    private static Path examples() {
        return Path.of(System.getProperty("vinfra.root", "../..")).resolve("examples/import");
    }

    private static Importer.Result read(Path... files) throws IOException {
        return Exports.INJECTOR.getInstance(Importer.class).read(List.of(files));
    }

    private static Model model(Importer.Result result) {
        return Exports.load(result.text()).models().get(0);
    }

    private static Container service(Compose compose, String name) {
        return compose.getServices().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aComposeFileBecomesAComposeDeployment() throws IOException {
        Importer.Result result = read(examples().resolve("monitoring/compose.yaml"));
        assertEquals(List.of(), result.report().problems(), result.text());
        Compose compose = (Compose) model(result).getElements().get(0);
        assertEquals("monitoring", compose.getName(), "named after its folder, as docker-compose names projects");
        Container prometheus = service(compose, "prometheus");
        assertEquals("prom/prometheus:v2.54.1", prometheus.getImageReference());
        assertEquals(List.of("--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.retention.time=15d"),
                prometheus.getCommand().getArguments());
        assertEquals("127.0.0.1", prometheus.getPorts().get(0).getHostAddress());
        assertEquals(30_000L, prometheus.getHealth().getInterval());
        assertEquals(1L << 30, prometheus.getCgroup().getMemoryLimit());
        assertTrue(prometheus.getMounts().get(0).isReadOnly());
        Container exporter = service(compose, "node-exporter");
        assertEquals(List.of(Namespace.MOUNT, Namespace.UTS, Namespace.IPC), exporter.getNamespaces(), "pid and network shared with the host");
        Container grafana = service(compose, "grafana");
        assertEquals(DependencyCondition.HEALTHY, grafana.getDependencies().get(0).getCondition());
        assertEquals("grafana_admin", grafana.getSecrets().get(0).getName());
        assertEquals("172.31.0.0/24", compose.getNetworks().get(0).getCidr());
    }

    @Test
    void listSyntaxesStringCommandsAndInternalNetworks() throws IOException {
        Importer.Result result = read(examples().resolve("gitea/compose.yaml"));
        Compose compose = (Compose) model(result).getElements().get(0);
        Container gitea = service(compose, "gitea");
        assertEquals("USER_UID", gitea.getEnvironment().get(0).getKey());
        assertEquals("10.42.0.10", gitea.getAttachments().get(0).getIp());
        assertEquals(512, gitea.getCgroup().getCpuShares());
        Container db = service(compose, "db");
        assertEquals("pg_isready -U gitea", db.getHealth().getTest().getShell(), "a string test stays a string (compose runs it with a shell)");
        assertEquals(NetworkMode.INTERNAL, compose.getNetworks().get(0).getMode());
        assertEquals("local", compose.getVolumes().get(0).getDriver());
    }

    @Test
    void keysTheModelHasNoConceptForAreKeptAsNativeSettings(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("app.yaml");
        Files.writeString(file, """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.27
                    container_name: my-web
                    stop_grace_period: 30s
                    labels:
                      team: infra
                x-shared: {a: 1}
                """);
        Importer.Result result = read(file);
        assertEquals(List.of(), result.report().problems(), "nothing is dropped, so nothing needs a warning");
        assertTrue(result.text().contains("native compose \"version\" = \"3.9\""), result.text());
        assertTrue(result.text().contains("native compose \"container_name\" = \"my-web\""), result.text());
        assertTrue(result.text().contains("native compose \"stop_grace_period\" = \"30s\""), result.text());
        assertTrue(result.text().contains("native compose \"x-shared\" = {\"a\": 1}"), result.text());
        assertTrue(result.text().contains("label team = \"infra\""), "labels are a concept of the model:\n" + result.text());
        Compose compose = (Compose) model(result).getElements().get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> exported = (Map<String, Object>) new org.yaml.snakeyaml.Yaml().load(
                Exporter.export(List.of(model(result)), ExportOptions.all()).get("compose/" + compose.getName() + "/compose.yaml"));
        assertEquals("3.9", exported.get("version"));
        assertEquals(Map.of("a", 1), exported.get("x-shared"));
        @SuppressWarnings("unchecked")
        Map<String, Object> web = (Map<String, Object>) ((Map<String, Object>) exported.get("services")).get("web");
        assertEquals("my-web", web.get("container_name"));
        assertEquals("30s", web.get("stop_grace_period"));
        assertEquals(Map.of("team", "infra"), web.get("labels"));
    }

    @Test
    void malformedYamlIsAPositionedError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "services:\n  web:\n    image: [unclosed\n    ports: x\n");
        Importer.Result result = read(file);
        assertTrue(result.report().hasErrors());
        Problem problem = result.report().problems().get(0);
        assertEquals(ImportCodes.MALFORMED, problem.code());
        assertTrue(problem.line() >= 3, problem.format());
    }

    @Test
    void malformedValuesAreErrors(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "services:\n  web:\n    image: x:1\n    mem_limit: lots\n    depends_on: [nothing]\n");
        List<Problem> problems = read(file).report().problems();
        assertEquals(List.of(4, 5), problems.stream().map(Problem::line).toList(), problems.toString());
        assertTrue(problems.stream().allMatch(Problem::isError));
    }

    @Test
    void theCourseDockerfile() throws IOException {
        Importer.Result result = read(examples().resolve("apache2/apache2.Dockerfile"));
        assertEquals(List.of(), result.report().problems());
        Image image = (Image) model(result).getElements().get(0);
        assertEquals("apache2", image.getName());
        assertEquals("ubuntu:14.04", image.getBaseReference());
        assertEquals(4, image.getInstructions().size(), "MAINTAINER (kept as written), RUN (two lines joined), ENV, ENTRYPOINT");
        assertTrue(result.text().contains("native dockerfile \"MAINTAINER\" = \"Dr. Peter <peterindia@gmail.com>\""), result.text());
        assertTrue(result.text().contains("run \"apt -y update && apt install -y apache2\""), result.text());
        assertTrue(result.text().contains("env APACHE_LOG_DIR = \"/var/log/apache2\""), result.text());
    }

    @Test
    void anLxcConfigWrittenByLxcCreate() throws IOException {
        Importer.Result result = read(examples().resolve("alpine/config"));
        assertEquals(List.of(), result.report().problems(), "the include, the architecture and the MAC address are kept");
        Container container = (Container) model(result).getElements().stream().filter(Container.class::isInstance).findFirst().orElseThrow();
        assertEquals("my-container", container.getName());
        assertEquals("alpine:3.12", container.getTemplate(), "from the template parameters lxc-create wrote");
        assertEquals(256L << 20, container.getCgroup().getMemoryLimit());
        assertEquals("lxcbr0", container.getAttachments().get(0).getNetwork().getName());
        assertTrue(result.text().contains("native lxc \"lxc.include\" = \"/usr/share/lxc/config/common.conf\""), result.text());
        assertTrue(result.text().contains("native lxc \"hwaddr\" = \"00:16:3e:8b:21:4f\""), result.text());
    }

    @Test
    void legacyLxcKeysAreReadAsTheirCurrentNames(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("old.conf");
        Files.writeString(file, "lxc.utsname = old\nlxc.network.0.type = empty\nlxc.cgroup2.cpu.max = 150000 100000\n"
                + "# Parameters passed to the template: -d debian -r bookworm\n");
        Importer.Result result = read(file);
        assertEquals(2, result.report().problems().size(), result.report().problems().toString());
        assertTrue(result.report().problems().get(0).message().contains("lxc.uts.name"));
        Container container = (Container) model(result).getElements().get(0);
        assertEquals("old", container.getName());
        assertEquals(1.5, container.getCgroup().getCpus());
    }

    /** A fuzz finding: two stages of one name (BuildKit takes the later one for what follows) could not be written. */
    @Test
    void twoStagesOfOneNameBecomeTwoNamesWithTheLaterOneReferenced(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("Dockerfile");
        Files.writeString(file, "FROM alpine:3.19 AS build\nRUN echo one > /out\nFROM alpine:3.19 AS BUILD\nRUN echo two > /out\n"
                + "FROM scratch\nCOPY --from=build /out /out\n");
        Importer.Result result = read(file);
        assertFalse(result.report().hasErrors(), result.report().problems().toString());
        assertEquals(1, result.report().problems().size(), result.report().problems().toString());
        assertEquals(3, result.report().problems().get(0).line(), "reported at the second FROM");
        assertTrue(result.report().problems().get(0).message().contains("line 1"), result.report().problems().get(0).message());
        String text = result.text();
        assertTrue(text.contains("stage build ") && text.contains("stage BUILD_2 "), text);
        assertTrue(text.contains("from BUILD_2"), "COPY --from=build names the later stage: " + text);
        Exports.load(text); // fails on errors
    }

    /** A fuzz finding: an lxc.cap.drop that is not a list of capability names could not be written. */
    @Test
    void aCapabilityListThatIsNotOneIsKeptAsWritten(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("config");
        Files.writeString(file, "lxc.uts.name = c1\nlxc.cap.drop = mknod sys_time\nlxc.cap.drop = mkno,nosuid,mode=1777 0 0\n");
        Importer.Result result = read(file);
        assertFalse(result.report().hasErrors(), result.report().problems().toString());
        Container container = (Container) model(result).getElements().get(0);
        assertEquals(List.of("MKNOD", "SYS_TIME"), container.getDroppedCapabilities());
        assertTrue(result.text().contains("native lxc \"lxc.cap.drop\" = \"mkno,nosuid,mode=1777 0 0\""), result.text());
        Exports.load(result.text()); // fails on errors
    }

    @Test
    void exportThenImportThenExportGivesTheSameFiles(@TempDir Path dir) throws IOException {
        Path source = Path.of(System.getProperty("vinfra.root", "../..")).resolve("examples/shop-compose.vinfra");
        String compose = Exporter.export(Exports.load(Files.readString(source)).models(), ExportOptions.all()).get("compose/shop/compose.yaml");
        Path exported = dir.resolve("shop/compose.yaml");
        Files.createDirectories(exported.getParent());
        Files.writeString(exported, compose);
        Importer.Result result = Exports.INJECTOR.getInstance(Importer.class).read(List.of(exported), exported.resolveSibling("shop.vinfra"), Map.of());
        assertEquals(List.of(), result.report().problems());
        String again = Exporter.export(Exports.load(result.text()).models(), ExportOptions.all()).get("compose/shop/compose.yaml");
        assertEquals(compose, again);
    }

    @Test
    void anUnknownFileIsAnError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello\n");
        assertTrue(read(file).report().hasErrors());
    }

    @Test
    void theImportCodesAreDocumented() throws IOException {
        String docs = Files.readString(Path.of(System.getProperty("vinfra.root", "../..")).resolve("docs/diagnostics.md"));
        for (String code : List.of(ImportCodes.UNSUPPORTED, ImportCodes.MALFORMED, ImportCodes.UNSET_VARIABLE)) {
            assertTrue(docs.contains("`" + code + "`"), code + " is not documented");
        }
    }
}
