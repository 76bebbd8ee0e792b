package org.vinfra.formats;

import org.vinfra.lang.VinfraStandaloneSetup;

import com.google.inject.Guice;
import com.google.inject.Injector;

/**
 * The standalone setup to name where a tool runs Xtext generators outside Eclipse, e.g.
 * xtext-maven-plugin's {@code <setup>org.vinfra.formats.VinfraGeneratorSetup</setup>}.
 */
public class VinfraGeneratorSetup extends VinfraStandaloneSetup {

    @Override
    public Injector createInjector() {
        return Guice.createInjector(new VinfraGeneratorModule());
    }
}
