package org.vinfra.lang.naming;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionManager;
import org.vinfra.lang.model.ExportFiles;

/**
 * Index entries that answer replica names without listing them ({@link VinfraResourceDescription}), and
 * Xtext's rule for which files to validate again after a change (the files that refer to changed names), plus: a file
 * whose exports share a file with what the change adds or removes, so that an export clash between two files shows in
 * both, and goes away in both (the language server and the Eclipse editor re-validate only affected files).
 */
public class VinfraResourceDescriptionManager extends DefaultResourceDescriptionManager {

    /** An entry that finds replica names without listing them all ({@link VinfraResourceDescription}). */
    @Override
    protected IResourceDescription internalGetResourceDescription(org.eclipse.emf.ecore.resource.Resource resource,
            org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy strategy) {
        return strategy instanceof VinfraResourceDescriptionStrategy vinfra ? new VinfraResourceDescription(resource, vinfra, getCache())
                : super.internalGetResourceDescription(resource, strategy);
    }

    @Override
    public boolean isAffected(Collection<IResourceDescription.Delta> deltas, IResourceDescription candidate, IResourceDescriptions context) {
        if (super.isAffected(deltas, candidate, context)) {
            return true;
        }
        Set<String> changed = new HashSet<>();
        for (IResourceDescription.Delta delta : deltas) {
            if (delta.haveEObjectDescriptionsChanged() && !delta.getUri().equals(candidate.getURI())) {
                exports(delta.getOld(), changed);
                exports(delta.getNew(), changed);
            }
        }
        if (changed.isEmpty()) {
            return false;
        }
        Set<String> own = new HashSet<>();
        exports(candidate, own);
        own.retainAll(changed);
        return !own.isEmpty();
    }

    /** The clash keys of the files a model exports, from its index entry. */
    static void exports(IResourceDescription description, Set<String> keys) {
        if (description == null) {
            return;
        }
        for (IEObjectDescription element : description.getExportedObjects()) {
            String data = element.getUserData(VinfraResourceDescriptionStrategy.EXPORTS);
            if (data != null) {
                for (String path : ExportFiles.fromIndex(data, element.getName().getLastSegment())) {
                    keys.add(ExportFiles.clashKey(path));
                }
            }
        }
    }
}
