package org.vinfra.lang.ide.highlighting;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.ide.editor.syntaxcoloring.DefaultSemanticHighlightingCalculator;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Semantic highlighting, computed from the model (not from the text): the name where an element is
 * declared, and every reference to an element. The style ids are LSP semantic token types and
 * modifiers, so language-server clients and the Eclipse editor colour the same things.
 */
public class VinfraSemanticHighlighting extends DefaultSemanticHighlightingCalculator {

    /** The name of an element where it is declared: {@code host server1 {}. */
    public static final String DECLARATION_TYPE = "variable";
    public static final String DECLARATION_MODIFIER = "declaration";
    /** A reference to an element declared elsewhere: {@code vm web on server1}. */
    public static final String REFERENCE_TYPE = "type";

    @Override
    protected boolean highlightElement(EObject object, IHighlightedPositionAcceptor acceptor, CancelIndicator cancelIndicator) {
        EStructuralFeature name = object.eClass().getEStructuralFeature("name");
        if (name instanceof EAttribute && object.eIsSet(name)) {
            highlightFeature(acceptor, object, name, DECLARATION_TYPE, DECLARATION_MODIFIER);
        }
        for (EReference reference : object.eClass().getEAllReferences()) {
            if (!reference.isContainment() && !reference.isContainer()) {
                for (INode node : NodeModelUtils.findNodesForFeature(object, reference)) {
                    highlightNode(acceptor, node, REFERENCE_TYPE);
                }
            }
        }
        return false;
    }
}
