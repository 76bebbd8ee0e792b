package org.vinfra.lang.naming;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescription;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.vinfra.lang.model.Replicas;

/**
 * A file's index entry that finds a name without listing every replica name: linking {@code vm v[1..40000] on h}
 * to hosts {@code h[1..20000]} asked for "h", and the whole list of 60,000 replica entries was built to answer it
 * (about 50 ms of a simulate of CloudSim Plus's scenario, before the engine could start).
 *
 * <p>{@link #getExportedObjects(EClass, QualifiedName, boolean)} answers from the named elements alone, working
 * replica names out from their ranges ({@link VinfraResourceDescriptionStrategy.Exported#replicaNamed}); it gives
 * the same entries, in the same order, as Xtext's look-up over the whole list, which the other queries still use.
 */
public class VinfraResourceDescription extends DefaultResourceDescription {

    private static final String NAMES_CACHE_KEY = VinfraResourceDescription.class.getName() + ".names";

    private final VinfraResourceDescriptionStrategy strategy;
    private final IResourceScopeCache cache;

    public VinfraResourceDescription(Resource resource, VinfraResourceDescriptionStrategy strategy, IResourceScopeCache cache) {
        super(resource, strategy, cache);
        this.strategy = strategy;
        this.cache = cache;
    }

    /** Whether the file exports nothing (a scope asks before each look-up): replica names come only with an element's own. */
    @Override
    public boolean isEmpty() {
        return names().all.isEmpty();
    }

    @Override
    public Iterable<IEObjectDescription> getExportedObjects(EClass type, QualifiedName name, boolean ignoreCase) {
        Names names = names();
        List<IEObjectDescription> found = new ArrayList<>(1);
        for (IEObjectDescription candidate : names.find(name, ignoreCase)) {
            if ((ignoreCase || name.equals(candidate.getName())) && (type == null || EcoreUtil2.isAssignableFrom(type, candidate.getEClass()))) {
                found.add(candidate);
            }
        }
        return found;
    }

    /**
     * The entries of {@link #getExportedObjects()} that may name the same as another entry, in the same order: those of the
     * elements whose names are alike ({@link Replicas#withoutDigits}: web1 and web[1..3], rack1.eth0 and rack[1..4].eth0).
     * The others' names, replica names included, are each given once, and are not listed: for hosts h[1..20000], VMs
     * v[1..40000] and workloads w[1..50000], none of the 110,000 names.
     */
    public List<IEObjectDescription> getExportedObjectsThatMayShareAName() {
        List<VinfraResourceDescriptionStrategy.Exported> all = names().all;
        Map<String, Integer> alike = new HashMap<>();
        for (VinfraResourceDescriptionStrategy.Exported exported : all) {
            alike.merge(Replicas.withoutDigits(exported.description().getName().toString()), 1, Integer::sum);
        }
        List<IEObjectDescription> listed = new ArrayList<>();
        for (VinfraResourceDescriptionStrategy.Exported exported : all) {
            if (alike.get(Replicas.withoutDigits(exported.description().getName().toString())) > 1) {
                listed.add(exported.description());
                exported.acceptReplicaNames(listed::add);
            }
        }
        return listed;
    }

    private Names names() {
        return cache == null ? new Names(getResource(), strategy) : cache.get(NAMES_CACHE_KEY, getResource(), () -> new Names(getResource(), strategy));
    }

    /** The named elements of a file, by their lower-case names: what every replica name is worked out from. */
    private static final class Names {
        /** In the order of the file, as the whole list has them. */
        private final List<VinfraResourceDescriptionStrategy.Exported> all = new ArrayList<>();
        private final Map<QualifiedName, List<Integer>> byName = new HashMap<>();

        Names(Resource resource, VinfraResourceDescriptionStrategy strategy) {
            if (resource == null) {
                return;
            }
            // the same walk as DefaultResourceDescription.computeExportedObjects (the strategy never prunes)
            for (java.util.Iterator<EObject> contents = EcoreUtil.getAllProperContents(resource, false); contents.hasNext();) {
                VinfraResourceDescriptionStrategy.Exported exported = strategy.exported(contents.next());
                if (exported != null) {
                    byName.computeIfAbsent(exported.description().getName().toLowerCase(), key -> new ArrayList<>(1)).add(all.size());
                    all.add(exported);
                }
            }
        }

        /**
         * The entries named {@code wanted} ignoring case, in the order of the whole list: an element's own name, or one
         * of its replica names, whose stem (web for web7, rack for rack3 in rack3.eth0) is an element's name.
         */
        List<IEObjectDescription> find(QualifiedName wanted, boolean ignoreCase) {
            QualifiedName lowerCase = wanted.toLowerCase();
            java.util.TreeMap<Integer, IEObjectDescription> found = new java.util.TreeMap<>();
            for (int index : byName.getOrDefault(lowerCase, List.of())) {
                found.put(index, all.get(index).description());
            }
            for (int segment = 0; segment < lowerCase.getSegmentCount(); segment++) {
                String text = lowerCase.getSegment(segment);
                // each split of trailing digits: web12 may be replica 12 of web or replica 2 of web1
                for (int split = text.length() - 1; split > 0 && Character.isDigit(text.charAt(split)); split--) {
                    String stem = text.substring(0, split);
                    QualifiedName element = lowerCase.skipLast(lowerCase.getSegmentCount() - segment).append(stem)
                            .append(lowerCase.skipFirst(segment + 1));
                    for (int index : byName.getOrDefault(element, List.of())) {
                        IEObjectDescription replica = all.get(index).replicaNamed(wanted, ignoreCase);
                        if (replica != null) {
                            found.putIfAbsent(index, replica);
                        }
                    }
                }
            }
            return new ArrayList<>(found.values());
        }
    }
}
