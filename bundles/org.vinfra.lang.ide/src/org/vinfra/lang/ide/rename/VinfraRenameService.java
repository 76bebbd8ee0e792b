package org.vinfra.lang.ide.rename;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.eclipse.xtext.ide.server.rename.IRenameService2;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.IReferenceDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;
import org.eclipse.xtext.util.SimpleAttributeResolver;
import org.vinfra.lang.edit.EditResult;
import org.vinfra.lang.edit.ModelEdits;
import org.vinfra.lang.model.Replicas;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.Replication;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Rename for the language server and the Eclipse editor, with {@link ModelEdits#rename} (one concept, one place): the
 * declaration and every reference, in every file of the workspace that refers to the element, change by what they
 * resolve to, so meaning is kept; a reference to a replica ({@code rack1} of {@code host rack[1..4]}) names its group,
 * so renaming it renames the group and the reference becomes {@code newname1}.
 *
 * <p>prepareRename answers the range to rename and the current name as placeholder: the whole name, or for a replica the
 * group's part of it ({@code rack} in {@code rack1}); in a qualified reference ({@code server1.eno1}) the segment under the
 * cursor. A position with nothing to rename, or a rename the model cannot take (the name is taken, not a name...), fails
 * with a message that says why.
 */
public class VinfraRenameService implements IRenameService2 {

    @Inject
    private ModelEdits edits;

    @Inject
    private EObjectAtOffsetHelper elementsAtOffset;

    @Inject
    private ResourceDescriptionsProvider indexes;

    @Inject
    private UriExtensions uris;

    @Inject
    private Provider<XtextResourceSet> resourceSets;

    /** What a position names: the element to rename, the text range of its name there, and that name. */
    record Target(EObject element, int start, int end, String name) {
    }

    @Override
    public Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior> prepareRename(PrepareRenameOptions options) {
        ILanguageServerAccess access = options.getLanguageServerAccess();
        String uri = options.getParams().getTextDocument().getUri();
        return await(access.doRead(uri, context -> {
            Document document = context.getDocument();
            Target target = targetAt((XtextResource) context.getResource(), document.getOffSet(options.getParams().getPosition()));
            if (target == null || target.name() == null) { // a name the parser could not read has no value (a fuzz finding)
                throw nothingToRename();
            }
            return Either3.<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>forSecond(new PrepareRenameResult(
                    new Range(document.getPosition(target.start()), document.getPosition(target.end())), target.name()));
        }));
    }

    @Override
    public WorkspaceEdit rename(Options options) {
        ILanguageServerAccess access = options.getLanguageServerAccess();
        String uri = options.getRenameParams().getTextDocument().getUri();
        return await(access.doRead(uri, context -> {
            XtextResource current = (XtextResource) context.getResource();
            int offset = context.getDocument().getOffSet(options.getRenameParams().getPosition());
            Target named = targetAt(current, offset);
            if (named == null || named.name() == null) {
                throw nothingToRename();
            }
            // The model edits work on a plain resource set of the files' current texts (open documents as they are in the
            // editor): the declaring file, this file, and every file of the workspace that refers to the declaring file.
            Set<URI> files = new LinkedHashSet<>();
            files.add(current.getURI());
            URI declaredIn = named.element().eResource().getURI();
            files.add(declaredIn);
            files.addAll(referringFiles(indexes.getResourceDescriptions(access.newLiveScopeResourceSet(current.getURI())), declaredIn));
            XtextResourceSet resources = resourceSets.get();
            for (URI file : files) {
                Resource open = current.getResourceSet().getResource(file, true);
                XtextResource copy = (XtextResource) resources.createResource(file);
                try {
                    copy.load(new ByteArrayInputStream(ModelEdits.textOf(open).getBytes(StandardCharsets.UTF_8)), resources.getLoadOptions());
                } catch (IOException e) {
                    throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InternalError, file.lastSegment() + " could not be read: "
                            + e.getMessage(), null));
                }
            }
            Target target = targetAt((XtextResource) resources.getResource(current.getURI(), false), offset);
            if (target == null) {
                throw nothingToRename();
            }
            EditResult result = edits.rename(target.element(), options.getRenameParams().getNewName());
            if (result instanceof EditResult.Refused refused) {
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed, refused.reason(), null));
            }
            Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
            ((EditResult.Applied) result).edits().forEach((file, fileEdits) -> {
                Document text = new Document(0, ModelEdits.textOf(resources.getResource(file, false)));
                List<TextEdit> converted = new ArrayList<>();
                for (org.vinfra.lang.edit.TextEdit edit : fileEdits) {
                    converted.add(new TextEdit(new Range(text.getPosition(edit.offset()), text.getPosition(edit.end())), edit.newText()));
                }
                changes.put(uris.toUriString(file), converted);
            });
            return new WorkspaceEdit(changes);
        }));
    }

    /** The files of the index that refer to anything in {@code file} (so that their references follow the rename). */
    private static Set<URI> referringFiles(IResourceDescriptions index, URI file) {
        Set<URI> referring = new LinkedHashSet<>();
        for (IResourceDescription description : index.getAllResourceDescriptions()) {
            for (IReferenceDescription reference : description.getReferenceDescriptions()) {
                if (reference.getTargetEObjectUri() != null && file.equals(reference.getTargetEObjectUri().trimFragment())) {
                    referring.add(description.getURI());
                    break;
                }
            }
        }
        return referring;
    }

    /** The element named at an offset (in its declaration or in a reference), or null. */
    Target targetAt(XtextResource resource, int offset) {
        if (resource.getParseResult() == null) {
            return null;
        }
        INode root = resource.getParseResult().getRootNode();
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(root, offset);
        if ((leaf == null || leaf.isHidden() || !isNameToken(leaf)) && offset > 0) {
            leaf = NodeModelUtils.findLeafNodeAtOffset(root, offset - 1);
        }
        if (leaf == null || leaf.isHidden() || !isNameToken(leaf)) {
            return null;
        }
        INode reference = crossReferenceOf(leaf);
        if (reference == null) {
            EObject declared = NodeModelUtils.findActualSemanticObjectFor(leaf);
            EStructuralFeature name = declared == null ? null : declared.eClass().getEStructuralFeature("name");
            if (!(name instanceof EAttribute) || declared instanceof Model) {
                return null;
            }
            for (INode node : NodeModelUtils.findNodesForFeature(declared, name)) {
                if (node.getOffset() <= leaf.getOffset() && leaf.getEndOffset() <= node.getEndOffset()) {
                    return new Target(declared, leaf.getOffset(), leaf.getEndOffset(), (String) declared.eGet(name));
                }
            }
            return null;
        }
        EObject referenced = elementsAtOffset.resolveCrossReferencedElementAt(resource, leaf.getOffset());
        if (referenced == null || referenced.eIsProxy()) {
            return null;
        }
        List<ILeafNode> segments = new ArrayList<>();
        for (ILeafNode each : reference.getLeafNodes()) {
            if (!each.isHidden() && !(each.getGrammarElement() instanceof Keyword keyword && ".".equals(keyword.getValue()))) {
                segments.add(each);
            }
        }
        List<EObject> chain = new ArrayList<>();
        for (EObject current = referenced; current != null && !(current instanceof Model); current = current.eContainer()) {
            if (SimpleAttributeResolver.NAME_RESOLVER.apply(current) != null) {
                chain.add(current);
            }
        }
        int level = segments.size() - 1 - segments.indexOf(leaf);
        if (level < 0 || level >= chain.size()) {
            return null;
        }
        EObject element = chain.get(level);
        String name = SimpleAttributeResolver.NAME_RESOLVER.apply(element);
        String text = leaf.getText();
        int start = leaf.getOffset() + (text.startsWith("^") ? 1 : 0);
        String written = text.startsWith("^") ? text.substring(1) : text;
        if (written.equals(name)) {
            return new Target(element, start, leaf.getEndOffset(), name);
        }
        Replication replication = Replicas.of(element);
        if (replication != null && written.startsWith(name) && written.substring(name.length()).matches("[0-9]+")) {
            return new Target(element, start, start + name.length(), name);
        }
        return null;
    }

    private static boolean isNameToken(ILeafNode leaf) {
        String text = leaf.getText();
        return !text.isEmpty() && (Character.isLetter(text.charAt(0)) || text.charAt(0) == '_' || text.charAt(0) == '^');
    }

    private static INode crossReferenceOf(ILeafNode leaf) {
        for (INode node = leaf; node != null; node = node.getParent()) {
            if (node.getGrammarElement() instanceof CrossReference) {
                return node;
            }
            if (node.getSemanticElement() != leaf.getSemanticElement()) {
                return null;
            }
        }
        return null;
    }

    private static ResponseErrorException nothingToRename() {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                "Nothing to rename here: put the cursor on the name of an element (where it is declared, or in a reference to it).", null));
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ResponseErrorException answer) {
                throw answer;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
