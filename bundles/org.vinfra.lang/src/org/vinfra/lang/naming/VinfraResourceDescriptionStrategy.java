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
        if (element.eContainer() == null) {
            // the root comes first: whether the file is within the limit of elements after replication
            OverLimit.mark(element, Replicas.total(element) > Limits.elements());
        }
        QualifiedName name = getQualifiedNameProvider().getFullyQualifiedName(element);
        if (name == null) {
            return true;
        }
        String exports = ExportFiles.indexData(element);
        acceptor.accept(exports == null ? EObjectDescription.create(name, element)
                : EObjectDescription.create(name, element, java.util.Map.of(EXPORTS, exports)));
        if (OverLimit.isMarked(EcoreUtil.getRootContainer(element))) {
            return true; // too many replicas to name each: the validation error says so
        }
        for (String replica : Replicas.names(name.getLastSegment(), Replicas.of(element))) {
            acceptor.accept(EObjectDescription.create(name.skipLast(1).append(replica), element));
        }
        // a part of a replicated element is known in each replica too: rack3.eth0
        EObject parent = element.eContainer();
        QualifiedName parentName = parent == null ? null : getQualifiedNameProvider().getFullyQualifiedName(parent);
        if (parentName != null && Replicas.of(parent) != null && name.startsWith(parentName)) {
            QualifiedName rest = name.skipFirst(parentName.getSegmentCount());
            for (String replica : Replicas.names(parentName.getLastSegment(), Replicas.of(parent))) {
                acceptor.accept(EObjectDescription.create(parentName.skipLast(1).append(replica).append(rest), element));
            }
        }
        return true;
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
