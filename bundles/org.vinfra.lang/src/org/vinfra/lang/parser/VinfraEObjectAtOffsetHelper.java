package org.vinfra.lang.parser;

import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.CrossReference;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;

/**
 * Xtext's helper that finds the element at a place of the text, safe where the text has no element
 * (text the parser skipped after a syntax error): Xtext's throws a NullPointerException there, which
 * editors saw as failed references, definitions and renames.
 */
public class VinfraEObjectAtOffsetHelper extends EObjectAtOffsetHelper {

    @Override
    public EObject getElementWithNameAt(XtextResource resource, int offset) {
        if (resource == null || offset < 0 || resource.getParseResult() == null || resource.getParseResult().getRootNode() == null) {
            return null;
        }
        if (resolveCrossReferencedElementAt(resource, offset) == null && resolveElementAt(resource, offset) == null) {
            return null;
        }
        return super.getElementWithNameAt(resource, offset);
    }

    /**
     * Null where the parser recovered a reference into an element without that reference (text broken around it: a
     * fuzz finding); Xtext's throws a NullPointerException there (hover, occurrences, definition, rename).
     */
    @Override
    protected EObject resolveCrossReferencedElement(INode node) {
        EObject owner = NodeModelUtils.findActualSemanticObjectFor(node);
        if (owner == null || !(node.getGrammarElement() instanceof CrossReference reference)
                || GrammarUtil.getReference(reference, owner.eClass()) == null) {
            return null;
        }
        return super.resolveCrossReferencedElement(node);
    }
}
