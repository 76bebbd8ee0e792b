package org.vinfra.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.templates.DocumentTemplateContext;
import org.eclipse.jface.text.templates.GlobalTemplateVariables;
import org.eclipse.jface.text.templates.Template;
import org.eclipse.jface.text.templates.TemplateContextType;
import org.eclipse.jface.text.templates.TemplateProposal;

/**
 * Templates for the blocks people write most (a host with a KVM hypervisor, a VM, a compose service,
 * an LXC container, a NAT network). Offered by content assist after the language's own proposals;
 * the ${...} fields are linked: Tab moves between them.
 */
public final class VinfraTemplates {

    private static final String CONTEXT = "org.vinfra.ui.templates";

    static final List<Template> TEMPLATES = List.of(
            new Template("host-kvm", "a physical host with a type-1 KVM hypervisor", CONTEXT, """
                    host ${name} {
                    \tcpu {
                    \t\tsockets ${1}
                    \t\tcores ${8}
                    \t\tthreads 2
                    \t\tfeatures vt-x
                    \t}
                    \tmemory ${64} GiB
                    \tnic eth0 {
                    \t\tspeed 10 Gbps
                    \t}
                    \thypervisor kvm {
                    \t\ttype-1
                    \t\ttechnique hardware-assisted
                    \t}
                    }${cursor}""", false),
            new Template("vm", "a virtual machine on a host", CONTEXT, """
                    vm ${name} on ${host} {
                    \tvcpus ${2}
                    \tmemory ${4} GiB
                    }${cursor}""", false),
            new Template("compose-service", "a compose deployment with one Docker service", CONTEXT, """
                    compose ${stack} {
                    \tservice ${web} {
                    \t\timage "nginx:1.27"
                    \t\tport ${8080}:80
                    \t\trestart always
                    \t}
                    }${cursor}""", false),
            new Template("lxc-container", "an unprivileged LXC system container", CONTEXT, """
                    container ${name} runtime lxc on ${host} {
                    \ttemplate "alpine:3.19"
                    \tunprivileged idmap 0 100000 65536
                    }${cursor}""", false),
            new Template("network-nat", "a NAT virtual network", CONTEXT, """
                    network ${name} on ${host} {
                    \tmode nat
                    \tcidr 192.168.100.0/24
                    \tgateway 192.168.100.1
                    }${cursor}""", false));

    private static final TemplateContextType CONTEXT_TYPE = contextType();

    private VinfraTemplates() {
    }

    private static TemplateContextType contextType() {
        TemplateContextType type = new TemplateContextType(CONTEXT, "vinfra");
        type.addResolver(new GlobalTemplateVariables.Cursor());
        return type;
    }

    /** The templates whose name starts with the word typed before the cursor. */
    static List<ICompletionProposal> proposals(ITextViewer viewer, int offset) {
        IDocument document = viewer.getDocument();
        IRegion word = Positions.wordAt(document, offset);
        String prefix;
        try {
            prefix = document.get(word.getOffset(), offset - word.getOffset());
        } catch (org.eclipse.jface.text.BadLocationException e) {
            prefix = "";
        }
        IRegion replaced = new Region(word.getOffset(), offset - word.getOffset());
        List<ICompletionProposal> proposals = new ArrayList<>();
        for (Template template : TEMPLATES) {
            if (template.getName().startsWith(prefix)) {
                DocumentTemplateContext context = new DocumentTemplateContext(CONTEXT_TYPE, document, replaced.getOffset(), replaced.getLength());
                proposals.add(new TemplateProposal(template, context, replaced, null, 0));
            }
        }
        return proposals;
    }
}
