package org.vinfra.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * What the examples export is accepted and run by the real tools: docker-compose and the Compose
 * schema, podman builds and runs, liblxc loads and starts, libvirt validates, defines and starts.
 */
class RealToolsTest {

    private static final Path COMPOSE_SCHEMA = Path.of("/usr/lib/python3/dist-packages/compose/config/compose_spec.json");

    @TempDir
    static Path work;

    static Path exported;

    @BeforeAll
    static void exportTheExamples() throws IOException {
        exported = work.resolve("out");
        List<String> args = new ArrayList<>(List.of("generate", "-o", exported.toString()));
        try (Stream<Path> files = Files.walk(root().resolve("examples"))) {
            files.filter(p -> p.toString().endsWith(".vinfra")).map(Path::toString).sorted().forEach(args::add);
        }
        StringWriter out = new StringWriter();
        int exit = VinfraCli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(out));
        assertEquals(VinfraCli.OK, exit, out.toString());
    }

    private static Path root() {
        return Path.of(System.getProperty("vinfra.root", "../.."));
    }

    private static List<Path> exportedFiles(String glob) throws IOException {
        var matcher = exported.getFileSystem().getPathMatcher("glob:" + glob);
        try (Stream<Path> files = Files.walk(exported)) {
            return files.filter(p -> matcher.matches(exported.relativize(p))).sorted().toList();
        }
    }

    // ------------------------------------------------------------------ compose

    @Test
    void composeFilesPassDockerComposeConfig() throws IOException {
        Tools.require("docker-compose");
        List<Path> files = exportedFiles("compose/*/compose.yaml");
        assertTrue(files.size() >= 3, "compose files: " + files);
        for (Path file : files) {
            Tools.Run run = Tools.run("docker-compose", "-f", file.toString(), "config", "-q");
            assertTrue(run.ok(), file + ":\n" + run.output());
        }
        Path broken = work.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(files.get(0)).replace("services:", "services:\n  bad:\n    imagee: x"));
        assertFalse(Tools.run("docker-compose", "-f", broken.toString(), "config", "-q").ok(), "the check can fail");
    }

    @Test
    void composeFilesMatchTheComposeSchema() throws IOException {
        Tools.require("docker-compose");
        JsonMetaSchema metaSchema = JsonMetaSchema.builder(JsonMetaSchema.getV201909()).keyword(new NonValidationKeyword("id")).build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909, builder -> builder.metaSchema(metaSchema)
                .defaultMetaSchemaIri(metaSchema.getIri()));
        JsonSchema schema = factory.getSchema(Files.readString(COMPOSE_SCHEMA));
        ObjectMapper mapper = new ObjectMapper();
        for (Path file : exportedFiles("compose/*/compose.yaml")) {
            JsonNode document = mapper.valueToTree(new Yaml().load(Files.readString(file)));
            Set<ValidationMessage> errors = schema.validate(document);
            assertEquals(Set.of(), errors, file.toString());
        }
        JsonNode wrong = mapper.valueToTree(Map.of("services", Map.of("x", Map.of("restart", List.of("always")))));
        assertFalse(schema.validate(wrong).isEmpty(), "the schema check can fail");
    }

    /**
     * Import a compose file, export it again: docker-compose normalizes both to the same
     * configuration (the obsolete 'version' key aside, which the Compose Specification dropped).
     */
    @Test
    void composeFilesSurviveImportAndExport() throws IOException {
        Tools.require("docker-compose");
        for (String project : List.of("wordpress", "monitoring", "gitea")) {
            Path original = root().resolve("examples/import").resolve(project).resolve("compose.yaml");
            Path projectDirectory = work.resolve("roundtrip").resolve(project);
            Files.createDirectories(projectDirectory);
            Path model = work.resolve("roundtrip").resolve(project + ".vinfra");
            Path out = work.resolve("roundtrip").resolve(project + "-out");
            StringWriter log = new StringWriter();
            assertEquals(VinfraCli.OK, VinfraCli.run(new String[] { "import", original.toString(), "-o", model.toString() }, new PrintWriter(log),
                    new PrintWriter(log)), log.toString());
            assertEquals(VinfraCli.OK, VinfraCli.run(new String[] { "generate", model.toString(), "-o", out.toString(), "-t", "compose" },
                    new PrintWriter(log), new PrintWriter(log)), log.toString());
            Path exported = out.resolve("compose").resolve(project).resolve("compose.yaml");
            assertEquals(normalized(original, projectDirectory), normalized(exported, projectDirectory), project + ":\n" + Files.readString(exported));
        }
    }

    private static String normalized(Path composeFile, Path projectDirectory) {
        Tools.Run config = Tools.run("docker-compose", "-f", composeFile.toString(), "--project-directory", projectDirectory.toString(), "-p",
                "roundtrip", "config");
        assertTrue(config.ok(), composeFile + ":\n" + config.output());
        return config.output().lines().filter(line -> !line.startsWith("version:")).reduce("", (a, b) -> a + b + "\n");
    }

    // ------------------------------------------------------------------ Dockerfiles with podman

    private static Map<String, String> podmanEnvironment() throws IOException {
        Path config = work.resolve("podman");
        if (!Files.isDirectory(config)) {
            Files.createDirectories(config);
            Files.writeString(config.resolve("containers.conf"), """
                    [engine]
                    runtime = "runc"
                    cgroup_manager = "cgroupfs"
                    events_logger = "file"
                    [containers]
                    default_ulimits = ["nofile=20000:20000", "nproc=4096:4096"]
                    """);
            Files.writeString(config.resolve("storage.conf"), """
                    [storage]
                    driver = "vfs"
                    graphroot = "%s"
                    runroot = "%s"
                    """.formatted(config.resolve("store"), config.resolve("run")));
        }
        return Map.of("CONTAINERS_CONF", config.resolve("containers.conf").toString(), "CONTAINERS_STORAGE_CONF",
                config.resolve("storage.conf").toString());
    }

    /** A busybox root file system; apt-get is a stub that records its arguments (no mirror is reachable). */
    static Path busyboxRootfs(Path where) throws IOException {
        Path rootfs = where.resolve("rootfs");
        for (String folder : List.of("bin", "usr/bin", "etc", "tmp", "proc", "sys", "dev", "var/log", "var/lib/apt/lists")) {
            Files.createDirectories(rootfs.resolve(folder));
        }
        Files.copy(Path.of("/bin/busybox"), rootfs.resolve("bin/busybox"));
        for (String applet : Tools.run("/bin/busybox", "--list").output().split("\\s+")) {
            if (!applet.isBlank() && !applet.equals("busybox")) {
                Files.createSymbolicLink(rootfs.resolve("bin").resolve(applet), Path.of("busybox"));
            }
        }
        Path aptGet = rootfs.resolve("usr/bin/apt-get");
        Files.writeString(aptGet, "#!/bin/sh\necho \"apt-get $*\" >> /var/log/apt-stub.log\n");
        aptGet.toFile().setExecutable(true, false);
        Files.writeString(rootfs.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\nwww-data:x:33:33:www:/var/www:/bin/false\n");
        Files.writeString(rootfs.resolve("etc/group"), "root:x:0:\nwww-data:x:33:\n");
        return rootfs;
    }

    @Test
    void dockerfilesBuildAndTheWebImageAnswersOnLoopback() throws Exception {
        Tools.require("podman", "runc", "tar");
        Map<String, String> env = podmanEnvironment();
        Path rootfs = busyboxRootfs(work.resolve("base"));
        Path tar = work.resolve("base.tar");
        assertTrue(Tools.run(List.of("tar", "-C", rootfs.toString(), "-cf", tar.toString(), "."), null, Map.of()).ok());
        Map<String, Path> dockerfiles = new LinkedHashMap<>();
        for (Path dockerfile : exportedFiles("images/*/Dockerfile")) {
            dockerfiles.put(dockerfile.getParent().getFileName().toString(), dockerfile);
        }
        assertTrue(dockerfiles.containsKey("apache2") && dockerfiles.containsKey("hello-web"), dockerfiles.toString());
        List<String> built = new ArrayList<>();
        while (built.size() < dockerfiles.size()) {
            int before = built.size();
            for (Map.Entry<String, Path> entry : dockerfiles.entrySet()) {
                String from = Files.readAllLines(entry.getValue()).stream().filter(l -> l.startsWith("FROM ")).findFirst().orElseThrow()
                        .substring(5).trim();
                if (built.contains(entry.getKey()) || dockerfiles.containsKey(from) && !built.contains(from)) {
                    continue;
                }
                if (!dockerfiles.containsKey(from)) {
                    Tools.Run imported = Tools.run(List.of("podman", "import", tar.toString(), from), null, env);
                    assertTrue(imported.ok(), imported.output());
                }
                Tools.Run build = Tools.run(List.of("podman", "build", "--pull=never", "-t", entry.getKey(), "-f", entry.getValue().toString(),
                        entry.getValue().getParent().toString()), null, env);
                assertTrue(build.ok(), entry.getValue() + "\n" + build.output());
                built.add(entry.getKey());
            }
            assertTrue(built.size() > before, "images whose base is never built: " + dockerfiles.keySet());
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String name = "vinfra-test-web-" + ProcessHandle.current().pid();
        Tools.Run started = Tools.run(List.of("podman", "run", "-d", "--name", name, "--memory", "64m", "-p", "127.0.0.1:" + port + ":8080",
                "hello-web"), null, env);
        try {
            assertTrue(started.ok(), started.output());
            String body = null;
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            for (int attempt = 0; attempt < 40 && body == null; attempt++) {
                try {
                    body = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                } catch (IOException notYet) {
                    Thread.sleep(250);
                }
            }
            assertEquals("hello from vinfra\n", body, "the built image serves the page its RUN layer wrote");
        } finally {
            Tools.run(List.of("podman", "rm", "-f", name), null, env);
        }
    }

    // ------------------------------------------------------------------ LXC

    @Test
    void lxcConfigsLoadInLiblxc() throws IOException {
        Tools.require("lxc-start");
        List<Path> configs = exportedFiles("lxc/*/config");
        assertFalse(configs.isEmpty());
        Path bogus = work.resolve("bogus.conf");
        Files.writeString(bogus, "lxc.uts.name = x\nlxc.no.such.key = 1\n");
        for (Path config : configs) {
            assertTrue(loads(config), config + " does not load");
        }
        assertFalse(loads(bogus), "the check can fail");
    }

    private static boolean loads(Path config) {
        return Tools.run("/usr/bin/python3", "-c", "import lxc, sys; sys.exit(0 if lxc.Container('probe', '" + work + "').load_config('" + config
                + "') else 1)").ok();
    }

    @Test
    void anUnprivilegedLxcContainerStartsWithItsMemoryLimit() throws IOException {
        Tools.require("lxc-start", "lxc-cgroup", "lxc-stop");
        boolean v2 = Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"));
        Path model = work.resolve("bb.vinfra");
        Files.writeString(model, """
                host box { memory 4 GiB cpu { cores 2 } os "Debian 12" }
                container vinfra-bb runtime lxc on box {
                  template "busybox:1.36"
                  unprivileged idmap 0 100000 65536
                  command ["/bin/sleep", "300"]
                  cgroup { memory 64 MiB }
                }
                """);
        Path out = work.resolve("lxc-out");
        StringWriter log = new StringWriter();
        int exit = VinfraCli.run(new String[] { "generate", model.toString(), "-o", out.toString(), "--target", "lxc", "--cgroup", v2 ? "v2" : "v1" },
                new PrintWriter(log), new PrintWriter(log));
        assertEquals(VinfraCli.OK, exit, log.toString());
        Path rootfs = busyboxRootfs(work.resolve("lxc-base"));
        // the container's root (uid 100000 on the host) must reach its root file system
        for (Path folder : List.of(work, work.resolve("lxc-base"))) {
            Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertTrue(Tools.run("chown", "-R", "100000:100000", rootfs.toString()).ok());
        Path lxcPath = work.resolve("lxc-path");
        Files.createDirectories(lxcPath);
        Tools.Run start = Tools.run(List.of("sh", out.resolve("lxc/vinfra-bb/start.sh").toString()), null,
                Map.of("LXC_PATH", lxcPath.toString(), "ROOTFS", rootfs.toString()));
        try {
            assertTrue(start.ok(), start.output());
            assertTrue(start.output().contains("RUNNING"), start.output());
            Tools.Run limit = Tools.run("lxc-cgroup", "-P", lxcPath.toString(), "-n", "vinfra-bb", v2 ? "memory.max" : "memory.limit_in_bytes");
            assertEquals("67108864", limit.output().trim(), "the cgroup holds the model's 64 MiB");
            String pid = Tools.run("lxc-info", "-P", lxcPath.toString(), "-n", "vinfra-bb", "-p", "-H").output().trim();
            String uidLine = Files.readAllLines(Path.of("/proc", pid, "status")).stream().filter(l -> l.startsWith("Uid:")).findFirst().orElseThrow();
            assertEquals("100000", uidLine.split("\\s+")[1], "root in the container is uid 100000 on the host");
        } finally {
            Tools.run("lxc-stop", "-P", lxcPath.toString(), "-n", "vinfra-bb", "-k");
        }
    }

    // ------------------------------------------------------------------ libvirt

    @Test
    void libvirtXmlValidatesAndTheTestDriverStartsTheDomains() throws IOException {
        Tools.require("virt-xml-validate", "virsh");
        List<Path> domains = exportedFiles("libvirt/domains/*.xml");
        List<Path> networks = exportedFiles("libvirt/networks/*.xml");
        assertTrue(domains.size() > 20 && networks.size() >= 4, domains + " " + networks);
        for (Path network : networks) {
            Tools.Run validate = Tools.run("virt-xml-validate", network.toString(), "network");
            assertTrue(validate.ok(), validate.output());
        }
        StringBuilder session = new StringBuilder();
        for (Path network : networks) {
            session.append("net-define ").append(network).append(" --validate; ");
        }
        for (Path domain : domains) {
            Tools.Run validate = Tools.run("virt-xml-validate", domain.toString(), "domain");
            assertTrue(validate.ok(), validate.output());
            String name = domain.getFileName().toString().replace(".xml", "");
            session.append("define ").append(domain).append(" --validate; start ").append(name).append("; ");
        }
        session.append("list --name");
        Tools.Run virsh = Tools.run("virsh", "-c", "test:///default", session.toString());
        assertTrue(virsh.ok(), virsh.output());
        for (Path domain : domains) {
            String name = domain.getFileName().toString().replace(".xml", "");
            assertTrue(virsh.output().contains("Domain '" + name + "' started"), name + ":\n" + virsh.output());
        }
        Path broken = work.resolve("broken-domain.xml");
        Files.writeString(broken, Files.readString(domains.get(0)).replace("<vcpu", "<vcpux").replace("</vcpu>", "</vcpux>"));
        assertFalse(Tools.run("virt-xml-validate", broken.toString(), "domain").ok(), "the check can fail");
    }
}
