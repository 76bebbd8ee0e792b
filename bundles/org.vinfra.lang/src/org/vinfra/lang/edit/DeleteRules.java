package org.vinfra.lang.edit;

import java.util.Map;

import org.eclipse.emf.ecore.EReference;
import org.vinfra.lang.vinfra.VinfraPackage.Literals;

/**
 * What happens to a reference when the element it names is deleted. A reference that is only a
 * connection (a vNIC on a network, a container's attachment, a dependency, a flow, a mount, a secret
 * or passthrough line, a timeline event) goes with the element, and the result says so. A reference
 * that places or builds something (a VM on a host, a container on a machine, a workload in a VM, a
 * disk on a datastore, a container's image, a network's host or uplink) would leave that thing
 * without its home or its base: the delete is refused, naming each such referrer with file:line, so
 * the user moves or deletes them first. Nothing is ever left silently broken.
 */
final class DeleteRules {

    enum Reaction {
        /** Remove the element that holds the reference (a vNIC, attachment, dependency, flow, mount). */
        REMOVE_HOLDER,
        /** Remove the timeline event whose action holds the reference. */
        REMOVE_EVENT,
        /** Remove the keyword and this value of a list setting ("secret s", "passthrough gpu0"). */
        REMOVE_VALUE,
        /** Refuse the delete. */
        REFUSE
    }

    private static final Map<EReference, Reaction> REACTIONS = Map.ofEntries(
            Map.entry(Literals.VIRTUAL_NIC__NETWORK, Reaction.REMOVE_HOLDER),
            Map.entry(Literals.VIRTUAL_NIC__PHYSICAL_FUNCTION, Reaction.REMOVE_HOLDER),
            Map.entry(Literals.NETWORK_ATTACHMENT__NETWORK, Reaction.REMOVE_HOLDER),
            Map.entry(Literals.DEPENDENCY__TARGET, Reaction.REMOVE_HOLDER),
            Map.entry(Literals.FLOW__TARGET, Reaction.REMOVE_HOLDER),
            Map.entry(Literals.MOUNT__VOLUME, Reaction.REMOVE_HOLDER),
            Map.entry(Literals.CONTAINER__SECRETS, Reaction.REMOVE_VALUE),
            Map.entry(Literals.VIRTUAL_MACHINE__PASSTHROUGH, Reaction.REMOVE_VALUE),
            Map.entry(Literals.START__TARGET, Reaction.REMOVE_EVENT),
            Map.entry(Literals.STOP__TARGET, Reaction.REMOVE_EVENT),
            Map.entry(Literals.PAUSE__TARGET, Reaction.REMOVE_EVENT),
            Map.entry(Literals.RESUME__TARGET, Reaction.REMOVE_EVENT),
            Map.entry(Literals.FAIL__NIC, Reaction.REMOVE_EVENT),
            Map.entry(Literals.FAIL__HOST, Reaction.REMOVE_EVENT),
            Map.entry(Literals.RECOVER__NIC, Reaction.REMOVE_EVENT),
            Map.entry(Literals.RECOVER__HOST, Reaction.REMOVE_EVENT),
            Map.entry(Literals.HOT_ADD__TARGET, Reaction.REMOVE_EVENT),
            Map.entry(Literals.HOT_REMOVE__TARGET, Reaction.REMOVE_EVENT),
            Map.entry(Literals.SPIKE__WORKLOAD, Reaction.REMOVE_EVENT));

    private static final Map<EReference, String> REFUSALS = Map.of(
            Literals.VIRTUAL_MACHINE__HOST, "is placed on it",
            Literals.CONTAINER__MACHINE, "runs on it",
            Literals.COMPOSE__MACHINE, "is deployed on it",
            Literals.NETWORK__HOST, "is a network of it",
            Literals.NETWORK__UPLINK, "uses it as its uplink",
            Literals.WORKLOAD__TARGET, "runs in it",
            Literals.VIRTUAL_DISK__DATASTORE, "has a disk on it",
            Literals.CONTAINER__IMAGE, "uses it as its image",
            Literals.IMAGE__BASE, "is built from it");

    private DeleteRules() {
    }

    static Reaction reactionTo(EReference reference) {
        return REACTIONS.getOrDefault(reference, Reaction.REFUSE);
    }

    /** "is placed on it": how a refused referrer depends on the deleted element. */
    static String dependency(EReference reference) {
        return REFUSALS.getOrDefault(reference, "refers to it (" + reference.getName() + ")");
    }
}
