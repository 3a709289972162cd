package dev.muxbar.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ThemeTest {

    /** The themes the issue asks for by name, plus muxbar's own and the terminal's. */
    static final List<String> PROMISED = List.of(
            "catppuccin-mocha",
            "catppuccin-macchiato",
            "catppuccin-frappe",
            "catppuccin-latte",
            "tokyo-night",
            "tokyo-night-storm",
            "tokyo-night-day",
            "gruvbox-dark",
            "gruvbox-light",
            "nord",
            "dracula",
            "solarized-dark",
            "solarized-light",
            "one-dark",
            "one-light",
            "rose-pine",
            "rose-pine-dawn",
            "kanagawa",
            "everforest-dark",
            "everforest-light",
            "github-dark",
            "github-light",
            "ayu",
            "monokai",
            "terminal",
            "default");

    private static Theme parse(String json) {
        return ThemeFile.parse("my.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static IllegalArgumentException broken(String json) {
        return assertThrows(IllegalArgumentException.class, () -> parse(json));
    }

    static final String MINIMAL = "{\"name\":\"mine\",\"colors\":{\"background\":\"#000000\",\"text\":\"#ffffff\","
            + "\"accent\":\"#0000ff\",\"running\":\"#0000ff\",\"waiting\":\"#ffff00\",\"done\":\"#00ff00\",\"error\":\"#ff0000\"}}";

    @Test
    void everyShippedThemeLoadsWithEveryRole() {
        List<String> names = BuiltInThemes.names();
        assertTrue(names.size() >= 26, "at least 24 themes plus default and terminal: " + names);
        assertTrue(
                names.containsAll(PROMISED),
                "missing: " + PROMISED.stream().filter(n -> !names.contains(n)).toList());
        for (String n : names) {
            Theme t = Theme.builtIn(n);
            assertEquals(n, t.name());
            for (String role : Theme.ROLES) {
                t.color(Role.of(role));
            }
            assertTrue(Set.of("dark", "light", "any").contains(t.appearance()), n + ": " + t.appearance());
        }
    }

    @Test
    void onlyTheTerminalThemeUsesTheTerminalsOwnColours() {
        for (String n : BuiltInThemes.names()) {
            assertEquals(!n.equals("terminal"), Theme.builtIn(n).allRgb(), n);
        }
        Theme term = Theme.builtIn("terminal");
        assertEquals(Color.DEFAULT, term.color(Role.BACKGROUND));
        assertEquals(new Color.Ansi(4), term.color(Role.ACCENT));
        assertEquals(new Color.Ansi(9), term.color(Role.INTERRUPTED)); // bright-red
    }

    /**
     * Text on the background and on the cursor row must read (WCAG 4.5 and 4.0); every status, the
     * accent and the muted roles must stand apart from the background (2.0: several published
     * light palettes put their yellow and green there, and the themes stay faithful). Prints the worst pairs.
     */
    @Test
    void contrastOfEveryThemeMeetsTheMinimum() {
        record Pair(String theme, String fg, String bg, double ratio, double min) {}
        List<Pair> pairs = new ArrayList<>();
        for (String n : BuiltInThemes.names()) {
            Theme t = Theme.builtIn(n);
            if (!t.allRgb()) {
                System.out.println("contrast: " + n + " uses the terminal's colours; not judged");
                continue;
            }
            pairs.add(new Pair(n, "text", "background", ratio(t, "text", "background"), 4.5));
            pairs.add(new Pair(n, "text", "cursor", ratio(t, "text", "cursor"), 4.0));
            for (String role : List.of(
                    "muted",
                    "accent",
                    "current",
                    "running",
                    "tool-running",
                    "waiting",
                    "done",
                    "error",
                    "interrupted",
                    "stale",
                    "idle")) {
                pairs.add(new Pair(n, role, "background", ratio(t, role, "background"), 2.0));
            }
        }
        pairs.sort(Comparator.comparingDouble(p -> p.ratio() / p.min()));
        System.out.println("contrast: worst pairs (ratio / minimum):");
        pairs.stream()
                .limit(8)
                .forEach(p -> System.out.printf(
                        "  %-18s %-12s on %-10s %5.2f (min %.1f)%n", p.theme(), p.fg(), p.bg(), p.ratio(), p.min()));
        List<Pair> failing = pairs.stream().filter(p -> p.ratio() < p.min()).toList();
        assertTrue(failing.isEmpty(), "below the minimum: " + failing);
    }

    private static double ratio(Theme t, String fg, String bg) {
        return Rgb.contrast((Rgb) t.color(Role.of(fg)), (Rgb) t.color(Role.of(bg)));
    }

    @Test
    void contrastFollowsWcag() {
        assertEquals(21.0, Rgb.contrast(new Rgb(0, 0, 0), new Rgb(255, 255, 255)), 0.01);
        assertEquals(1.0, Rgb.contrast(new Rgb(9, 9, 9), new Rgb(9, 9, 9)), 0.001);
        assertEquals(4.48, Rgb.contrast(Rgb.parse("#777777"), Rgb.parse("#ffffff")), 0.01);
    }

    @Test
    void optionalRolesAreFilledFromTheRequiredOnes() {
        Theme t = parse(MINIMAL);
        assertEquals("dark", t.appearance(), "judged from the background");
        assertEquals(Rgb.parse("#0000ff"), t.color(Role.CURRENT), "current: the accent");
        assertEquals(Rgb.parse("#0000ff"), t.color(Role.TOOL_RUNNING), "tool-running: running");
        assertEquals(Rgb.parse("#ffff00"), t.color(Role.INTERRUPTED), "interrupted: waiting");
        assertEquals(Rgb.parse("#8c8c8c"), t.color(Role.MUTED), "55% of the way from background to text");
        assertEquals(t.color(Role.MUTED), t.color(Role.STALE));
        assertEquals(Rgb.parse("#242424"), t.color(Role.CURSOR));
        assertEquals("✓", t.glyph("done"), "muxbar's own glyph when the theme has none");
        assertEquals(
                "light", parse(MINIMAL.replace("\"#000000\"", "\"#fafafa\"")).appearance());
    }

    @Test
    void brokenFilesNameTheFileAndField() {
        assertTrue(broken("{nope").getMessage().startsWith("my.json: not valid JSON"));
        assertTrue(broken("[]").getMessage().contains("one JSON object"));
        assertTrue(broken("{\"colors\":{}}").getMessage().contains("field \"name\""));
        assertEquals(
                "my.json: field \"colors.background\" is missing (required: background, text, accent, running, "
                        + "waiting, done, error)",
                broken("{\"name\":\"x\",\"colors\":{}}").getMessage());
        assertEquals(
                "my.json: field \"colors.error\": not a colour: \"reddish\" (use #rrggbb, default, or an ANSI name "
                        + "such as red or bright-blue)",
                broken(MINIMAL.replace("\"#ff0000\"", "\"reddish\"")).getMessage());
        assertTrue(broken(MINIMAL.replace("\"text\"", "\"txet\""))
                .getMessage()
                .startsWith("my.json: field \"colors.txet\" unknown role"));
        assertTrue(broken(MINIMAL.replace("\"name\":\"mine\"", "\"name\":\"My Theme\""))
                .getMessage()
                .startsWith("my.json: field \"name\" must be lower-case"));
        assertTrue(broken(MINIMAL.replace("{\"name\"", "{\"colours\":{},\"name\""))
                .getMessage()
                .startsWith("my.json: field \"colours\" unknown field"));
        assertTrue(broken(MINIMAL.replace("}}", "},\"glyphs\":{\"done\":\"🚀\"}}"))
                .getMessage()
                .startsWith("my.json: field \"glyphs.done\" must be one character one cell wide"));
        assertTrue(broken(MINIMAL.replace("}}", "},\"appearance\":\"dim\"}"))
                .getMessage()
                .contains("field \"appearance\" must be dark, light or any"));
        assertTrue(broken(MINIMAL.replace("\"text\":\"#ffffff\"", "\"text\":\"#ffffff\",\"text\":\"#000000\""))
                .getMessage()
                .contains("Duplicate field 'text'"));
    }

    @Test
    void glyphOverridesAreUsed() {
        Theme t = parse(MINIMAL.replace("}}", "},\"glyphs\":{\"done\":\"✔\",\"spinner\":\"|/-\\\\\"}}"));
        assertEquals("✔", t.glyph("done"));
        assertEquals("|/-\\", t.glyph("spinner"));
    }

    /** The schema documents exactly what the loader accepts. */
    @Test
    void schemaMatchesTheLoader() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(Theme.class.getResourceAsStream("/themes/schema.json"));
        JsonNode colors = schema.path("properties").path("colors");
        assertEquals(new TreeSet<>(Theme.ROLES), names(colors.path("properties")));
        List<String> required = new ArrayList<>();
        colors.path("required").forEach(r -> required.add(r.asText()));
        assertEquals(Theme.REQUIRED, required);
        assertEquals(
                new TreeSet<>(Theme.GLYPHS.keySet()),
                names(schema.path("properties").path("glyphs").path("properties")));
        String pattern = schema.path("$defs").path("color").path("pattern").asText();
        for (String c : List.of("#a0B1c2", "default", "red", "bright-white")) {
            assertTrue(c.matches(pattern), c);
            Color.parse(c);
        }
        assertTrue(!"colour12".matches(pattern));
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new TreeSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void userThemesAddAndOverrideAndBrokenOnesAreNamed() throws Exception {
        Path dir = Files.createTempDirectory("themes");
        try {
            Themes themes = new Themes(dir);
            int builtIns = themes.all().size();
            Files.writeString(dir.resolve("mine.json"), MINIMAL);
            assertEquals(builtIns + 1, themes.all().size(), "a new file counts without a restart");
            assertTrue(themes.all().get("mine").user());
            Files.writeString(dir.resolve("nord.json"), MINIMAL.replace("\"mine\"", "\"nord\""));
            assertEquals(Rgb.parse("#000000"), themes.get("nord").color(Role.BACKGROUND), "a user file overrides");
            Files.writeString(dir.resolve("nord.json"), "{\"name\":\"nord\",\"colors\":{\"text\":1}}");
            assertEquals(Rgb.parse("#2e3440"), themes.get("nord").color(Role.BACKGROUND), "broken: the built-in again");
            assertEquals(
                    List.of(dir.resolve("nord.json") + ": field \"colors.text\" must be a string such as \"#1e1e2e\""),
                    themes.problems());
            Files.writeString(dir.resolve("oops.json"), "{\"name\":\"oops\",\"colors\":{}}");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> themes.get("oops"));
            assertTrue(
                    e.getMessage().startsWith(dir.resolve("oops.json") + ": field \"colors.background\" is missing"),
                    e.getMessage());
            Files.writeString(dir.resolve("other.json"), MINIMAL);
            assertTrue(
                    themes.problems()
                            .contains(dir.resolve("other.json")
                                    + ": field \"name\" must be \"other\" (the file's name), not \"mine\""),
                    themes.problems().toString());
            assertEquals(
                    "no theme called \"nope\" (muxbar themes list shows them)",
                    assertThrows(IllegalArgumentException.class, () -> themes.get("nope"))
                            .getMessage());
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }
}
