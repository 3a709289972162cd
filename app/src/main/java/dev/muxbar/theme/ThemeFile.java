package dev.muxbar.theme;

import dev.muxbar.json.Json;
import dev.muxbar.json.Node;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates one theme file ({@code themes/schema.json} documents the format):
 *
 * <pre>
 * { "name": "nord", "appearance": "dark", "colors": { "background": "#2e3440", … },
 *   "glyphs": { "done": "✔" } }
 * </pre>
 *
 * Errors name the file and the field ({@code nord.json: field "colors.text": not a colour: …}).
 * Optional roles missing from the file are filled from the others ({@link #FILLS}).
 */
public final class ThemeFile {
    private ThemeFile() {}

    /** Theme names: what a file may be called and what the CLI and tmux option accept. */
    public static final String NAME = "[a-z0-9][a-z0-9-]{0,39}";

    private static final Set<String> TOP_LEVEL =
            Set.of("$schema", "name", "description", "appearance", "source", "colors", "glyphs");

    /**
     * How an optional role is filled when a file leaves it out: {@code from} moved {@code amount} toward
     * {@code toward} (both 24-bit), else {@code from} itself. In order: later fills may use earlier ones.
     */
    record Fill(String role, String from, String toward, double amount) {}

    static final List<Fill> FILLS = List.of(
            new Fill("muted", "background", "text", 0.55),
            new Fill("surface", "background", "text", 0.06),
            new Fill("cursor", "background", "text", 0.14),
            new Fill("border", "background", "text", 0.25),
            new Fill("current", "accent", "accent", 0),
            new Fill("tool-running", "running", "running", 0),
            new Fill("interrupted", "waiting", "waiting", 0),
            new Fill("stale", "muted", "muted", 0),
            new Fill("idle", "muted", "muted", 0));

    /** Parses and validates a theme; {@code source} names it in errors. */
    public static Theme parse(String source, InputStream in) {
        Node root;
        try {
            root = Json.parseStrict(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    source + ": not valid JSON: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
        if (root == null || !root.isObject()) {
            throw error(source, null, "the file must hold one JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!TOP_LEVEL.contains(f)) {
                throw error(
                        source,
                        f,
                        "unknown field (expected one of " + String.join(", ", new java.util.TreeSet<>(TOP_LEVEL))
                                + ")");
            }
        }
        String name = text(source, root, "name", true);
        if (!name.matches(NAME)) {
            throw error(
                    source, "name", "must be lower-case letters, digits and dashes (at most 40), not \"" + name + "\"");
        }
        String description = text(source, root, "description", false);
        String appearance = text(source, root, "appearance", false);
        if (!appearance.isEmpty() && !List.of("dark", "light", "any").contains(appearance)) {
            throw error(source, "appearance", "must be dark, light or any, not \"" + appearance + "\"");
        }
        text(source, root, "source", false);
        Map<String, Color> colors = colors(source, root.get("colors"));
        Map<String, String> glyphs = glyphs(source, root.get("glyphs"));
        if (appearance.isEmpty()) {
            appearance = colors.get("background") instanceof Rgb bg && bg.luminance() > 0.4 ? "light" : "dark";
        }
        return new Theme(name, description, appearance, colors, glyphs);
    }

    private static Map<String, Color> colors(String source, Node node) {
        if (node == null || !node.isObject()) {
            throw error(source, "colors", "must be an object of role → colour");
        }
        Map<String, Color> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : node.properties()) {
            String field = "colors." + e.getKey();
            if (!Theme.ROLES.contains(e.getKey())) {
                throw error(source, field, "unknown role (roles: " + String.join(", ", Theme.ROLES) + ")");
            }
            if (!e.getValue().isTextual()) {
                throw error(source, field, "must be a string such as \"#1e1e2e\"");
            }
            try {
                out.put(e.getKey(), Color.parse(e.getValue().asText()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(source + ": field \"" + field + "\": " + ex.getMessage(), ex);
            }
        }
        for (String role : Theme.REQUIRED) {
            if (!out.containsKey(role)) {
                throw error(
                        source, "colors." + role, "is missing (required: " + String.join(", ", Theme.REQUIRED) + ")");
            }
        }
        for (Fill f : FILLS) {
            if (!out.containsKey(f.role())) {
                Color from = out.get(f.from());
                out.put(
                        f.role(),
                        from instanceof Rgb a && out.get(f.toward()) instanceof Rgb b && f.amount() > 0
                                ? a.mix(b, f.amount())
                                : from);
            }
        }
        return out;
    }

    private static Map<String, String> glyphs(String source, Node node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!node.isObject()) {
            throw error(source, "glyphs", "must be an object of glyph name → character");
        }
        for (Map.Entry<String, Node> e : node.properties()) {
            String field = "glyphs." + e.getKey();
            if (!Theme.GLYPHS.containsKey(e.getKey())) {
                throw error(source, field, "unknown glyph (glyphs: " + String.join(", ", Theme.GLYPHS.keySet()) + ")");
            }
            String g = e.getValue().isTextual() ? e.getValue().asText() : "";
            boolean spinner = e.getKey().equals("spinner");
            int count = g.codePointCount(0, g.length());
            if (!Theme.oneCellEach(g) || !spinner && count != 1 || count > 16) {
                throw error(
                        source,
                        field,
                        spinner
                                ? "must be 1 to 16 characters, each one cell wide"
                                : "must be one character one cell wide (not \"" + g + "\")");
            }
            out.put(e.getKey(), g);
        }
        return out;
    }

    private static String text(String source, Node root, String field, boolean required) {
        Node v = root.get(field);
        if (v == null && !required) {
            return "";
        }
        if (v == null || !v.isTextual()) {
            throw error(source, field, required ? "must be a string" : "must be a string when given");
        }
        return v.asText();
    }

    private static IllegalArgumentException error(String source, String field, String what) {
        return new IllegalArgumentException(source + ": " + (field == null ? "" : "field \"" + field + "\" ") + what);
    }
}
