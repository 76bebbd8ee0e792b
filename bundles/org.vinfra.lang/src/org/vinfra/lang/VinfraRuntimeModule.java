package org.vinfra.lang;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.linking.ILinkingDiagnosticMessageProvider;
import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.eclipse.xtext.scoping.impl.AbstractDeclarativeScopeProvider;
import org.eclipse.xtext.scoping.impl.ImportUriGlobalScopeProvider;
import org.vinfra.lang.conversion.VinfraValueConverters;
import org.vinfra.lang.naming.VinfraResourceDescriptionStrategy;
import org.vinfra.lang.parser.VinfraSyntaxErrorMessageProvider;
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider;
import org.vinfra.lang.scoping.VinfraLinkingDiagnosticMessageProvider;
import org.vinfra.lang.scoping.VinfraLocalScopeProvider;

import com.google.inject.Binder;
import com.google.inject.name.Names;

/** The bindings of the .vinfra runtime; no logic here. */
public class VinfraRuntimeModule extends AbstractVinfraRuntimeModule {

    /** The parser within the limits of file size and nesting depth (org.vinfra.lang.model.Limits). */
    @Override
    public Class<? extends org.eclipse.xtext.parser.IParser> bindIParser() {
        return org.vinfra.lang.parser.LimitedParser.class;
    }

    @Override
    public Class<? extends org.eclipse.xtext.resource.XtextResource> bindXtextResource() {
        return org.vinfra.lang.parser.VinfraResource.class;
    }

    public Class<? extends org.eclipse.xtext.resource.EObjectAtOffsetHelper> bindEObjectAtOffsetHelper() {
        return org.vinfra.lang.parser.VinfraEObjectAtOffsetHelper.class;
    }

    @Override
    public Class<? extends IValueConverterService> bindIValueConverterService() {
        return VinfraValueConverters.class;
    }

    public Class<? extends IDefaultResourceDescriptionStrategy> bindIDefaultResourceDescriptionStrategy() {
        return VinfraResourceDescriptionStrategy.class;
    }

    public Class<? extends org.eclipse.xtext.resource.IResourceDescription.Manager> bindIResourceDescription$Manager() {
        return org.vinfra.lang.naming.VinfraResourceDescriptionManager.class;
    }

    /** Files see each other through {@code import "file.vinfra"}. */
    @Override
    public Class<? extends IGlobalScopeProvider> bindIGlobalScopeProvider() {
        return ImportUriGlobalScopeProvider.class;
    }

    @Override
    public void configureIScopeProviderDelegate(Binder binder) {
        binder.bind(IScopeProvider.class).annotatedWith(Names.named(AbstractDeclarativeScopeProvider.NAMED_DELEGATE))
                .to(VinfraLocalScopeProvider.class);
    }

    public Class<? extends ILinkingDiagnosticMessageProvider> bindILinkingDiagnosticMessageProvider() {
        return VinfraLinkingDiagnosticMessageProvider.class;
    }

    public Class<? extends ISyntaxErrorMessageProvider> bindISyntaxErrorMessageProvider() {
        return VinfraSyntaxErrorMessageProvider.class;
    }

    public Class<? extends org.eclipse.xtext.serializer.tokens.ICrossReferenceSerializer> bindICrossReferenceSerializer() {
        return org.vinfra.lang.serializer.NamedCrossReferenceSerializer.class;
    }

    public Class<? extends org.eclipse.xtext.serializer.sequencer.ITransientValueService> bindSerializerTransientValueService() {
        return org.vinfra.lang.serializer.WrittenValuesTransientService.class;
    }
}
