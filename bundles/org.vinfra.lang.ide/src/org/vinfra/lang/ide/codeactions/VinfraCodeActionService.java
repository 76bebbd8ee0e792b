package org.vinfra.lang.ide.codeactions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.vinfra.lang.model.Defaults;
import org.vinfra.lang.model.Units;
import org.vinfra.lang.validation.IssueCodes;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.VinfraPackage.Literals;
import org.vinfra.lang.vinfra.VirtualMachine;

import com.google.inject.Inject;

/**
 * Quick fixes for the diagnostics whose fix is clear: lower a VM's vCPUs to its host's logical
 * CPUs, raise a maximum memory below the initial memory, run a privileged LXC container
 * unprivileged. Served to LSP clients and to the Eclipse editor alike.
 */
public class VinfraCodeActionService implements ICodeActionService2 {

    @Inject
    private EObjectAtOffsetHelper elements;

    @Override
    public List<Either<Command, CodeAction>> getCodeActions(Options options) {
        if (options.getResource() != null && options.getDocument() != null) {
            return getCodeActions(options, (XtextResource) options.getResource(), options.getDocument());
        }
        // the language server gives only the URI: read the document and its resource (in the request that is running)
        return options.getLanguageServerAccess().doSyncRead(options.getURI(),
                context -> getCodeActions(options, (XtextResource) context.getResource(), context.getDocument()));
    }

    private List<Either<Command, CodeAction>> getCodeActions(Options options, XtextResource resource, Document document) {
        List<Either<Command, CodeAction>> actions = new ArrayList<>();
        for (Diagnostic diagnostic : options.getCodeActionParams().getContext().getDiagnostics()) {
            String code = diagnostic.getCode() == null ? null : diagnostic.getCode().getLeft();
            if (code == null) {
                continue;
            }
            EObject element = elements.resolveContainedElementAt(resource, document.getOffSet(diagnostic.getRange().getStart()));
            CodeAction action = switch (code) {
                case IssueCodes.VCPUS_EXCEED_HOST -> lowerVcpus(EcoreUtil2.getContainerOfType(element, VirtualMachine.class), document, options);
                case IssueCodes.MAX_MEMORY_BELOW_MEMORY -> raiseMaxMemory(EcoreUtil2.getContainerOfType(element, VirtualMachine.class), document,
                        options);
                case IssueCodes.LXC_PRIVILEGED -> unprivileged(EcoreUtil2.getContainerOfType(element, Container.class), document, options);
                default -> null;
            };
            if (action != null) {
                action.setDiagnostics(List.of(diagnostic));
                actions.add(Either.forRight(action));
            }
        }
        return actions;
    }

    private static CodeAction lowerVcpus(VirtualMachine vm, Document document, Options options) {
        if (vm == null || vm.getHost() == null || vm.getHost().eIsProxy()) {
            return null;
        }
        int logical = Defaults.logicalCpus(vm.getHost());
        return replace("Lower vcpus to " + logical + " (the logical CPUs of " + vm.getHost().getName() + ")", vm, Literals.VIRTUAL_MACHINE__VCPUS,
                Integer.toString(logical), document, options);
    }

    private static CodeAction raiseMaxMemory(VirtualMachine vm, Document document, Options options) {
        if (vm == null || vm.getMemory() == null) {
            return null;
        }
        String memory = Units.SIZE.format(vm.getMemory());
        return replace("Raise max to " + memory + " (the initial memory)", vm, Literals.VIRTUAL_MACHINE__MAX_MEMORY, memory, document, options);
    }

    private static CodeAction unprivileged(Container container, Document document, Options options) {
        if (container == null || container.getUnprivileged() != null) {
            return null;
        }
        ICompositeNode node = NodeModelUtils.getNode(container);
        int closing = node.getOffset() + node.getText().stripTrailing().length() - 1;
        String indentation = "\t";
        TextEdit edit = new TextEdit(new Range(document.getPosition(closing), document.getPosition(closing)),
                indentation + "unprivileged idmap 0 100000 65536\n");
        return action("Run it unprivileged (map container ids 0-65535 to host ids 100000-165535)", edit, options);
    }

    private static CodeAction replace(String title, EObject owner, EStructuralFeature feature, String text, Document document, Options options) {
        List<INode> nodes = NodeModelUtils.findNodesForFeature(owner, feature);
        if (nodes.isEmpty()) {
            return null;
        }
        INode node = nodes.get(0);
        TextEdit edit = new TextEdit(new Range(document.getPosition(node.getOffset()), document.getPosition(node.getEndOffset())), text);
        return action(title, edit, options);
    }

    private static CodeAction action(String title, TextEdit edit, Options options) {
        CodeAction action = new CodeAction(title);
        action.setKind(CodeActionKind.QuickFix);
        action.setEdit(new WorkspaceEdit(Map.of(options.getURI(), List.of(edit))));
        return action;
    }
}
