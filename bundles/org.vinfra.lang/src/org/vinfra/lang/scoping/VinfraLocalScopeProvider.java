package org.vinfra.lang.scoping;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.ISelectable;
import org.eclipse.xtext.scoping.impl.ImportedNamespaceAwareLocalScopeProvider;

import com.google.inject.Inject;

/**
 * Names visible inside one file: what the file exports (so replica names such as web7 resolve
 * locally too), plus the elements nested in the current one by their simple names.
 */
public class VinfraLocalScopeProvider extends ImportedNamespaceAwareLocalScopeProvider {

    @Inject
    private IResourceDescription.Manager descriptions;

    @Override
    protected ISelectable internalGetAllDescriptions(Resource resource) {
        return descriptions.getResourceDescription(resource);
    }
}
