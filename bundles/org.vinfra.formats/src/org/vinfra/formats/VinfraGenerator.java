package org.vinfra.formats;

import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.generator.AbstractGenerator;
import org.eclipse.xtext.generator.IFileSystemAccess2;
import org.eclipse.xtext.generator.IGeneratorContext;
import org.vinfra.lang.vinfra.Model;

/**
 * The exporter as an Xtext generator, for the tools that drive Xtext's generator API (the Eclipse
 * builder, xtext-maven-plugin): each .vinfra resource is exported with {@link Exporter}, all targets,
 * cgroup v2. The command line calls {@link Exporter} directly, with its options.
 */
public class VinfraGenerator extends AbstractGenerator {

    private ExportOptions options = ExportOptions.all();

    public void setOptions(ExportOptions options) {
        this.options = options;
    }

    @Override
    public void doGenerate(Resource input, IFileSystemAccess2 fsa, IGeneratorContext context) {
        if (input.getContents().isEmpty() || !(input.getContents().get(0) instanceof Model model)) {
            return;
        }
        GeneratedFiles files = Exporter.export(List.of(model), options);
        for (Map.Entry<String, String> file : files.files().entrySet()) {
            if (context.getCancelIndicator() != null && context.getCancelIndicator().isCanceled()) {
                return;
            }
            fsa.generateFile(file.getKey(), file.getValue());
        }
    }
}
