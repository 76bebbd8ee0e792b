package org.vinfra.lang.edit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.vinfra.lang.model.Replicas;
import org.vinfra.lang.validation.Messages;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.Replication;

import com.google.inject.Inject;

/** {@link ModelEdits#rename}: the declaration and every reference, segment by segment, replicas included. */
class Renaming {

    @Inject
    private Names names;

    @Inject
    private Verifier verifier;

    /** See {@link ModelEdits#rename}. */
    EditResult rename(EObject element, String newName) {
        return Refusal.run(() -> {
            Resource resource = element.eResource();
            Session work = new Session(resource, verifier);
            EStructuralFeature feature = element.eClass().getEStructuralFeature("name");
            if (!(feature instanceof EAttribute nameAttribute) || !(element.eGet(nameAttribute) instanceof String oldName)) {
                throw new Refusal("Only a named element can be renamed.");
            }
            String kind = Messages.kindOf(element.eClass());
            String why = names.whyNotAName(newName, kind);
            if (why != null) {
                throw new Refusal(why);
            }
            String what = Descriptions.describe(element);
            if (newName.equals(oldName)) {
                return new EditResult.Applied(Map.of(), Descriptions.capitalize(what) + " is already named " + newName, List.of());
            }
            Replication replication = Replicas.of(element);
            String taken = names.whyTaken(resource, Names.namesOf(names.prefixFor(element.eContainer()), newName, replication), element.eClass(),
                    element);
            if (taken != null) {
                throw new Refusal(taken);
            }
            INode declaration = NodeModelUtils.findNodesForFeature(element, nameAttribute).get(0);
            work.add(resource, TextEdit.replace(SourceText.start(declaration), SourceText.end(declaration), newName));
            int references = 0;
            Set<URI> files = new LinkedHashSet<>();
            for (Links.Link link : Links.all(resource.getResourceSet())) {
                if (link.target() == null) {
                    continue;
                }
                List<EObject> chain = namedChain(link.target());
                List<ILeafNode> segments = segments(link.node());
                for (int i = 0; i < segments.size(); i++) {
                    int level = segments.size() - 1 - i;
                    if (level >= chain.size() || chain.get(level) != element) {
                        continue;
                    }
                    ILeafNode segment = segments.get(i);
                    String renamed = renamedSegment(segment.getText(), oldName, newName, replication);
                    if (renamed == null) {
                        throw new Refusal("The reference '" + SourceText.tokens(link.node()) + "' at " + SourceText.location(link.source())
                                + " names " + what + " in a way vinfra cannot rename. Nothing was changed; rename it in the text, or"
                                + " report this with the file.");
                    }
                    work.add(link.source().eResource(), TextEdit.replace(segment.getTotalOffset(), segment.getTotalEndOffset(), renamed));
                    references++;
                    files.add(link.source().eResource().getURI());
                }
            }
            List<String> notes = new ArrayList<>();
            if (references > 0) {
                notes.add("Renamed " + references + (references == 1 ? " reference" : " references") + " in " + files.size()
                        + (files.size() == 1 ? " file" : " files") + ".");
            }
            String key = Links.key(element);
            return work.verify("Rename " + what + " to " + newName, notes, new Verifier.Expectation().check(copy -> {
                EObject copied = Verifier.find(copy, key);
                return copied != null && newName.equals(copied.eGet(copied.eClass().getEStructuralFeature("name"))) ? null
                        : what + " is not named " + newName;
            }));
        });
    }

    /** The element and its named containers, innermost first: the elements the segments of its qualified name stand for. */
    private List<EObject> namedChain(EObject element) {
        List<EObject> chain = new ArrayList<>();
        for (EObject current = element; current != null && !(current instanceof Model); current = current.eContainer()) {
            if (names.qualifiedName(current) != null) {
                chain.add(current);
            }
        }
        return chain;
    }

    /** The name tokens of a reference's text (server1, eno1 in "server1.eno1"). */
    private static List<ILeafNode> segments(INode node) {
        List<ILeafNode> segments = new ArrayList<>();
        for (ILeafNode leaf : node.getLeafNodes()) {
            if (!leaf.isHidden() && !(leaf.getGrammarElement() instanceof Keyword keyword && ".".equals(keyword.getValue()))) {
                segments.add(leaf);
            }
        }
        return segments;
    }

    /** web -> app, web3 -> app3 (a replica within the range); null when the text is neither. */
    private static String renamedSegment(String text, String oldName, String newName, Replication replication) {
        String name = text.startsWith("^") ? text.substring(1) : text;
        if (name.equals(oldName)) {
            return newName;
        }
        if (replication != null && name.startsWith(oldName)) {
            String number = name.substring(oldName.length());
            if (number.matches("[1-9][0-9]{0,8}")) {
                int replica = Integer.parseInt(number);
                if (replica >= replication.getFirst() && replica <= replication.getLast()) {
                    return newName + number;
                }
            }
        }
        return null;
    }
}
