package org.vinfra.lang.naming;

import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionStrategy;
import org.eclipse.xtext.util.IAcceptor;
import org.vinfra.lang.model.ExportFiles;
import org.vinfra.lang.model.Limits;
import org.vinfra.lang.model.Replicas;
import org.vinfra.lang.vinfra.Replication;

/**
 * Exports every named element by its qualified name and, for a replicated element such as
 * {@code vm web[1..3]}, also by the name of each replica (web1, web2, web3), and its parts by
 * the name of each replica too (rack3.eth0 for NIC eth0 of host rack[1..4]). The entry of an element that
 * exports files says which ({@link #EXPORTS}).
 */
public class VinfraResourceDescriptionStrategy extends DefaultResourceDescriptionStrategy {

    /**
     * The user data of an element that exports files: {@link ExportFiles#indexData}, so that the files of other models can be
     * checked for clashes without loading them.
     */
    public static final String EXPORTS = "exports";

    @Override
    public boolean createEObjectDescriptions(EObject element, IAcceptor<IEObjectDescription> acceptor) {
        Exported exported = exported(element);
        if (exported != null) {
            acceptor.accept(exported.description());
            exported.acceptReplicaNames(acceptor);
        }
        return true;
    }

    /**
     * The entry of a named element and what its replica names derive from (null for an element without a name):
     * {@link #createEObjectDescriptions} lists them all, {@link VinfraResourceDescription} answers a name without listing them.
     */
    Exported exported(EObject element) {
        if (element.eContainer() == null) {
            // the root comes first: whether the file is within the limit of elements after replication
            OverLimit.mark(element, Replicas.total(element) > Limits.elements());
        }
        QualifiedName name = getQualifiedNameProvider().getFullyQualifiedName(element);
        if (name == null) {
            return null;
        }
        String exports = ExportFiles.indexData(element);
        IEObjectDescription description = exports == null ? EObjectDescription.create(name, element)
                : EObjectDescription.create(name, element, java.util.Map.of(EXPORTS, exports));
        if (OverLimit.isMarked(EcoreUtil.getRootContainer(element))) {
            return new Exported(description, null, null, null); // too many replicas to name each: the validation error says so
        }
        // a part of a replicated element is known in each replica too: rack3.eth0
        EObject parent = element.eContainer();
        QualifiedName parentName = parent == null || Replicas.of(parent) == null ? null : getQualifiedNameProvider().getFullyQualifiedName(parent);
        boolean part = parentName != null && name.startsWith(parentName);
        return new Exported(description, Replicas.of(element), part ? parentName : null, part ? Replicas.of(parent) : null);
    }

    /**
     * A named element's entry; its replicas (web1 .. web20 for web[1..20]) when {@code replication} is set; and, when
     * {@code parentName} is set, its names in each replica of its replicated parent (rack3.eth0 for eth0 of rack[1..4]).
     */
    record Exported(IEObjectDescription description, Replication replication, QualifiedName parentName, Replication parentReplication) {

        /** The replica names, in order: the element's own replicas, then its names in its parent's replicas. */
        void acceptReplicaNames(IAcceptor<IEObjectDescription> acceptor) {
            QualifiedName name = description.getName();
            for (String replica : Replicas.names(name.getLastSegment(), replication)) {
                acceptor.accept(EObjectDescription.create(name.skipLast(1).append(replica), description.getEObjectOrProxy()));
            }
            if (parentName != null) {
                QualifiedName rest = name.skipFirst(parentName.getSegmentCount());
                for (String replica : Replicas.names(parentName.getLastSegment(), parentReplication)) {
                    acceptor.accept(EObjectDescription.create(parentName.skipLast(1).append(replica).append(rest), description.getEObjectOrProxy()));
                }
            }
        }

        /** The entry {@link #acceptReplicaNames} gives {@code wanted} (compared ignoring case or not), or null. */
        IEObjectDescription replicaNamed(QualifiedName wanted, boolean ignoreCase) {
            QualifiedName name = description.getName();
            if (wanted.getSegmentCount() != name.getSegmentCount()) {
                return null;
            }
            Integer own = sameSegments(wanted.skipLast(1), name.skipLast(1), ignoreCase)
                    ? Replicas.replicaNumber(name.getLastSegment(), replication, wanted.getLastSegment(), ignoreCase) : null;
            if (own != null) {
                return EObjectDescription.create(name.skipLast(1).append(Replicas.name(name.getLastSegment(), own)), description.getEObjectOrProxy());
            }
            if (parentName != null) {
                int at = parentName.getSegmentCount() - 1;
                Integer parents = sameSegments(wanted.skipLast(wanted.getSegmentCount() - at), parentName.skipLast(1), ignoreCase)
                        && sameSegments(wanted.skipFirst(at + 1), name.skipFirst(at + 1), ignoreCase)
                                ? Replicas.replicaNumber(parentName.getLastSegment(), parentReplication, wanted.getSegment(at), ignoreCase) : null;
                if (parents != null) {
                    return EObjectDescription.create(parentName.skipLast(1).append(Replicas.name(parentName.getLastSegment(), parents))
                            .append(name.skipFirst(at + 1)), description.getEObjectOrProxy());
                }
            }
            return null;
        }

        private static boolean sameSegments(QualifiedName one, QualifiedName other, boolean ignoreCase) {
            return ignoreCase ? one.equalsIgnoreCase(other) : one.equals(other);
        }
    }

    /** Marks the root of a file that has more elements after replication than {@link Limits#elements()}. */
    private static final class OverLimit extends AdapterImpl {
        static void mark(EObject root, boolean over) {
            root.eAdapters().removeIf(OverLimit.class::isInstance);
            if (over) {
                root.eAdapters().add(new OverLimit());
            }
        }

        static boolean isMarked(EObject root) {
            return EcoreUtil.getExistingAdapter(root, OverLimit.class) != null;
        }

        @Override
        public boolean isAdapterForType(Object type) {
            return type == OverLimit.class;
        }
    }
}
