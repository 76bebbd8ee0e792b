package org.vinfra.diagram.server.glsp;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.vinfra.diagram.layout.Point;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The positions the user gave elements by moving them: kept in the layout sidecar next to the first
 * model file ({@code MODEL.vinfra.layout.json}), keyed by element id, relative to the parent.
 */
public final class Pinning {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private Pinning() {
    }

    /** The sidecar of a model file: {@code lab.vinfra} gives {@code lab.vinfra.layout.json}. */
    public static Path sidecarOf(Path modelFile) {
        return modelFile.resolveSibling(modelFile.getFileName() + ".layout.json");
    }

    /** The positions in a sidecar's text (empty for null or unreadable text: the layout decides then). */
    public static Map<String, Point> read(String text) {
        Map<String, Point> positions = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return positions;
        }
        try {
            JsonElement root = JsonParser.parseString(text);
            JsonObject object = root.getAsJsonObject();
            JsonObject entries = object.has("positions") ? object.getAsJsonObject("positions") : object;
            for (Map.Entry<String, JsonElement> entry : entries.entrySet()) {
                if (entry.getValue().isJsonObject()) {
                    JsonObject point = entry.getValue().getAsJsonObject();
                    if (point.has("x") && point.has("y")) {
                        positions.put(entry.getKey(), new Point(point.get("x").getAsDouble(), point.get("y").getAsDouble()));
                    }
                }
            }
        } catch (RuntimeException e) {
            // a damaged sidecar only loses the pinned positions
        }
        return positions;
    }

    /** The sidecar's text for these positions (rounded to whole pixels, in the order given). */
    public static String write(Map<String, Point> positions) {
        JsonObject entries = new JsonObject();
        positions.forEach((id, point) -> {
            JsonObject p = new JsonObject();
            p.addProperty("x", Math.round(point.x()));
            p.addProperty("y", Math.round(point.y()));
            entries.add(id, p);
        });
        JsonObject root = new JsonObject();
        root.addProperty("version", 1);
        root.add("positions", entries);
        return GSON.toJson(root) + "\n";
    }
}
