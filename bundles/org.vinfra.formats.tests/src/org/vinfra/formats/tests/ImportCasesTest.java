package org.vinfra.formats.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vinfra.formats.CgroupVersion;
import org.vinfra.formats.ExportOptions;
import org.vinfra.formats.Exporter;
import org.vinfra.formats.GeneratedFiles;
import org.vinfra.formats.ImportCodes;
import org.vinfra.formats.Importer;
import org.vinfra.formats.OutputWriter;
import org.vinfra.formats.Target;
import org.vinfra.lang.settings.Add;
import org.vinfra.lang.settings.Arg;
import org.vinfra.lang.settings.Native;
import org.vinfra.lang.settings.Stage;
import org.vinfra.lang.vinfra.Compose;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.Copy;
import org.vinfra.lang.vinfra.Image;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.Run;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;
import org.yaml.snakeyaml.Yaml;

/**
 * The handed cases (cases/import/, each a kind of fault) and cases of our own of the same kinds
 * (cases/import/own/): each imported, its right result asserted on the model and on the export.
 * Their round trip through docker-compose and liblxc is in RealToolsTest (CLI module).
 */
class ImportCasesTest {

    @TempDir
    Path work;

    private static Path cases() {
        return Path.of(System.getProperty("vinfra.root", "../..")).resolve("bundles/org.vinfra.formats.tests/cases/import");
    }

    private Importer.Result read(String file, Map<String, String> environment) throws IOException {
        return Exports.INJECTOR.getInstance(Importer.class).read(List.of(cases().resolve(file)), work.resolve("model.vinfra"), environment);
    }

    private Importer.Result read(String file) throws IOException {
        return read(file, Map.of());
    }

    /** The model written where the import meant it, loaded from there. */
    private Model model(Importer.Result result) throws IOException {
        assertEquals(List.of(), result.report().problems().stream().filter(Problem::isError).toList());
        Files.writeString(work.resolve("model.vinfra"), result.text());
        ModelSet models = Exports.INJECTOR.getInstance(ModelSet.class);
        models.load(List.of(work.resolve("model.vinfra")));
        assertEquals(List.of(), models.validate().stream().filter(Problem::isError).toList(), result.text());
        return models.models().get(0);
    }

