package org.vinfra.formats;

import org.eclipse.xtext.generator.IGenerator2;
import org.vinfra.lang.VinfraRuntimeModule;

/** The language runtime with the exporter bound as its generator. */
public class VinfraGeneratorModule extends VinfraRuntimeModule {

    public Class<? extends IGenerator2> bindIGenerator2() {
        return VinfraGenerator.class;
    }
}
