package org.vinfra.lang.validation;

import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.vinfra.lang.model.Topology;
import org.vinfra.lang.vinfra.VinfraPackage;

/**
 * Base of the validators of one concern (hosts, VMs, networks, containers). They are composed into
 * {@link VinfraValidator}, which alone registers with EMF.
 */
abstract class VinfraCheck extends AbstractDeclarativeValidator {

    @Override
    protected List<EPackage> getEPackages() {
        return List.of(VinfraPackage.eINSTANCE);
    }

    @Override
    public void register(EValidatorRegistrar registrar) {
        // composed into VinfraValidator
    }

    /** A rule that throws is a bug: surface it instead of silently skipping the rule. */
    @Override
    protected void handleExceptionDuringValidation(Throwable exception) throws RuntimeException {
        throw new IllegalStateException("validation rule failed: " + exception, exception);
    }

    /*
     * An element the parser could not name (after a syntax error) has a null name: messages show it as
     * '?' (as Messages.describe does), never as Java's null.
     */
    private static String named(String message, EObject object) {
        if (message == null) {
            return null;
        }
        EStructuralFeature name = object == null ? null : object.eClass().getEStructuralFeature("name");
        if (name != null && object.eGet(name) == null) {
            return message.replaceAll("\\bnull\\b", "?"); // its name in a path or a sentence too
        }
        return message.replace("'null'", "'?'");
    }

    @Override
    public void acceptError(String message, EObject object, EStructuralFeature feature, int index, String code, String... issueData) {
        super.acceptError(named(message, object), object, feature, index, code, issueData);
    }

    @Override
    public void acceptError(String message, EObject object, int offset, int length, String code, String... issueData) {
        super.acceptError(named(message, object), object, offset, length, code, issueData);
    }

    @Override
    public void acceptWarning(String message, EObject object, EStructuralFeature feature, int index, String code, String... issueData) {
        super.acceptWarning(named(message, object), object, feature, index, code, issueData);
    }

    @Override
    public void acceptWarning(String message, EObject object, int offset, int length, String code, String... issueData) {
        super.acceptWarning(named(message, object), object, offset, length, code, issueData);
    }

    @Override
    public void acceptInfo(String message, EObject object, EStructuralFeature feature, int index, String code, String... issueData) {
        super.acceptInfo(named(message, object), object, feature, index, code, issueData);
    }

    @Override
    public void acceptInfo(String message, EObject object, int offset, int length, String code, String... issueData) {
        super.acceptInfo(named(message, object), object, offset, length, code, issueData);
    }

    /** The topology of the resource set, built once per validation run. */
    protected Topology topology(EObject any) {
        Map<Object, Object> context = getContext();
        if (context == null) {
            return Topology.of(any.eResource());
        }
        return (Topology) context.computeIfAbsent(Topology.class, key -> Topology.of(any.eResource()));
    }
}
