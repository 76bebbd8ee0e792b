package org.vinfra.formats;

import java.util.List;

import org.vinfra.formats.compose.ComposeExporter;
import org.vinfra.formats.docker.DockerfileExporter;
import org.vinfra.formats.libvirt.LibvirtExporter;
import org.vinfra.formats.lxc.LxcExporter;
import org.vinfra.lang.vinfra.Compose;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.Element;
import org.vinfra.lang.vinfra.Image;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.Network;
import org.vinfra.lang.vinfra.Runtime;
import org.vinfra.lang.vinfra.VirtualMachine;

/**
 * The one export entry point, used by the command line, the Maven plugin and the Eclipse builder:
 * models in, files out (in memory; {@link OutputWriter} puts them on disk). Deterministic: the same
 * models give byte-identical files. Callers export only models without errors.
 */
public final class Exporter {

    private Exporter() {
    }

    public static GeneratedFiles export(List<Model> models, ExportOptions options) {
        GeneratedFiles output = new GeneratedFiles();
        for (Model model : models) {
            for (Element element : model.getElements()) {
                export(element, options, output);
            }
        }
        return output;
    }

    private static void export(Element element, ExportOptions options, GeneratedFiles output) {
        switch (element) {
            case Compose compose -> {
                if (options.includes(Target.COMPOSE)) {
                    ComposeExporter.export(compose, options, output);
                }
                for (Container service : compose.getServices()) {
                    exportLxc(service, options, output);
                }
                for (Network network : compose.getNetworks()) {
                    export(network, options, output);
                }
            }
            case Image image -> {
                if (options.includes(Target.DOCKERFILE)) {
                    DockerfileExporter.export(image, options, output);
                }
            }
            case Container container -> exportLxc(container, options, output);
            case VirtualMachine vm -> {
                if (options.includes(Target.LIBVIRT)) {
                    LibvirtExporter.export(vm, output);
                }
            }
            case Network network -> {
                if (options.includes(Target.LIBVIRT) && network.eContainer() instanceof Model) {
                    LibvirtExporter.export(network, output);
                }
            }
            default -> {
                // hosts, volumes and secrets are exported with what uses them
            }
        }
    }

    private static void exportLxc(Container container, ExportOptions options, GeneratedFiles output) {
        if (options.includes(Target.LXC) && container.getRuntime() == Runtime.LXC) {
            LxcExporter.export(container, options, output);
        }
    }
}
