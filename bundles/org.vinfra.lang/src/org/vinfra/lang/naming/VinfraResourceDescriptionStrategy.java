package org.vinfra.lang.naming;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionStrategy;
import org.eclipse.xtext.util.IAcceptor;
import org.vinfra.lang.model.Replicas;

/**
 * Exports every named element by its qualified name and, for a replicated element such as
 * {@code vm web[1..3]}, also by the name of each replica (web1, web2, web3).
 */
public class VinfraResourceDescriptionStrategy extends DefaultResourceDescriptionStrategy {

    @Override
    public boolean createEObjectDescriptions(EObject element, IAcceptor<IEObjectDescription> acceptor) {
        QualifiedName name = getQualifiedNameProvider().getFullyQualifiedName(element);
        if (name == null) {
            return true;
        }
        acceptor.accept(EObjectDescription.create(name, element));
        for (String replica : Replicas.names(name.getLastSegment(), Replicas.of(element))) {
            acceptor.accept(EObjectDescription.create(name.skipLast(1).append(replica), element));
        }
        return true;
    }
}
