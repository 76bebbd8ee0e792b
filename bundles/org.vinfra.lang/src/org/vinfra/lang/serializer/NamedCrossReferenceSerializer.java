package org.vinfra.lang.serializer;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.linking.impl.LinkingHelper;
import org.eclipse.xtext.naming.IQualifiedNameConverter;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.serializer.diagnostic.ISerializationDiagnostic.Acceptor;
import org.eclipse.xtext.serializer.tokens.CrossReferenceSerializer;

import com.google.inject.Inject;

/**
 * Writes a reference by the shortest name of its target that the scope resolves to the target,
 * looked up by name. Xtext's serializer asks the scope for all names of the target object, which is
 * a walk over every name of the file: serializing a model with thousands of references (an
 * imported 5,000-service compose file) took quadratic time. The general lookup remains for targets
 * that no name of theirs reaches.
 */
public class NamedCrossReferenceSerializer extends CrossReferenceSerializer {

    @Inject
    private IQualifiedNameProvider qualifiedNames;

    @Inject
    private IQualifiedNameConverter nameConverter;

    @Inject
    private IValueConverterService valueConverter;

    @Inject
    private LinkingHelper linkingHelper;

    @Override
    protected String getCrossReferenceNameFromScope(EObject semanticObject, CrossReference crossref, EObject target, IScope scope, Acceptor errors) {
        QualifiedName full = target.eIsProxy() ? null : qualifiedNames.getFullyQualifiedName(target);
        if (full != null) {
            String rule = linkingHelper.getRuleNameFrom(crossref);
            for (int skip = full.getSegmentCount() - 1; skip >= 0; skip--) {
                QualifiedName candidate = full.skipFirst(skip);
                IEObjectDescription description = scope.getSingleElement(candidate);
                if (description != null && isTarget(description, target)) {
                    try {
                        return valueConverter.toString(nameConverter.toString(candidate), rule);
                    } catch (ValueConverterException e) {
                        break;
                    }
                }
            }
        }
        return super.getCrossReferenceNameFromScope(semanticObject, crossref, target, scope, errors);
    }

    private static boolean isTarget(IEObjectDescription description, EObject target) {
        EObject found = description.getEObjectOrProxy();
        return found == target || found.eIsProxy() && EcoreUtil.getURI(found).equals(EcoreUtil.getURI(target));
    }
}
