package org.vinfra.lang.scoping;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;
import org.vinfra.lang.validation.IssueCodes;
import org.vinfra.lang.validation.Messages;

/** The message for a name that resolves to nothing: what was looked for, and how to fix it. */
public class VinfraLinkingDiagnosticMessageProvider extends LinkingDiagnosticMessageProvider {

    @Override
    public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
        EClass type = context.getReference().getEReferenceType();
        String kind = Messages.kindOf(type);
        String name = context.getLinkText();
        String message = "There is no " + kind + " named '" + name + "'. A reference names an element declared in this file or in a file"
                + " it imports (import \"other.vinfra\"); names are case-sensitive. Declare the " + kind + ", import its file,"
                + " or correct the name.";
        return new DiagnosticMessage(message, Severity.ERROR, IssueCodes.UNRESOLVED_REFERENCE, name);
    }
}
