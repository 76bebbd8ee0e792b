package org.vinfra.lang.scoping;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.Scopes;
import org.vinfra.lang.vinfra.Host;
import org.vinfra.lang.vinfra.Network;
import org.vinfra.lang.vinfra.VinfraPackage.Literals;
import org.vinfra.lang.vinfra.VirtualMachine;

/**
 * Host-local names: a VM names its host's datastores, passthrough devices and SR-IOV NICs by their
 * simple names (e.g. {@code on local}), and a network on a host names its uplink NIC the same way.
 * Qualified names (server1.local) work everywhere.
 */
public class VinfraScopeProvider extends AbstractVinfraScopeProvider {

    @Override
    public IScope getScope(EObject context, EReference reference) {
        IScope outer = super.getScope(context, reference);
        if (reference == Literals.VIRTUAL_DISK__DATASTORE) {
            return hostLocal(context, outer, HostPart.DATASTORES);
        }
        if (reference == Literals.VIRTUAL_MACHINE__PASSTHROUGH) {
            return hostLocal(context, outer, HostPart.DEVICES);
        }
        if (reference == Literals.VIRTUAL_NIC__PHYSICAL_FUNCTION) {
            return hostLocal(context, outer, HostPart.NICS);
        }
        if (reference == Literals.NETWORK__UPLINK && context instanceof Network network && network.getHost() != null
                && !network.getHost().eIsProxy()) {
            return Scopes.scopeFor(network.getHost().getNics(), outer);
        }
        return outer;
    }

    private enum HostPart {
        DATASTORES, DEVICES, NICS
    }

    private static IScope hostLocal(EObject context, IScope outer, HostPart part) {
        VirtualMachine vm = EcoreUtil2.getContainerOfType(context, VirtualMachine.class);
        Host host = vm == null ? null : vm.getHost();
        if (host == null || host.eIsProxy()) {
            return outer;
        }
        List<? extends EObject> candidates = switch (part) {
            case DATASTORES -> host.getDatastores();
            case DEVICES -> host.getDevices();
            case NICS -> host.getNics();
        };
        return Scopes.scopeFor(candidates, outer);
    }
}
