package org.vinfra.lang.serializer;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.serializer.sequencer.TransientValueService;
import org.vinfra.lang.model.Written;

/** Values an import marked as written are serialized even when they equal their default ({@code /tcp}, {@code restart no}). */
public class WrittenValuesTransientService extends TransientValueService {

    @Override
    public ValueTransient isValueTransient(EObject owner, EStructuralFeature feature) {
        if (Written.isMarked(owner, feature)) {
            return ValueTransient.NO;
        }
        return super.isValueTransient(owner, feature);
    }
}
