package org.vinfra.lang.validation;

import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.eclipse.xtext.validation.ValidationMessageAcceptor;
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

    /**
     * A rule that throws is a bug of vinfra. It is not skipped in silence (Xtext would skip a rule that throws a
     * NullPointerException) and it does not stop validation either: the element it was checking gets a
     * {@link IssueCodes#INTERNAL_ERROR} error that says so and what to do, the other rules run on, and the
     * exception's text, which means nothing to a user, is printed only when {@code VINFRA_DEBUG} is set.
     */
    @Override
    protected void handleExceptionDuringValidation(Throwable exception) throws RuntimeException {
        // (vinfra's rules do not use Xtext's guard(), whose GuardException would mean "does not apply")
        EObject element = getCurrentObject();
        String rule = getCurrentMethod() == null ? "?" : getClass().getSimpleName() + "." + getCurrentMethod().getName();
        if (System.getenv("VINFRA_DEBUG") != null) {
            System.err.println("vinfra: validation rule " + rule + " failed on " + element);
            exception.printStackTrace();
        }
        if (element == null) {
            return;
        }
        error("vinfra could not check this " + Messages.describe(element) + ": its rule '" + rule + "' failed, a fault of vinfra,"
                + " not necessarily of your file. The other rules ran. Please report it with the file (VINFRA_DEBUG=1 prints the"
                + " details); until it is fixed, writing this element differently may avoid it.", element,
                element.eClass().getEStructuralFeature("name"),
                ValidationMessageAcceptor.INSIGNIFICANT_INDEX, IssueCodes.INTERNAL_ERROR);
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
    /**
     * Reports a size, rate or frequency written as 0 ({@link IssueCodes#ZERO_VALUE}): the simulation would divide by it.
     * {@code value} is the attribute's, null when the text leaves it out.
     */
    protected void zeroValue(EObject element, EStructuralFeature feature, Long value, String what, String why) {
        if (value != null && value == 0) {
            error("'" + what + " 0' gives nothing to work with: " + why + ". Write a value above 0, or leave '" + what
                    + "' out for its default.", element, feature, IssueCodes.ZERO_VALUE);
        }
    }

    protected Topology topology(EObject any) {
        Map<Object, Object> context = getContext();
        if (context == null) {
            return Topology.of(any.eResource());
        }
        return (Topology) context.computeIfAbsent(Topology.class, key -> Topology.of(any.eResource()));
    }
}
