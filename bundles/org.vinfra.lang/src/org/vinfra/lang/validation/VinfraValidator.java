package org.vinfra.lang.validation;

import org.eclipse.xtext.validation.ComposedChecks;

/** All the rules of the language, one validator per concern. Each rule's code is in {@link IssueCodes}. */
@ComposedChecks(validators = { StructureValidator.class, ExportValidator.class, HostValidator.class, VirtualMachineValidator.class,
        NetworkValidator.class, ContainerValidator.class, ImageValidator.class, WorkloadValidator.class })
public class VinfraValidator extends AbstractVinfraValidator {
}
