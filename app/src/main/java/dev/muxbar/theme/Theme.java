package dev.muxbar.theme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A theme: one colour per semantic role. Every role in {@link #ROLES} is required; a broken file is
 * rejected with a message naming the file and the field.
 */
public record Theme(String name, Map<String, Rgb> colors) {

    /** The roles a theme defines (agent statuses included). */
    public static final List<String> ROLES = List.of("background", "surface", "text", "muted", "accent",
            "current", "cursor", "border", "running", "tool-running", "waiting", "done", "error",
            "interrupted", "stale", "idle");

    public Theme {
        colors = Map.copyOf(colors);
    }

    public Rgb color(String role) {
        Rgb c = colors.get(role);
        if (c == null) {
            throw new IllegalArgumentException("theme " + name + " has no role " + role);
        }
        return c;
    }

    /** The built-in default theme from the jar. */
    public static Theme builtIn(String name) {
        String resource = "/themes/" + name + ".json";
        try (InputStream in = Theme.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in theme " + name);
            }
            return parse(resource, in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    /** Parses and validates a theme file; {@code source} names it in errors. */
    public static Theme parse(String source, InputStream in) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (root == null || !root.path("name").isTextual()) {
            throw new IllegalArgumentException(source + ": field \"name\" must be a string");
        }
        JsonNode colors = root.path("colors");
        Map<String, Rgb> out = new LinkedHashMap<>();
        for (String role : ROLES) {
            JsonNode v = colors.path(role);
            if (!v.isTextual()) {
                throw new IllegalArgumentException(source + ": field \"colors." + role + "\" is missing");
            }
            try {
                out.put(role, Rgb.parse(v.asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": field \"colors." + role + "\": " + e.getMessage(), e);
            }
        }
        return new Theme(root.get("name").asText(), out);
    }
}
