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
        JsonSchema schema = composeSchema();
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
     * configuration (each in its own folder: the export's paths point back at the original's files).
     */
    @Test
    void composeFilesSurviveImportAndExport() throws IOException {
        Tools.require("docker-compose");
        for (String project : List.of("wordpress", "monitoring", "gitea")) {
            Path original = root().resolve("examples/import").resolve(project).resolve("compose.yaml");
            Path out = RoundTrips.importAndExport(original, work.resolve("roundtrip").resolve(project), "compose");
            Path exported = RoundTrips.single(out, "compose.yaml");
            Object before = RoundTrips.composeConfig(original);
            Object after = RoundTrips.composeConfig(exported);
            assertTrue(before != null && after != null, project + ":\n" + Files.readString(exported));
            assertEquals(List.of(), RoundTrips.differences(ComposeMeaning.of(before), ComposeMeaning.of(after)), project + ":\n" + Files.readString(exported));
        }
    }

    /**
     * The public corpus and the import cases: every compose file docker-compose accepts comes back
     * from import and export with the same meaning to docker-compose, and every export matches the
     * Compose schema. At least 40 files must (issue 13).
     */
    @Test
    void theComposeCorpusSurvivesImportAndExport() throws IOException {
        Tools.require("docker-compose");
        JsonSchema schema = composeSchema();
        // its $id is relative: it is read from its place, which the $id is resolved against
        JsonSchema specification = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(com.networknt.schema.SchemaLocation.of(
                root().resolve("bundles/org.vinfra.cli/src/test/resources/compose-spec.json").toAbsolutePath().normalize().toUri().toString()));
        ObjectMapper mapper = new ObjectMapper();
        List<Path> files = new ArrayList<>();
        for (String[] entry : RoundTrips.index()) {
            if (entry[1].matches(".*\\.ya?ml") && List.of("same", "schema").contains(entry[0])) {
                files.add(RoundTrips.corpus().resolve(entry[1]));
            }
        }
        for (String name : List.of("anchors-and-merge-keys", "build-context", "dual-stack-network", "env-key-with-dot", "extends-same-file",
                "interpolation", "service-settings", "own/env-keys-odd", "own/extends-other-file", "own/interpolation-escapes",
                "own/ipv6-first-pool", "own/merge-key-lists", "own/service-settings-more")) {
            files.add(RoundTrips.cases().resolve(name + ".yaml"));
        }
        List<String> failures = new ArrayList<>();
        int same = 0;
        int schemaOnly = 0;
        for (Path file : files) {
            Path exported = RoundTrips.single(RoundTrips.importAndExport(file, work.resolve("corpus").resolve("c" + files.indexOf(file)), "compose"),
                    "compose.yaml");
            JsonNode document = mapper.valueToTree(new Yaml().load(Files.readString(exported)));
            Set<ValidationMessage> errors = specification.validate(document);
            if (!errors.isEmpty()) {
                failures.add(file + ": the export does not match the Compose Specification's schema: " + errors);
                continue;
            }
            Object before = RoundTrips.composeConfig(file);
            if (before == null) {
                schemaOnly++; // docker-compose 1.29 predates a key of the original (top-level name, dockerfile_inline)
                continue;
            }
            errors = schema.validate(document);
            if (!errors.isEmpty()) {
                failures.add(file + ": the export does not match docker-compose 1.29's schema: " + errors);
                continue;
            }
            Object after = RoundTrips.composeConfig(exported);
            List<String> differences = after == null ? List.of("docker-compose refuses the export") : RoundTrips.differences(ComposeMeaning.of(before),
                    ComposeMeaning.of(after));
            if (differences.isEmpty()) {
                same++;
            } else {
                failures.add(file + ":\n  " + String.join("\n  ", differences));
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(same >= 40, "compose files the same to docker-compose after the round trip: " + same);
        System.out.printf("compose round trip: %d of %d the same to docker-compose, %d checked with the schema only%n", same, files.size(), schemaOnly);
    }

    private static JsonSchema composeSchema() throws IOException {
        JsonMetaSchema metaSchema = JsonMetaSchema.builder(JsonMetaSchema.getV201909()).keyword(new NonValidationKeyword("id")).build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909, builder -> builder.metaSchema(metaSchema)
                .defaultMetaSchemaIri(metaSchema.getIri()));
        return factory.getSchema(Files.readString(COMPOSE_SCHEMA));
    }

    /** Every LXC config of the corpus and the cases: liblxc reads the export as it reads the original (lxc-meaning.py). */
    @Test
    void theLxcCorpusSurvivesImportAndExport() throws IOException {
        Tools.require("lxc-start", "lxc-update-config");
        List<Path> files = new ArrayList<>();
        for (String[] entry : RoundTrips.index()) {
            if (entry[1].startsWith("lxc/") && entry[0].equals("same")) {
                files.add(RoundTrips.corpus().resolve(entry[1]));
            }
        }
        for (String name : List.of("legacy-two-networks.lxc.conf", "download-template.lxc.conf", "own/legacy-indexed.lxc.conf",
                "own/mounts-and-limits.lxc.conf")) {
            files.add(RoundTrips.cases().resolve(name));
        }
        Path script = work.resolve("lxc-meaning.py");
        Files.copy(root().resolve("bundles/org.vinfra.cli/src/test/resources/lxc-meaning.py"), script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            Path folder = work.resolve("lxc-corpus").resolve("c" + files.indexOf(file));
            Files.createDirectories(folder);
            // the import names the container after the file (config, NAME.conf)
            Path named = folder.resolve(file.getFileName().toString().endsWith(".conf") ? file.getFileName().toString() : "config");
            Files.copy(file, named);
            String cgroups = Files.readString(file).lines().anyMatch(l -> l.trim().startsWith("lxc.cgroup.")) ? "v1" : "v2";
            Path exported = RoundTrips.single(RoundTrips.importAndExport(named, folder, "lxc", "--cgroup", cgroups), "config");
            Tools.Run compare = Tools.run("/usr/bin/python3", script.toString(), file.toString(), exported.toString());
            if (!compare.ok()) {
                failures.add(file + ":\n" + compare.output());
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(files.size() >= 10, "LXC configs: " + files.size());
        Path broken = work.resolve("broken-lxc.conf");
        Files.writeString(broken, "lxc.uts.name = a\nlxc.net.0.type = veth\nlxc.net.0.link = br0\n");
        Path other = work.resolve("other-lxc.conf");
        Files.writeString(other, "lxc.uts.name = a\nlxc.net.0.type = veth\nlxc.net.0.link = br1\n");
        assertFalse(Tools.run("/usr/bin/python3", script.toString(), broken.toString(), other.toString()).ok(), "the comparison can fail");
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

    /**
     * The Dockerfiles of the corpus and the cases: wherever podman builds the original, it builds
     * the export, in the same context. No registry and no package mirror are reachable here, so every
     * base image is a local stub whose shells succeed without running anything, and the context holds
     * an empty file for each source COPY names: what is checked is that podman reads and executes
     * every instruction of the export as it does the original's. (podman 4.3 does not know heredocs:
     * files with them fail for the original already and are counted apart.)
     */
    @Test
    void corpusDockerfilesBuildWithPodmanWhereTheOriginalsDo() throws Exception {
        Tools.require("podman", "runc", "tar");
        Map<String, String> env = podmanEnvironment();
        Path stubTar = stubBaseImage();
        List<Path> files = new ArrayList<>();
        for (String[] entry : RoundTrips.index()) {
            if (entry[1].startsWith("compose/awesome-compose/") && entry[1].endsWith("Dockerfile")) {
                files.add(RoundTrips.corpus().resolve(entry[1]));
            }
        }
        for (String name : List.of("multi-stage.Dockerfile", "escape-directive.Dockerfile", "own/stages-and-flags.Dockerfile",
                "own/escape-backslash.Dockerfile")) {
            files.add(RoundTrips.cases().resolve(name));
        }
        List<String> failures = new ArrayList<>();
        int built = 0;
        for (Path file : files) {
            Path folder = work.resolve("podman-corpus").resolve("d" + files.indexOf(file));
            Path context = folder.resolve("context");
            copyFolder(file.getParent(), context);
            stubSources(file, context);
            Path named = folder.resolve("image.Dockerfile");
            Files.copy(file, named);
            Path exported = RoundTrips.single(RoundTrips.importAndExport(named, folder, "dockerfile"), "Dockerfile");
            if (!podmanBuild(file, context, env, stubTar)) {
                continue;
            }
            built++;
            if (!podmanBuild(exported, context, env, stubTar)) {
                failures.add(file + ": podman builds the original but not the export:\n" + Files.readString(exported));
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(built >= 3, "Dockerfiles podman builds here: " + built);
        System.out.printf("podman: %d of %d originals build here, and their exports too%n", built, files.size());
    }

    private static Path stubBaseImage() throws IOException {
        Path rootfs = work.resolve("stub-rootfs");
        if (!Files.isDirectory(rootfs)) {
            for (String folder : List.of("bin", "usr/bin", "etc", "tmp")) {
                Files.createDirectories(rootfs.resolve(folder));
            }
            Files.copy(Path.of("/bin/busybox"), rootfs.resolve("bin/busybox"));
            Files.writeString(rootfs.resolve("bin/stub"), "#!/bin/busybox sh\nexit 0\n");
            rootfs.resolve("bin/stub").toFile().setExecutable(true, false);
            for (String shell : List.of("sh", "bash", "ash", "dash")) {
                Files.createSymbolicLink(rootfs.resolve("bin").resolve(shell), Path.of("stub"));
            }
            Files.writeString(rootfs.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
            Files.writeString(rootfs.resolve("etc/group"), "root:x:0:\n");
        }
        Path tar = work.resolve("stub.tar");
        if (!Files.exists(tar)) {
            assertTrue(Tools.run(List.of("tar", "-C", rootfs.toString(), "-cf", tar.toString(), "."), null, Map.of()).ok());
        }
        return tar;
    }

    /** podman build; every image it does not know (FROM, COPY --from) is the stub, imported under that name. */
    private static boolean podmanBuild(Path dockerfile, Path context, Map<String, String> env, Path stubTar) {
        for (int attempt = 0; attempt < 8; attempt++) {
            Tools.Run build = Tools.run(List.of("podman", "build", "--pull=never", "-f", dockerfile.toString(), context.toString()), null, env);
            if (build.ok()) {
                return true;
            }
            java.util.regex.Matcher missing = java.util.regex.Pattern.compile("(\\S+): image not known").matcher(build.output());
            if (!missing.find() || !Tools.run(List.of("podman", "import", stubTar.toString(), missing.group(1)), null, env).ok()) {
                return false;
            }
        }
        return false;
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path path : files.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    /** An empty file (or folder) for each source COPY and ADD name in the context (globs with one match). */
    private static void stubSources(Path dockerfile, Path context) throws IOException {
        for (String line : Files.readAllLines(dockerfile)) {
            String trimmed = line.trim();
            if (!trimmed.matches("(?i)(COPY|ADD)\\s.*") || trimmed.contains("--from") || trimmed.contains("<<")) {
                continue;
            }
            List<String> words = new ArrayList<>(List.of(trimmed.replaceAll("[\\[\\]\",]", " ").trim().split("\\s+")));
            words.remove(0);
            words.removeIf(w -> w.startsWith("--"));
            for (String source : words.subList(0, Math.max(0, words.size() - 1))) {
                if (source.contains("://") || source.equals(".") || source.equals("./") || source.contains("$")) {
                    continue;
                }
                Path stub = context.resolve(source.replace("*", "x").replaceFirst("^/", "")).normalize();
                if (!stub.startsWith(context)) {
                    continue;
                }
                if (source.endsWith("/")) {
                    Files.createDirectories(stub);
                } else if (!Files.exists(stub)) {
                    Files.createDirectories(stub.getParent());
                    Files.writeString(stub, "");
                }
            }
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
