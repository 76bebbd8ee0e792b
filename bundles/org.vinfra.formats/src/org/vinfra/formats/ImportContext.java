package org.vinfra.formats;

import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;

/**
 * What every importer needs besides the file: the environment (for compose interpolation), the
 * folder of the model being written (paths in a model are relative to its file; without one they
 * are absolute) and where each imported element comes from, so that a rule of the language the
 * imported model breaks is reported in the file it comes from.
 */
public final class ImportContext {

    private final Map<String, String> environment;
    private final Path modelFolder;
    private final Map<EObject, Position> origins = new IdentityHashMap<>();

    public ImportContext(Map<String, String> environment, Path modelFolder) {
        this.environment = Map.copyOf(environment);
        this.modelFolder = modelFolder == null ? null : modelFolder.toAbsolutePath().normalize();
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** A path for the model: relative to the model's folder ("./data", "../site"), else absolute. */
    public String modelPath(Path absolute) {
        Path normalized = absolute.toAbsolutePath().normalize();
        if (modelFolder == null) {
            return normalized.toString();
        }
        String relative = modelFolder.relativize(normalized).toString().replace('\\', '/');
        if (relative.isEmpty()) {
            return ".";
        }
        return relative.startsWith("..") ? relative : "./" + relative;
    }

    public <T extends EObject> T at(T element, Position position) {
        if (position != null) {
            origins.put(element, position);
        }
        return element;
    }

    /** Where an element (or the nearest of its containers) was read from; null when unknown. */
    public Position origin(EObject element) {
        for (EObject current = element; current != null; current = current.eContainer()) {
            Position position = origins.get(current);
            if (position != null) {
                return position;
            }
        }
        return null;
    }
}
