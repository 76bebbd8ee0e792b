package org.vinfra.formats;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The output of an export: relative path to content, in path order, so that writing and comparing
 * are deterministic. Nothing touches the disk until {@link OutputWriter} writes it.
 */
public final class GeneratedFiles {

    private final TreeMap<String, String> files = new TreeMap<>();
    private final java.util.Set<String> executables = new java.util.TreeSet<>();

    /**
     * @throws IllegalStateException when two elements would write the same file
     */
    public void add(String path, String content) {
        if (files.putIfAbsent(path, content) != null) {
            throw new IllegalStateException("two elements export to the same file " + path + "; give them different names");
        }
    }

    public void addExecutable(String path, String content) {
        add(path, content);
        executables.add(path);
    }

    public Map<String, String> files() {
        return Collections.unmodifiableMap(files);
    }

    public boolean isExecutable(String path) {
        return executables.contains(path);
    }

    public String get(String path) {
        return files.get(path);
    }

    public int size() {
        return files.size();
    }
}
