package org.vinfra.lang.ide.highlighting;

import java.util.List;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.EnumLiteralDeclaration;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.vinfra.lang.ide.symbols.ElementKinds;

import com.google.inject.Inject;

/**
 * Semantic highlighting, computed from the syntax tree and the model (not from the text alone), with the LSP's predefined
 * token types and modifiers (Xtext's legend lists them all), so that language-server clients and the Eclipse editor colour
 * the same things:
 * <ul>
 * <li>{@code keyword}: the words of the language ({@code host}, {@code memory}, {@code kvm}), but not a keyword written as a
 * name ({@code vm gateway});</li>
 * <li>{@code number}: numbers, addresses and CIDRs; {@code enumMember}: units ({@code GiB}, {@code Gbps}, {@code ms});
 * {@code string}: quoted text;</li>
 * <li>the name of an element, by its kind ({@link ElementKinds#tokenType}: hosts {@code class}, VMs {@code struct},
 * networks {@code interface}...), with the modifier {@code declaration} where it is declared, without it in a reference
 * ({@code vm web on server1}).</li>
 * </ul>
 * Keywords, numbers, units and strings are given only to a client that announced those types ({@link ClientTokenTypes});
 * comments are left to the client's syntax colouring.
 */
public class VinfraSemanticHighlighting implements ISemanticHighlightingCalculator {

    /** The modifier of a name where its element is declared ({@code host server1}). */
    public static final String DECLARATION_MODIFIER = "declaration";
    public static final String KEYWORD = "keyword";
    public static final String NUMBER = "number";
    public static final String STRING = "string";
    public static final String UNIT = "enumMember";

    @Inject
    private ClientTokenTypes client;

    private static final java.util.Set<String> NUMBER_RULES = java.util.Set.of("INT", "Decimal", "Number", "Count", "Ratio", "Port", "IPv4", "Cidr");
    private static final java.util.Set<String> QUANTITY_RULES = java.util.Set.of("Size", "Frequency", "Bandwidth", "Instructions", "Duration");

    @Override
    public void provideHighlightingFor(XtextResource resource, IHighlightedPositionAcceptor acceptor, CancelIndicator cancelIndicator) {
        if (resource == null || resource.getParseResult() == null) {
            return;
        }
        for (ILeafNode leaf : resource.getParseResult().getRootNode().getLeafNodes()) {
            if (cancelIndicator.isCanceled()) {
                return;
            }
            if (leaf.isHidden() || leaf.getLength() == 0) {
                continue;
            }
            String type = tokenType(leaf);
            if (type != null && client.supports(type)) {
                acceptor.addPosition(leaf.getOffset(), leaf.getLength(), type);
            }
        }
        if (!resource.getContents().isEmpty()) {
            for (var contents = resource.getContents().get(0).eAllContents(); contents.hasNext();) {
                highlightNames(contents.next(), acceptor);
            }
        }
    }

    /** Keywords, numbers, units and strings (to clients that announce those types); names are given by {@link #highlightNames}. */
    private static String tokenType(ILeafNode leaf) {
        EObject grammar = leaf.getGrammarElement();
        if (grammar instanceof Keyword keyword && Character.isLetter(keyword.getValue().charAt(0)) && !isName(leaf)) {
            return KEYWORD;
        }
        if (grammar instanceof EnumLiteralDeclaration) {
            return KEYWORD;
        }
        if (grammar instanceof RuleCall call) {
            String rule = call.getRule().getName();
            if ("STRING".equals(rule)) {
                return STRING;
            }
            if ("INT".equals(rule)) {
                return NUMBER;
            }
            if ("ID".equals(rule) && QUANTITY_RULES.contains(containingRule(leaf))) {
                return UNIT;
            }
        }
        return null;
    }

    /** Whether a keyword is written where a name is expected ({@code vm gateway on h}). */
    private static boolean isName(ILeafNode leaf) {
        for (INode node = leaf.getParent(); node != null; node = node.getParent()) {
            if (node.getGrammarElement() instanceof RuleCall call) {
                String rule = call.getRule().getName();
                return "ValidID".equals(rule) || "QualifiedName".equals(rule);
            }
            if (node.getGrammarElement() instanceof org.eclipse.xtext.CrossReference) {
                return true;
            }
        }
        return false;
    }

    private static String containingRule(ILeafNode leaf) {
        INode parent = leaf.getParent();
        while (parent != null && !(parent.getGrammarElement() instanceof RuleCall)) {
            parent = parent.getParent();
        }
        if (parent == null) {
            return null;
        }
        AbstractRule rule = ((RuleCall) parent.getGrammarElement()).getRule();
        // a unit sits in Size, Frequency... directly, a number in Decimal inside it
        return rule.getName();
    }

    private static void highlightNames(EObject object, IHighlightedPositionAcceptor acceptor) {
        EStructuralFeature name = object.eClass().getEStructuralFeature("name");
        String declared = ElementKinds.tokenType(object.eClass());
        if (declared != null && name instanceof EAttribute && object.eIsSet(name)) {
            for (INode node : NodeModelUtils.findNodesForFeature(object, name)) {
                acceptor.addPosition(node.getOffset(), node.getLength(), declared, DECLARATION_MODIFIER);
            }
        }
        for (EReference reference : object.eClass().getEAllReferences()) {
            if (reference.isContainment() || reference.isContainer()) {
                continue;
            }
            List<INode> nodes = NodeModelUtils.findNodesForFeature(object, reference);
            if (nodes.isEmpty()) {
                continue;
            }
            Object target = object.eGet(reference, true);
            for (Object each : target instanceof List<?> list ? list : java.util.Collections.singletonList(target)) {
                if (each instanceof EObject element) {
                    String type = ElementKinds.tokenType(element.eIsProxy() ? reference.getEReferenceType() : element.eClass());
                    if (type == null) {
                        type = ElementKinds.tokenType(reference.getEReferenceType());
                    }
                    if (type != null) {
                        for (INode node : nodes) {
                            for (ILeafNode leaf : node.getLeafNodes()) {
                                if (!leaf.isHidden() && !(leaf.getGrammarElement() instanceof Keyword keyword && ".".equals(keyword.getValue()))) {
                                    acceptor.addPosition(leaf.getOffset(), leaf.getLength(), type);
                                }
                            }
                        }
                    }
                    break;
                }
            }
        }
    }
}
