package org.vinfra.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.vinfra.formats.CgroupVersion;
import org.vinfra.formats.ExportOptions;
import org.vinfra.formats.Exporter;
import org.vinfra.formats.GeneratedFiles;
import org.vinfra.formats.Target;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Each exporter on any model that validates: no exception, the same files every time, and files the
 * real tools can read (compose files are YAML, libvirt domains XML, LXC configs key = value lines).
 */
class ExportFuzzTest {

    @FuzzTest
    void compose(FuzzedDataProvider data) throws Exception {
        export(Target.COMPOSE, data);
    }

    @FuzzTest
    void dockerfile(FuzzedDataProvider data) throws Exception {
        export(Target.DOCKERFILE, data);
    }

    @FuzzTest
    void lxc(FuzzedDataProvider data) throws Exception {
        export(Target.LXC, data);
    }

    @FuzzTest
    void libvirt(FuzzedDataProvider data) throws Exception {
        export(Target.LIBVIRT, data);
    }

    private static void export(Target target, FuzzedDataProvider data) throws Exception {
        Choices input = Choices.of(data);
        CgroupVersion cgroup = input.next(0, 1) == 0 ? CgroupVersion.V1 : CgroupVersion.V2;
        Fuzzing.Loaded loaded = Fuzzing.load(input.text);
        if (loaded.hasErrors()) {
            return;
        }
        ExportOptions options = new ExportOptions(Set.of(target), cgroup);
        GeneratedFiles files = Exporter.export(loaded.models().models(), options);
        assertEquals(files.files(), Exporter.export(loaded.models().models(), options).files(), "the export is not deterministic");
        for (Map.Entry<String, String> file : files.files().entrySet()) {
            String name = file.getKey();
            String content = file.getValue();
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                new Yaml(new LoaderOptions()).load(content);
            } else if (name.endsWith(".xml")) {
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
            } else if (target == Target.LXC && name.endsWith(".conf") || name.endsWith("/config")) {
                for (String line : content.split("\n", -1)) {
                    assertTrue(line.isBlank() || line.startsWith("#") || line.matches("[a-z0-9_.]+ = .*"), () -> "not an LXC config line in " + name + ": " + line);
                }
            }
            if (content.isEmpty() && !name.endsWith(".env")) {
                fail("an empty file: " + name);
            }
        }
    }
}
