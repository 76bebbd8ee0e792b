package org.vinfra.lang.validation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.URIConverter;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.validation.Check;
import org.vinfra.lang.model.Limits;
import org.vinfra.lang.model.Replicas;
import org.vinfra.lang.naming.VinfraResourceDescription;
import org.vinfra.lang.vinfra.Import;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.Replication;
import org.vinfra.lang.vinfra.VinfraPackage.Literals;

import com.google.inject.Inject;

/** Names, imports, replication ranges and settings written twice. */
public class StructureValidator extends VinfraCheck {

    @Inject
    private IResourceDescription.Manager descriptions;

    @Check
    public void namesAreUnique(Model model) {
        Resource resource = model.eResource();
        if (resource == null) {
            return;
        }
        Map<List<Object>, EObject> first = new HashMap<>();
        Set<EObject> reported = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        IResourceDescription file = descriptions.getResourceDescription(resource);
        // names no other element's are alike are given once: only the others are listed (the 110,000 names of a data centre, none)
        Iterable<IEObjectDescription> named = file instanceof VinfraResourceDescription vinfra ? vinfra.getExportedObjectsThatMayShareAName()
                : file.getExportedObjects();
        for (IEObjectDescription description : named) {
            EObject element = description.getEObjectOrProxy();
            EObject earlier = first.putIfAbsent(List.of(description.getName(), cluster(description.getEClass())), element);
            if (earlier != null && earlier != element) {
                for (EObject clash : List.of(earlier, element)) {
                    if (reported.add(clash)) {
                        EStructuralFeature name = clash.eClass().getEStructuralFeature("name");
                        error("The name '" + description.getName() + "' is given to more than one element. References find elements by"
                                + " name, so each name must be unique (a replicated element such as web[1..3] also takes the names web1,"
                                + " web2, web3). Rename one of them.", clash, name, IssueCodes.DUPLICATE_NAME, description.getName().toString());
                    }
                }
            }
        }
    }

    /**
     * References are typed, so only names of one kind can clash: a volume and a service may share a
     * name, but a host and a VM may not (both are machines a container can be placed on).
     */
    private static EClass cluster(EClass type) {
        return Literals.MACHINE.isSuperTypeOf(type) ? Literals.MACHINE : type;
    }

    @Check
    public void importExists(Import anImport) {
        String text = anImport.getImportURI();
        Resource resource = anImport.eResource();
        if (text == null || text.isBlank() || resource == null) {
            return;
        }
        URI uri = URI.createURI(text).resolve(resource.getURI());
        URIConverter converter = resource.getResourceSet() != null ? resource.getResourceSet().getURIConverter() : URIConverter.INSTANCE;
        if (!converter.exists(uri, null)) {
            error("The imported file '" + text + "' does not exist (looked for " + (uri.isFile() ? uri.toFileString() : uri.toString()) + "). An import path is relative"
                    + " to the importing file; correct the path or create the file.", anImport, Literals.IMPORT__IMPORT_URI,
                    IssueCodes.IMPORT_NOT_FOUND);
        }
    }

    @Check
    public void replicationIsNotEmpty(Replication replication) {
        if (replication.getLast() < replication.getFirst()) {
            error("The range [" + replication.getFirst() + ".." + replication.getLast() + "] is empty: it declares no replica. Write the"
                    + " smaller number first, e.g. [1..20] declares 20 replicas numbered 1 to 20.", replication, null,
                    IssueCodes.EMPTY_REPLICATION);
        }
    }

    @Check
    public void replicationIsWithinLimit(Replication replication) {
        long size = Replicas.size(replication);
        if (size > Limits.elements()) {
            error("The range [" + replication.getFirst() + ".." + replication.getLast() + "] declares " + size + " replicas; vinfra expands at"
                    + " most " + Limits.elements() + " elements after replication (" + Limits.ELEMENTS_PROPERTY + "), so that checking,"
                    + " simulating and drawing stay within memory. Declare fewer replicas, or raise the limit with -D"
                    + Limits.ELEMENTS_PROPERTY + "=N (docs/diagnostics.md).", replication, null, IssueCodes.TOO_MANY_ELEMENTS);
        }
    }

    /** The file as a whole: its hosts, VMs, containers and workloads after replication. */
    @Check
    public void modelIsWithinLimit(Model model) {
        long limit = Limits.elements();
        if (Replicas.total(model) <= limit) {
            return;
        }
        long total = 0;
        for (TreeIterator<EObject> contents = model.eAllContents(); contents.hasNext();) {
            EObject element = contents.next();
            Replication replication = Replicas.of(element);
            if (replication == null) {
                continue;
            }
            long size = Replicas.size(replication);
            total += size;
            if (total > limit && size <= limit) {
                error("With this range the file declares more than " + limit + " hosts, VMs, containers and workloads after replication;"
                        + " vinfra expands at most " + limit + " per file (" + Limits.ELEMENTS_PROPERTY + "), so none of its replicas are"
                        + " named. Declare fewer replicas, split the model into files, or raise the limit with -D"
                        + Limits.ELEMENTS_PROPERTY + "=N (docs/diagnostics.md).", replication, null, IssueCodes.TOO_MANY_ELEMENTS);
                return;
            }
        }
    }

    /** A setting such as 'memory' may be written once per block; the parser would keep only the last one. */
    @Check
    public void settingsAreWrittenOnce(Model model) {
        TreeIterator<EObject> contents = model.eAllContents();
        while (contents.hasNext()) {
            EObject element = contents.next();
            ICompositeNode node = NodeModelUtils.getNode(element);
            if (node == null) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (INode child : node.getChildren()) {
                Assignment assignment = GrammarUtil.containingAssignment(child.getGrammarElement());
                if (assignment == null || "+=".equals(assignment.getOperator())) {
                    continue;
                }
                if (!seen.add(assignment.getFeature())) {
                    EStructuralFeature feature = element.eClass().getEStructuralFeature(assignment.getFeature());
                    getMessageAcceptor().acceptError("'" + assignment.getFeature() + "' is set more than once in this block; only one value"
                            + " can hold, so the earlier one would be silently lost. Keep the one you mean and delete the other.",
                            element, child.getOffset(), child.getLength(), IssueCodes.DUPLICATE_SETTING,
                            feature == null ? null : feature.getName());
                }
            }
        }
    }
}