    private GeneratedFiles export(Model model, Target target, CgroupVersion cgroups) throws IOException {
        ExportOptions options = new ExportOptions(Set.of(target), cgroups).writingTo(work.resolve("out"));
        GeneratedFiles files = Exporter.export(List.of(model), options);
        OutputWriter.write(files, work.resolve("out"));
        return files;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> composeService(Model model, String service) throws IOException {
        GeneratedFiles files = export(model, Target.COMPOSE, CgroupVersion.V2);
        Map<String, Object> file = new Yaml().load(files.files().values().iterator().next());
        return (Map<String, Object>) ((Map<String, Object>) file.get("services")).get(service);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> composeFile(Model model) throws IOException {
        return new Yaml().load(export(model, Target.COMPOSE, CgroupVersion.V2).files().values().iterator().next());
    }

    private static Container service(Model model, String name) {
        Compose compose = (Compose) model.getElements().stream().filter(Compose.class::isInstance).findFirst().orElseThrow();
        return compose.getServices().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------ environment keys

    @Test
    void environmentKeysWithDotsAreKeys() throws IOException {
        Importer.Result result = read("env-key-with-dot.yaml");
        assertTrue(result.text().contains("env \"cluster.name\" = \"lab\""), result.text());
        assertEquals(Map.of("cluster.name", "lab", "node.roles", "master,data", "HEAP_OPTS", "-Xms256m -Xmx256m"),
                composeService(model(result), "search").get("environment"));
    }

    @Test
    void environmentKeysAnyCompose() throws IOException {
        Model model = model(read("own/env-keys-odd.yaml"));
        assertEquals(Map.of("discovery.type", "single-node", "xpack.security.enabled", "false", "my-var", "dashed"),
                composeService(model, "search").get("environment"));
        Map<String, Object> worker = (Map<String, Object>) composeService(model, "worker").get("environment");
        assertEquals("yes", worker.get("1ST_RUN"));
        assertTrue(worker.containsKey("PASSTHROUGH") && worker.get("PASSTHROUGH") == null, "a variable without a value is taken from where compose runs");
        assertEquals("", worker.get("EMPTY"));
    }

    // ------------------------------------------------------------------ anchors and merge keys

    @Test
    void mergeKeysMergeTheSharedSettings() throws IOException {
        Model model = model(read("anchors-and-merge-keys.yaml"));
        Map<String, Object> api = composeService(model, "api");
        assertEquals("unless-stopped", api.get("restart"));
        assertEquals(Map.of("TZ", "UTC"), api.get("environment"));
        assertEquals(Map.of("driver", "json-file", "options", Map.of("max-size", "10m")), api.get("logging"));
        assertEquals(Map.of("TZ", "UTC"), composeService(model, "worker").get("environment"));
    }

    @Test
    void mergeKeyListsTakeTheFirstAnchorFirstAndTheOwnKeysOverAll() throws IOException {
        Model model = model(read("own/merge-key-lists.yaml"));
        assertEquals("local", service(model, "one").getLogging().getDriver(), "the first merged mapping wins over the second");
        assertEquals("always", composeService(model, "one").get("restart"));
        assertEquals("on-failure", composeService(model, "two").get("restart"), "the mapping's own key wins");
    }

    // ------------------------------------------------------------------ extends

    @Test
    void extendsOfTheSameFileIsMerged() throws IOException {
        Model model = model(read("extends-same-file.yaml"));
        Container web = service(model, "web");
        assertEquals("example/app:1.2.0", web.getImageReference(), "the image comes from the extended service");
        assertEquals("web", web.getEnvironment().get(0).getValue(), "the extending service's value wins");
        assertEquals("on-failure", web.getRestart().getLiteral());
        assertEquals(8000, web.getPorts().get(0).getHostPort());
    }

    @Test
    void extendsOfAnotherFileKeepsItsPathsRelativeToThatFile() throws IOException {
        Model model = model(read("own/extends-other-file.yaml"));
        Container api = service(model, "api");
        assertEquals(List.of("NET_ADMIN", "SYS_TIME"), api.getCapabilities(), "lists are joined");
        assertEquals("api", api.getEnvironment().get(0).getValue());
        Map<String, Object> exported = composeService(model, "api");
        String volume = (String) ((List<?>) exported.get("volumes")).get(0);
        Path source = work.resolve("out/compose").resolve(((Compose) model.getElements().get(0)).getName().toLowerCase()).resolve(volume.split(":")[0])
                .normalize();
        assertEquals(cases().resolve("own/common/data").toAbsolutePath().normalize(), source, "the export points at the folder of the other file");
    }

    @Test
    void anExtendsCycleIsAPositionedError() throws IOException {
        Importer.Result result = read("own/extends-cycle.yaml");
        Problem problem = result.report().problems().get(0);
        assertEquals(ImportCodes.MALFORMED + " 4:5", problem.code() + " " + problem.line() + ":" + problem.column());
        assertTrue(problem.message().contains("cycle") && problem.message().contains("Remove one"), problem.message());
        assertEquals("", result.text());
    }

    // ------------------------------------------------------------------ interpolation

    @Test
    void interpolationReadsTheDotEnvFileAndDefaults() throws IOException {
        Model model = model(read("interpolation.yaml"));
        Container media = service(model, "media");
        assertEquals("example/media:3.2", media.getImageReference(), "from .env");
        assertEquals(32401, media.getPorts().get(0).getHostPort(), "from .env");
        assertTrue(media.getMounts().get(0).getHostPath().endsWith("media"), "the default: ./media");
        assertTrue(media.getMounts().get(0).isReadOnly());
    }

    @Test
    void theEnvironmentWinsOverDotEnv() throws IOException {
        Model model = model(read("interpolation.yaml", Map.of("MEDIA_TAG", "4.0")));
        assertEquals("example/media:4.0", service(model, "media").getImageReference());
    }

    @Test
    void dollarsAndEmptyValues() throws IOException {
        Model model = model(read("own/interpolation-escapes.yaml"));
        Container job = service(model, "job");
        assertEquals("example/job:2.0.0", job.getImageReference());
        assertEquals(List.of("sh", "-c", "echo $HOME hello"), job.getCommand().getArguments(), "$$ is a literal dollar");
        assertEquals("$5", job.getEnvironment().get(0).getValue());
        assertEquals("", job.getEnvironment().get(1).getValue(), "${VAR-default} keeps an empty value (.env sets EMPTY_MODE=)");
        assertEquals("info", job.getEnvironment().get(2).getValue(), "${VAR:-default} replaces an empty value");
        Map<String, Object> exported = composeService(model, "job");
        assertEquals(List.of("sh", "-c", "echo $$HOME hello"), exported.get("command"), "a literal dollar is exported as $$");
        assertEquals("$$5", ((Map<?, ?>) exported.get("environment")).get("PRICE"));
    }

    @Test
    void aRequiredVariableThatIsNotSetIsAPositionedError() throws IOException {
        Importer.Result result = read("own/interpolation-required.yaml");
        Problem problem = result.report().problems().get(0);
        assertEquals(ImportCodes.MALFORMED + " 4:12", problem.code() + " " + problem.line() + ":" + problem.column());
        assertTrue(problem.message().contains("set PG_TAG to the PostgreSQL version"), "the file's own message: " + problem.message());
        assertEquals("postgres:16.4", model(read("own/interpolation-required.yaml", Map.of("PG_TAG", "16.4"))).getElements().get(0)
                instanceof Compose compose ? compose.getServices().get(0).getImageReference() : null);
    }

    @Test
    void anUnsetVariableIsAWarning(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, "services:\n  a:\n    image: \"x:${NOT_SET_ANYWHERE}1\"\n");
        Importer.Result result = Exports.INJECTOR.getInstance(Importer.class).read(List.of(file), dir.resolve("m.vinfra"), Map.of());
        Problem problem = result.report().problems().get(0);
        assertEquals(ImportCodes.UNSET_VARIABLE + " 3:12", problem.code() + " " + problem.line() + ":" + problem.column());
        assertTrue(result.text().contains("image \"x:1\""), result.text());
    }

    // ------------------------------------------------------------------ builds

    @Test
    void buildContextsKeepTheirFolderDockerfileArgumentsAndTarget() throws IOException {
        Model model = model(read("build-context.yaml"));
        Container backend = service(model, "backend");
        assertEquals("Dockerfile.prod", backend.getBuild().getDockerfile());
        assertEquals("runtime", backend.getBuild().getTarget());
        assertEquals("1.22", backend.getBuild().getArgs().get(0).getValue());
        assertEquals("example/backend:dev", backend.getImageReference());
        assertTrue(service(model, "helper").getBuild().getInline().startsWith("FROM busybox:1.36"));
        Map<String, Object> file = composeFile(model);
        Map<?, ?> build = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) file.get("services")).get("backend")).get("build");
        Path context = work.resolve("out/compose").resolve(((Compose) model.getElements().get(0)).getName().toLowerCase()).resolve((String) build.get("context"))
                .normalize();
        assertEquals(cases().resolve("backend").toAbsolutePath().normalize(), context, "the context still points at the backend folder");
        assertEquals(Map.of("GO_VERSION", "1.22"), build.get("args"));
        assertTrue(((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) file.get("services")).get("helper")).get("build")).containsKey("dockerfile_inline"));
    }

    // ------------------------------------------------------------------ service settings

    @Test
    void everydayServiceSettingsAreKept() throws IOException {
        Model model = model(read("service-settings.yaml"));
        Map<String, Object> vpn = composeService(model, "vpn");
        assertEquals("vpn", vpn.get("container_name"));
        assertEquals("vpn-gw", vpn.get("hostname"));
        assertEquals(List.of("NET_ADMIN"), vpn.get("cap_add"));
        assertEquals(Map.of("net.ipv4.conf.all.src_valid_mark", "1"), vpn.get("sysctls"));
        assertEquals(Map.of("nofile", Map.of("soft", 20000, "hard", 40000)), vpn.get("ulimits"));
        assertEquals(Map.of("com.example.role", "gateway"), vpn.get("labels"));
        assertEquals(List.of(51820), vpn.get("expose"), "exposed, not published");
        assertEquals(List.of("51820:51820/udp", "8443:443/tcp"), vpn.get("ports"), "an explicit /tcp stays");
        assertEquals(List.of("/run"), vpn.get("tmpfs"));
        assertEquals("--verbose --port 51820", vpn.get("command"), "a string command stays a string");
    }

    @Test
    void moreSettingsAreKept() throws IOException {
        Model model = model(read("own/service-settings-more.yaml"));
        Container app = service(model, "app");
        assertEquals(List.of("ALL"), app.getDroppedCapabilities());
        assertNull(app.getUlimits().get(0).getHard(), "a single value is soft and hard at once");
        assertEquals(List.of("debug"), app.getProfiles());
        assertEquals(512L << 20, app.getResources().getMemory(), "deploy limits are resources, not mem_limit");
        assertNull(app.getCgroup());
        Map<String, Object> exported = composeService(model, "app");
        assertEquals(Map.of("nproc", 65535), exported.get("ulimits"));
        assertEquals("1000:1000", exported.get("user"));
        assertEquals("/srv/app", exported.get("working_dir"));
        assertEquals("SIGINT", exported.get("stop_signal"));
        assertEquals(true, exported.get("read_only"), "kept as a native setting");
        Map<?, ?> deploy = (Map<?, ?>) exported.get("deploy");
        assertEquals(Map.of("condition", "on-failure"), deploy.get("restart_policy"));
        assertEquals("512m", ((Map<?, ?>) ((Map<?, ?>) deploy.get("resources")).get("limits")).get("memory"));
        assertEquals(List.of(Map.of("source", "app_conf", "target", "/etc/app.conf")), exported.get("configs"));
        assertTrue(!exported.containsKey("mem_limit"));
    }

    // ------------------------------------------------------------------ networks

    @Test
    void dualStackNetworksKeepBothPoolsAndAddresses() throws IOException {
        Model model = model(read("dual-stack-network.yaml"));
        Map<String, Object> file = composeFile(model);
        Map<?, ?> lan = (Map<?, ?>) ((Map<?, ?>) file.get("networks")).get("lan");
        assertEquals(true, lan.get("enable_ipv6"));
        assertEquals(List.of(Map.of("subnet", "172.28.0.0/16"), Map.of("subnet", "fd00:28::/64")), ((Map<?, ?>) lan.get("ipam")).get("config"));
        Map<?, ?> router = (Map<?, ?>) ((Map<?, ?>) file.get("services")).get("router");
        assertEquals(Map.of("lan", Map.of("ipv4_address", "172.28.0.10", "ipv6_address", "fd00:28::10")), router.get("networks"));
    }

    @Test
    void poolsKeepTheirOrderAndRanges() throws IOException {
        Model model = model(read("own/ipv6-first-pool.yaml"));
        Map<?, ?> network = (Map<?, ?>) ((Map<?, ?>) composeFile(model).get("networks")).get("v6net");
        assertEquals(List.of(Map.of("subnet", "2001:db8:1::/64", "gateway", "2001:db8:1::1"), Map.of("subnet", "10.60.0.0/24", "ip_range",
                "10.60.0.128/25")), ((Map<?, ?>) network.get("ipam")).get("config"));
    }

    @Test
    void anIpv6PoolWithoutIpv6IsAPositionedErrorOfTheLanguage() throws IOException {
        Importer.Result result = read("own/ipv6-not-enabled.yaml");
        Problem problem = result.report().problems().get(0);
        assertEquals("vinfra.ipv6-not-enabled 7:3", problem.code() + " " + problem.line() + ":" + problem.column(), problem.format());
        assertTrue(problem.file().toString().endsWith("ipv6-not-enabled.yaml"), "positioned in the imported file");
        assertEquals("", result.text(), "no model that would not validate is written");
    }

    // ------------------------------------------------------------------ Dockerfiles

    private Image image(String file) throws IOException {
        Path copy = work.resolve(Path.of(file).getFileName().toString());
        Files.copy(cases().resolve(file), copy);
        Importer.Result result = Exports.INJECTOR.getInstance(Importer.class).read(List.of(copy), work.resolve("model.vinfra"), Map.of());
        return (Image) model(result).getElements().get(0);
    }

    private String dockerfile(Image image) throws IOException {
        return export((Model) image.eContainer(), Target.DOCKERFILE, CgroupVersion.V2).files().values().iterator().next();
    }

    @Test
    void multiStageBuilds() throws Exception {
        Image image = image("multi-stage.Dockerfile");
        assertEquals("GO_VERSION", ((Arg) image.getArgs().get(0)).getName(), "ARG before FROM is a build argument of the image");
        Stage build = image.getStages().get(0);
        assertEquals("build", build.getName());
        assertEquals("golang:${GO_VERSION}-bookworm", build.getBaseReference());
        Copy twoSources = (Copy) build.getInstructions().get(1);
        assertEquals(List.of("go.mod", "go.sum"), java.util.stream.Stream.concat(java.util.stream.Stream.of(twoSources.getSource()),
                twoSources.getMoreSources().stream()).toList());
        Copy fromBuild = (Copy) image.getInstructions().get(0);
        assertEquals(build, fromBuild.getFromStage(), "COPY --from names the stage");
        String dockerfile = dockerfile(image);
        assertTrue(dockerfile.contains("FROM golang:${GO_VERSION}-bookworm AS build\n"), dockerfile);
        assertTrue(dockerfile.contains("COPY --from=build /out/server /server\n"), dockerfile);
        assertTrue(dockerfile.contains("HEALTHCHECK --interval=30s --timeout=3s CMD [\"/server\", \"-check\"]\n"), dockerfile);
        assertEquals(DockerfileMeaning.of(Files.readString(cases().resolve("multi-stage.Dockerfile"))), DockerfileMeaning.of(dockerfile));
    }

    @Test
    void stagesFlagsAndTheRarerInstructions() throws Exception {
        Image image = image("own/stages-and-flags.Dockerfile");
        Copy copy = (Copy) image.getInstructions().get(2);
        assertEquals(image.getStages().get(0), copy.getFromStage(), "--from=0 names the first stage by its number");
        assertEquals("app:app", copy.getChown());
        assertTrue(copy.isLink());
        assertTrue(image.getInstructions().stream().anyMatch(Add.class::isInstance), "ADD stays ADD");
        Run run = (Run) image.getStages().get(0).getInstructions().get(2);
        assertEquals(2, run.getMounts().size());
        String dockerfile = dockerfile(image);
        assertTrue(dockerfile.startsWith("# syntax=docker/dockerfile:1.7\n"), "the directive comes first");
        assertTrue(dockerfile.contains("FROM golang:1.22-alpine\n"), "an unnamed stage stays unnamed");
        assertTrue(dockerfile.contains("COPY --from=0 "), dockerfile);
        assertEquals(DockerfileMeaning.of(Files.readString(cases().resolve("own/stages-and-flags.Dockerfile"))), DockerfileMeaning.of(dockerfile));
    }

    @Test
    void heredocsAndTheSyntaxDirective() throws Exception {
        Image image = image("heredoc.Dockerfile");
        assertEquals("docker/dockerfile:1", image.getSyntax());
        assertEquals("<<EOT\napt-get update\napt-get install -y --no-install-recommends curl\nrm -rf /var/lib/apt/lists/*\nEOT",
                ((Run) image.getInstructions().get(0)).getCommand());
        assertEquals("Welcome to the lab.\n", ((Copy) image.getInstructions().get(1)).getText(), "COPY <<EOT writes a file of that text");
        String dockerfile = dockerfile(image);
        assertEquals(DockerfileMeaning.of(Files.readString(cases().resolve("heredoc.Dockerfile"))), DockerfileMeaning.of(dockerfile));
    }

    @Test
    void moreHeredocs() throws Exception {
        Image image = image("own/heredocs-more.Dockerfile");
        assertTrue(image.getInstructions().stream().anyMatch(i -> i instanceof Native n && n.getKey().equals("COPY")),
                "a heredoc copied into a folder is named after its delimiter: kept as written");
        assertEquals(DockerfileMeaning.of(Files.readString(cases().resolve("own/heredocs-more.Dockerfile"))), DockerfileMeaning.of(dockerfile(image)));
    }

    @Test
    void theEscapeDirectiveChangesTheContinuationCharacter() throws Exception {
        Image image = image("escape-directive.Dockerfile");
        assertEquals("`", image.getEscape());
        assertEquals(4, image.getInstructions().size(), "RUN (a continued line), WORKDIR, COPY, CMD: no line read as an instruction");
        assertEquals("powershell -Command     New-Item -ItemType Directory -Path C:\\app", ((Run) image.getInstructions().get(0)).getCommand());
        String dockerfile = dockerfile(image);
        assertTrue(dockerfile.startsWith("# escape=`\n"), dockerfile);
        assertEquals(DockerfileMeaning.of(Files.readString(cases().resolve("escape-directive.Dockerfile"))), DockerfileMeaning.of(dockerfile));
    }

    @Test
    void continuationsSkipCommentsAndBlankLines() throws Exception {
        Image image = image("own/escape-backslash.Dockerfile");
        assertEquals("echo one     && echo two     && echo three", ((Run) image.getInstructions().get(0)).getCommand());
        assertEquals(DockerfileMeaning.of(Files.readString(cases().resolve("own/escape-backslash.Dockerfile"))), DockerfileMeaning.of(dockerfile(image)));
    }

    // ------------------------------------------------------------------ LXC

    private Container lxc(String file) throws IOException {
        Path copy = work.resolve(Path.of(file).getFileName().toString());
        Files.copy(cases().resolve(file), copy);
        Importer.Result result = Exports.INJECTOR.getInstance(Importer.class).read(List.of(copy), work.resolve("model.vinfra"), Map.of());
        return (Container) model(result).getElements().stream().filter(Container.class::isInstance).findFirst().orElseThrow();
    }

    private String config(Container container, CgroupVersion cgroups) throws IOException {
        return export((Model) container.eContainer(), Target.LXC, cgroups).files().entrySet().stream().filter(e -> e.getKey().endsWith("/config"))
                .findFirst().orElseThrow().getValue();
    }

    @Test
    void legacyNetworksAreNumberedAsLxcUpdateConfigNumbersThem() throws IOException {
        Container container = lxc("legacy-two-networks.lxc.conf");
        assertEquals("legacy", container.getName());
        assertEquals(List.of("lxcbr0", "br-storage"), container.getAttachments().stream().map(a -> a.getNetwork().getName()).toList());
        assertEquals("10.20.0.5", container.getAttachments().get(1).getIp());
        assertEquals(512L << 20, container.getCgroup().getMemoryLimit(), "512M");
        String config = config(container, CgroupVersion.V1);
        assertTrue(config.contains("lxc.net.0.link = lxcbr0\n") && config.contains("lxc.net.0.hwaddr = 00:16:3e:aa:bb:01\n"), config);
        assertTrue(config.contains("lxc.net.1.link = br-storage\n") && config.contains("lxc.net.1.ipv4.address = 10.20.0.5/24\n"), config);
        assertTrue(config.contains("lxc.rootfs.path = dir:/var/lib/lxc/legacy/rootfs\n"), config);
        assertTrue(config.contains("lxc.cgroup.memory.limit_in_bytes = 536870912\n"), config);
    }

    @Test
    void indexedLegacyAddressesAndRemovedKeys() throws IOException {
        Importer.Result result = Exports.INJECTOR.getInstance(Importer.class).read(List.of(cases().resolve("own/legacy-indexed.lxc.conf")),
                work.resolve("model.vinfra"), Map.of());
        assertTrue(result.report().problems().stream().anyMatch(p -> p.line() == 5 && p.message().contains("lxc-update-config leaves it out")),
                "lxc.pivotdir: " + result.report().problems());
        Container container = lxc("own/legacy-indexed.lxc.conf");
        String config = config(container, CgroupVersion.V1);
        assertTrue(config.contains("lxc.net.0.ipv4.address = 10.0.3.50/24\n"), "lxc.network.0.ipv4 is the address:\n" + config);
        assertTrue(config.contains("lxc.rootfs.path = dir:/srv/lxc/oldbox/rootfs\n"), config);
        assertTrue(config.contains("lxc.apparmor.profile = lxc-container-default\n") && config.contains("lxc.tty.max = 2\n"), config);
        assertTrue(!config.contains("pivotdir") && !config.contains("backend"), config);
    }

    @Test
    void includesArchitectureAndEveryMountEntryAreKept() throws IOException {
        Container container = lxc("download-template.lxc.conf");
        assertEquals(2, container.getMounts().size());
        assertEquals(256L << 20, container.getCgroup().getMemoryLimit());
        String config = config(container, CgroupVersion.V2);
        assertTrue(config.startsWith("# generated by vinfra from container web\nlxc.include = /usr/share/lxc/config/common.conf\n"
                + "lxc.include = /usr/share/lxc/config/userns.conf\n"), "includes first, in order:\n" + config);
        assertTrue(config.contains("lxc.arch = linux64\n"), config);
        assertTrue(config.contains("lxc.mount.entry = /srv/www var/www none bind,create=dir,optional 0 0\n"), config);
        assertTrue(config.contains("lxc.mount.entry = tmpfs tmp tmpfs defaults,size=64m 0 0\n"), config);
        assertTrue(config.contains("lxc.apparmor.allow_nesting = 1\n") && !config.contains("allow_nesting = 0"), config);
    }

    @Test
    void mountsCapabilitiesLimits() throws IOException {
        Container container = lxc("own/mounts-and-limits.lxc.conf");
        assertEquals(List.of("SYS_MODULE", "MAC_ADMIN", "MAC_OVERRIDE", "SYS_TIME"), container.getDroppedCapabilities());
        assertEquals(0.5, container.getCgroup().getCpus());
        String config = config(container, CgroupVersion.V2);
        assertTrue(config.contains("lxc.mount.entry = proc proc proc nodev,noexec,nosuid\n"), "four fields stay four:\n" + config);
        assertTrue(config.contains("lxc.mount.entry = /srv/ro srv/ro none bind,ro,create=dir 0 0\n"), config);
        assertTrue(config.contains("lxc.prlimit.nofile = 1024:4096\n"), config);
        assertTrue(config.contains("lxc.cgroup2.cpu.max = 50000 100000\n"), config);
        assertTrue(config.contains("lxc.net.0.type = empty\n"), config);
    }
}
