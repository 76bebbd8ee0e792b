package org.vinfra.lang.ide.symbols;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolNameProvider;
import org.eclipse.xtext.util.SimpleAttributeResolver;
import org.vinfra.lang.vinfra.Hypervisor;
import org.vinfra.lang.vinfra.Timeline;

/**
 * The name of a document symbol: the element's own name (a NIC is "eth0" under its host, not "server1.eth0"); a host's
 * hypervisor and the timeline, which have no name, show as "hypervisor kvm" and "timeline".
 */
public class VinfraSymbolNames extends DocumentSymbolNameProvider {

    @Override
    public String getName(EObject element) {
        if (element instanceof Hypervisor hypervisor) {
            return "hypervisor " + hypervisor.getProduct().getLiteral();
        }
        if (element instanceof Timeline) {
            return "timeline";
        }
        String name = SimpleAttributeResolver.NAME_RESOLVER.apply(element);
        return name != null ? name : super.getName(element);
    }
}
