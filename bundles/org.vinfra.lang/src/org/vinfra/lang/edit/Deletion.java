package org.vinfra.lang.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.TimedEvent;

import com.google.inject.Inject;

/** {@link ModelEdits#delete}: an element's lines, and what the references to it become ({@link DeleteRules}). */
class Deletion {

    @Inject
    private Names names;

    @Inject
    private Verifier verifier;

    /** See {@link ModelEdits#delete}. */
    EditResult delete(EObject element) {
        return Refusal.run(() -> {
            Resource resource = element.eResource();
            Session work = new Session(resource, verifier);
            if (element instanceof Model || SourceText.nodeOf(element) == null) {
                throw new Refusal("Only an element written in a file can be deleted.");
            }
            String what = Descriptions.isNamed(element) ? Descriptions.describe(element) : "the " + Descriptions.kind(element.eClass());
            Referrers referrers = referrers(element);
            refuseIfDepended(referrers.refusals, what);

            List<String> notes = new ArrayList<>();
            work.add(resource, work.layout(resource).remove(SourceText.start(element), SourceText.end(element), true));
            for (EObject holder : outermost(referrers.holders)) {
                notes.add("Also removed '" + Descriptions.oneLine(holder) + "' of " + Descriptions.describeHolder(holder)
                        + ", which referred to " + what + ".");
                work.add(holder.eResource(), work.layout(holder.eResource()).remove(SourceText.start(holder), SourceText.end(holder), false));
            }
            for (Links.Link value : referrers.values) {
                if (referrers.holders.stream().anyMatch(holder -> EcoreUtil.isAncestor(holder, value.source()))) {
                    continue;
                }
                ILeafNode keyword = Layout.previousToken(value.source(), SourceText.start(value.node()));
                Resource file = value.source().eResource();
                String where = Descriptions.describeReferrer(value.source()).replaceFirst(":\\d+\\)$", ":" + keyword.getStartLine() + ")");
                notes.add("Also removed '" + keyword.getText() + " " + SourceText.tokens(value.node()) + "' of " + where + ", which referred to "
                        + what + ".");
                work.add(file, work.layout(file).remove(keyword.getTotalOffset(), SourceText.end(value.node()), false));
            }
            Verifier.Expectation gone = new Verifier.Expectation().structureChanges().check(copy -> stillThere(copy, element, what));
            return work.verify("Delete " + what, notes, gone);
        });
    }

    /** The references to an element or its parts from outside it, sorted by what the delete does to them. */
    private static final class Referrers {
        /** Elements to remove with the deleted one (a vNIC, a dependency, a timeline event). */
        final Set<EObject> holders = new LinkedHashSet<>();
        /** Values of list settings to remove ("secret s"). */
        final List<Links.Link> values = new ArrayList<>();
        /** Referrer -> "virtual machine 'web' (a.vinfra:4) is placed on it". */
        final Map<EObject, String> refusals = new LinkedHashMap<>();
    }

    private static Referrers referrers(EObject element) {
        Referrers referrers = new Referrers();
        for (Links.Link link : Links.all(element.eResource().getResourceSet())) {
            if (link.target() == null || !(link.target() == element || EcoreUtil.isAncestor(element, link.target()))
                    || EcoreUtil.isAncestor(element, link.source())) {
                continue;
            }
            switch (DeleteRules.reactionTo(link.feature())) {
                case REMOVE_HOLDER -> referrers.holders.add(link.source());
                case REMOVE_EVENT -> referrers.holders.add(eventOf(link.source()));
                case REMOVE_VALUE -> referrers.values.add(link);
                case REFUSE -> referrers.refusals.putIfAbsent(link.source(),
                        Descriptions.describeReferrer(link.source()) + " " + DeleteRules.dependency(link.feature()));
            }
        }
        return referrers;
    }

    private static EObject eventOf(EObject action) {
        for (EObject current = action; current != null; current = current.eContainer()) {
            if (current instanceof TimedEvent) {
                return current;
            }
        }
        return action;
    }

    /** Refuses, naming each referrer once (a disk of a VM that is itself listed, placed on the host, is not listed again). */
    private static void refuseIfDepended(Map<EObject, String> refusals, String what) {
        if (refusals.isEmpty()) {
            return;
        }
        Set<String> listed = new LinkedHashSet<>();
        for (EObject referrer : outermost(refusals.keySet())) {
            listed.add(refusals.get(referrer));
        }
        throw new Refusal(Descriptions.capitalize(what) + " cannot be deleted: " + (listed.size() == 1 ? "1 element depends"
                : listed.size() + " elements depend") + " on it and would be left broken: " + String.join("; ", listed)
                + ". Move them elsewhere (or delete them) first, then delete " + what + ".");
    }

    /** The elements not contained in another of them. */
    private static List<EObject> outermost(java.util.Collection<EObject> elements) {
        return elements.stream().filter(e -> elements.stream().noneMatch(other -> other != e && EcoreUtil.isAncestor(other, e))).toList();
    }

    /** Null when the copy no longer holds an element of the deleted one's type and qualified name. */
    private String stillThere(ResourceSet copy, EObject element, String what) {
        QualifiedName name = names.qualifiedName(element);
        Resource copied = copy.getResource(element.eResource().getURI(), false);
        if (name == null || copied == null) {
            return null;
        }
        for (var contents = copied.getAllContents(); contents.hasNext();) {
            EObject candidate = contents.next();
            if (candidate.eClass() == element.eClass() && name.equals(names.qualifiedName(candidate))) {
                return what + " is still there";
            }
        }
        return null;
    }
}
