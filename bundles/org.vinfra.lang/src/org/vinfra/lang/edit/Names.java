package org.vinfra.lang.edit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.naming.IQualifiedNameConverter;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.vinfra.lang.model.Replicas;
import org.vinfra.lang.services.VinfraGrammarAccess;
import org.vinfra.lang.validation.Messages;
import org.vinfra.lang.vinfra.Import;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.Replication;
import org.vinfra.lang.vinfra.VinfraPackage;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Names for edits: which words may be names (the grammar's {@code ValidID}), which names are taken
 * where an element would be seen, a free name for a new element, and the text by which a file
 * refers to an element.
 */
@Singleton
class Names {

    /** The grammar's ID terminal, without the '^' escape (new names are written plainly). */
    private static final Pattern ID = Pattern.compile("[a-zA-Z_][a-zA-Z_0-9-]*");

    @Inject
    private IQualifiedNameProvider qualifiedNames;

    @Inject
    private IQualifiedNameConverter nameConverter;

    @Inject
    private IScopeProvider scopes;

    @Inject
    private IResourceDescription.Manager descriptions;

    private final Set<String> allowedKeywords;
    private final Set<String> reservedKeywords;

    @Inject
    Names(VinfraGrammarAccess grammar) {
        allowedKeywords = new TreeSet<>();
        for (Keyword keyword : GrammarUtil.containedKeywords(grammar.getValidIDRule())) {
            allowedKeywords.add(keyword.getValue());
        }
        reservedKeywords = new TreeSet<>();
        for (String keyword : GrammarUtil.getAllKeywords(grammar.getGrammar())) {
            if (ID.matcher(keyword).matches() && !allowedKeywords.contains(keyword)) {
                reservedKeywords.add(keyword);
            }
        }
    }

    /** Why {@code name} cannot name an element, or null when it can. */
    String whyNotAName(String name, String kind) {
        if (name == null || name.isBlank()) {
            return "A " + kind + " needs a name: letters, digits, '_' and '-', starting with a letter (e.g. web1).";
        }
        if (!ID.matcher(name).matches()) {
            return "'" + name + "' is not a name: a name is made of letters, digits, '_' and '-', and starts with a letter or '_' (no spaces,"
                    + " dots or other signs), so that references can find it. Write e.g. " + suggestion(name) + ".";
        }
        if (reservedKeywords.contains(name)) {
            return "'" + name + "' is a keyword of the language, so it cannot be a name: the parser would read it as the start of a"
                    + " setting. Keywords that make natural names may be used (" + String.join(", ", allowedKeywords)
                    + "); choose another name, e.g. " + name + "1 or my-" + name + ".";
        }
        return null;
    }

    private static String suggestion(String name) {
        String cleaned = name.strip().replaceAll("[^a-zA-Z_0-9-]+", "-").replaceAll("^[^a-zA-Z_]+", "").replaceAll("-+$", "");
        return cleaned.isEmpty() ? "web1" : cleaned;
    }

    boolean isName(String text) {
        return ID.matcher(text).matches() && !reservedKeywords.contains(text);
    }

    QualifiedName qualifiedName(EObject element) {
        return qualifiedNames.getFullyQualifiedName(element);
    }

    /** The qualified name of what will contain a new element ({@code null} at the top level). */
    QualifiedName prefixFor(EObject container) {
        return container == null || container instanceof Model ? null : qualifiedNames.getFullyQualifiedName(container);
    }

    /** The names an element is known by: its own and, when replicated, each replica's. */
    static Set<QualifiedName> namesOf(QualifiedName prefix, String name, Replication replication) {
        Set<QualifiedName> names = new LinkedHashSet<>();
        QualifiedName base = prefix == null ? QualifiedName.EMPTY : prefix;
        names.add(base.append(name));
        for (String replica : Replicas.names(name, replication)) {
            names.add(base.append(replica));
        }
        return names;
    }

    /**
     * The files where a name declared in {@code resource} is seen: the file itself, the files it imports
     * and the loaded files that import it.
     */
    List<Resource> neighbourhood(Resource resource) {
        Set<Resource> result = new LinkedHashSet<>();
        result.add(resource);
        if (resource.getResourceSet() == null) {
            return new ArrayList<>(result);
        }
        result.addAll(imported(resource));
        for (Resource other : List.copyOf(resource.getResourceSet().getResources())) {
            if (other != resource && imported(other).contains(resource)) {
                result.add(other);
            }
        }
        return new ArrayList<>(result);
    }

    /** The loaded files that {@code resource} imports. */
    static List<Resource> imported(Resource resource) {
        List<Resource> imported = new ArrayList<>();
        if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Model model) || resource.getResourceSet() == null) {
            return imported;
        }
        for (Import anImport : model.getImports()) {
            if (anImport.getImportURI() == null) {
                continue;
            }
            URI uri = URI.createURI(anImport.getImportURI()).resolve(resource.getURI());
            Resource other = resource.getResourceSet().getResource(uri, false);
            if (other != null) {
                imported.add(other);
            }
        }
        return imported;
    }

    /**
     * Why an element of type {@code type} could not take the names {@code names} in {@code resource}, or
     * null when it can. A name is taken when an element that a reference could confuse with this one
     * (the same type, or two types one reference accepts, such as a host and a VM for 'on') answers to
     * it in a file where it would be seen. {@code self} (and what it contains) does not count: it is
     * the element being renamed.
     */
    String whyTaken(Resource resource, Set<QualifiedName> names, EClass type, EObject self) {
        for (Resource visible : neighbourhood(resource)) {
            for (IEObjectDescription description : descriptions.getResourceDescription(visible).getExportedObjects()) {
                if (!names.contains(description.getName())) {
                    continue;
                }
                EObject other = description.getEObjectOrProxy();
                if (other.eIsProxy()) {
                    other = EcoreUtil.resolve(other, resource);
                }
                if (self != null && (other == self || EcoreUtil.isAncestor(self, other))) {
                    continue;
                }
                if (!confusable(type, other.eClass())) {
                    continue;
                }
                String replicated = Replicas.of(other) != null ? " (a replicated element also answers to the name of each replica)" : "";
                return "The name '" + description.getName() + "' is taken: " + Messages.describe(other) + " at " + SourceText.location(other)
                        + " already answers to it" + replicated + ". References find elements by name, so two elements that a reference"
                        + " could mean must not share one. Choose another name.";
            }
        }
        return null;
    }

    /** The types a reference of the language accepts (Host, Machine, Runnable, Network...). */
    private static final Set<EClass> REFERENCE_TYPES = referenceTypes();

    private static Set<EClass> referenceTypes() {
        Set<EClass> types = new HashSet<>();
        for (EClassifier classifier : VinfraPackage.eINSTANCE.getEClassifiers()) {
            if (classifier instanceof EClass eClass) {
                for (EReference reference : eClass.getEReferences()) {
                    if (!reference.isContainment() && !reference.isContainer()) {
                        types.add(reference.getEReferenceType());
                    }
                }
            }
        }
        return types;
    }

    /** Whether one reference could mean an element of either type. */
    static boolean confusable(EClass a, EClass b) {
        if (a == b) {
            return true;
        }
        for (EClass type : REFERENCE_TYPES) {
            if (type.isSuperTypeOf(a) && type.isSuperTypeOf(b)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first of prefix1, prefix2, ... that no element answers to in the files where a new element of
     * {@code resource} would be seen (replicas count: with web[1..20] declared, "web" gives web21).
     */
    String freeName(Resource resource, String prefix) {
        Set<String> used = new HashSet<>();
        for (Resource visible : neighbourhood(resource)) {
            for (IEObjectDescription description : descriptions.getResourceDescription(visible).getExportedObjects()) {
                used.add(description.getName().getLastSegment());
            }
        }
        for (int i = 1;; i++) {
            String candidate = prefix + i;
            if (!used.contains(candidate) && isName(candidate)) {
                return candidate;
            }
        }
    }

    /**
     * The text by which a reference {@code reference} written in {@code context} finds {@code target} (or
     * its replica {@code replica}): the shortest qualified name the scope resolves to it, e.g. "server1",
     * "rack3", "shop.backend" outside compose shop and "backend" inside it. Null when the target is not
     * visible from there (its file is not imported).
     */
    String referenceText(EObject context, EReference reference, EObject target, Integer replica) {
        QualifiedName full = qualifiedNames.getFullyQualifiedName(target);
        if (full == null) {
            return null;
        }
        if (replica != null) {
            full = full.skipLast(1).append(full.getLastSegment() + replica);
        }
        IScope scope = scopes.getScope(context, reference);
        for (int segments = 1; segments <= full.getSegmentCount(); segments++) {
            QualifiedName candidate = full.skipFirst(full.getSegmentCount() - segments);
            IEObjectDescription found = scope.getSingleElement(candidate);
            if (found != null) {
                EObject element = found.getEObjectOrProxy();
                if (element.eIsProxy()) {
                    element = EcoreUtil.resolve(element, context);
                }
                if (element == target) {
                    return nameConverter.toString(candidate);
                }
            }
        }
        return null;
    }
}
