package org.vinfra.formats.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;

import org.eclipse.xtext.generator.GeneratorContext;
import org.eclipse.xtext.generator.IFileSystemAccess;
import org.eclipse.xtext.generator.IGenerator2;
import org.eclipse.xtext.generator.InMemoryFileSystemAccess;
import org.junit.jupiter.api.Test;
import org.vinfra.formats.ExportOptions;
import org.vinfra.formats.Exporter;
import org.vinfra.formats.VinfraGeneratorSetup;
import org.vinfra.lang.vinfra.Model;

import com.google.inject.Injector;

/** Xtext's generator API gives the same files as the exporter the command line uses. */
class GeneratorTest {

    @Test
    void theXtextGeneratorWritesWhatTheExporterExports() {
        Injector injector = new VinfraGeneratorSetup().createInjectorAndDoEMFRegistration();
        Model model = Exports.load("""
                image web { from "busybox:1.36" expose 80 }
                compose site { service web { image web port 8080:80 } }
                host h { memory 8 GiB cpu { features vt-x } hypervisor kvm }
                vm v on h { memory 1 GiB }
                container c runtime lxc on h { template "alpine:3.19" unprivileged idmap 0 100000 65536 }
                """).models().get(0);
        InMemoryFileSystemAccess fsa = new InMemoryFileSystemAccess();
        injector.getInstance(IGenerator2.class).doGenerate(model.eResource(), fsa, new GeneratorContext());
        Map<String, String> generated = new TreeMap<>();
        fsa.getTextFiles().forEach((path, text) -> generated.put(path.replace(IFileSystemAccess.DEFAULT_OUTPUT, ""), text.toString()));
        Map<String, String> exported = Exporter.export(java.util.List.of(model), ExportOptions.all()).files();
        assertEquals(exported, generated);
        assertEquals(5, generated.size(), generated.keySet().toString());
    }
}
