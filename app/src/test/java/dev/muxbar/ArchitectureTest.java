package dev.muxbar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Who may import whom (docs/ARCHITECTURE.md): read from the sources, so a new import across the
 * layers fails here instead of growing a cycle. Each package's package-info.java says the same.
 */
class ArchitectureTest {

    private static final Set<String> ALL = Set.of(
            "model",
            "config",
            "text",
            "tty",
            "json",
            "tmux",
            "agents",
            "state",
            "theme",
            "hooks",
            "resurrect",
            "keys",
            "agentservice",
            "act",
            "events",
            "hosts",
            "resume",
            "sidebar",
            "sidebar.render",
            "sidebar.view",
            "sidebar.pane",
            "api",
            "web",
            "daemon",
            "cli");

    static final Map<String, Set<String>> MAY_IMPORT = Map.ofEntries(
            Map.entry("model", Set.of()),
            Map.entry("config", Set.of()),
            Map.entry("text", Set.of()),
            Map.entry("tty", Set.of()),
            Map.entry("json", Set.of()),
            Map.entry("tmux", Set.of("model")),
            Map.entry("agents", Set.of("model", "config", "json")),
            Map.entry("state", Set.of("model", "tmux", "agents", "theme")),
            Map.entry("theme", Set.of("config", "text", "json")),
            Map.entry("hooks", Set.of("config")),
            Map.entry("resurrect", Set.of("tmux", "config")),
            Map.entry("keys", Set.of("model", "tmux", "state")),
            Map.entry("agentservice", Set.of("model", "agents", "state", "tmux", "config", "json")),
            Map.entry("act", Set.of("model", "agents", "tmux", "config")),
            Map.entry("events", Set.of("model", "state", "tmux", "config", "json")),
            Map.entry("hosts", Set.of("model", "config", "json", "tmux", "act", "agents")),
            Map.entry("resume", Set.of("model", "agents", "tmux", "config", "json", "act")),
            // The sidebars: pure drawing blocks, then pure view modes (keys and frames), then the ttys,
            // and the lifecycle and input on top; nothing below reaches up.
            Map.entry("sidebar.render", Set.of("model", "agents", "text", "theme")),
            Map.entry("sidebar.view", Set.of("sidebar.render", "model", "agents", "text", "theme", "act")),
            Map.entry("sidebar.pane", Set.of("sidebar.render", "sidebar.view", "model", "state", "tty")),
            Map.entry(
                    "sidebar",
                    Set.of(
                            "sidebar.render",
                            "sidebar.view",
                            "sidebar.pane",
                            "model",
                            "agents",
                            "state",
                            "tmux",
                            "config",
                            "text",
                            "theme",
                            "act",
                            "tty",
                            "json")),
            Map.entry("api", Set.of("model", "agents", "state", "tmux", "config", "theme", "act", "events", "json")),
            Map.entry("web", Set.of("model", "state", "events", "act", "theme", "config", "json")),
            Map.entry("daemon", without(ALL, "cli", "daemon")),
            Map.entry("cli", without(ALL, "cli")));

    /** tmux's commands: a string literal that starts with one is tmux command text. */
    private static final Pattern TMUX_TEXT = Pattern.compile("\"(attach-session|bind-key|break-pane|capture-pane|"
            + "detach-client|display-message|display-menu|display-popup|has-session|if-shell|join-pane|kill-pane|"
            + "kill-server|kill-session|kill-window|last-pane|last-window|link-window|list-buffers|list-clients|"
            + "list-keys|list-panes|list-sessions|list-windows|move-pane|move-window|new-session|new-window|"
            + "pipe-pane|refresh-client|rename-session|rename-window|resize-pane|resize-window|respawn-pane|"
            + "run-shell|select-layout|select-pane|select-window|send-keys|set-environment|set-hook|set-option|"
            + "show-environment|show-hooks|show-options|source-file|split-window|swap-pane|swap-window|"
            + "switch-client|unbind-key|wait-for)[ \"]");

    /**
     * One gateway talks to tmux: nothing outside {@code tmux/} writes tmux command text (the
     * benchmark harnesses, which drive tmux as a user would, live in the bench module).
     */
    @Test
    void noTmuxCommandTextOutsideTheGateway() throws IOException {
        Path main = mainSources();
        List<String> found = new ArrayList<>();
        try (var files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String rel = main.relativize(f).toString();
                if (rel.startsWith("tmux/")) {
                    continue;
                }
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = TMUX_TEXT.matcher(lines.get(i));
                    if (m.find()
                            && !lines.get(i).strip().startsWith("*")
                            && !lines.get(i).strip().startsWith("//")) {
                        found.add(rel + ":" + (i + 1) + " " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    private static Path mainSources() {
        Path main = Path.of(System.getProperty("muxbar.root", "..")).resolve("app/src/main/java/dev/muxbar");
        return Files.isDirectory(main) ? main : Path.of("src/main/java/dev/muxbar");
    }

    private static Set<String> without(Set<String> all, String... out) {
        Set<String> s = new TreeSet<>(all);
        s.removeAll(List.of(out));
        return s;
    }

    /**
     * jackson-databind stays out of the daemon: its ~430 classes cost the long-lived process about
     * 4 MB (package {@code json} says why). The CLI and {@code hooks} (which edits the user's Claude
     * settings from the CLI) may use it.
     */
    @Test
    void onlyTheCliUsesJacksonDatabind() throws IOException {
        Path main = mainSources();
        List<String> found = new ArrayList<>();
        try (var files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String rel = main.relativize(f).toString();
                if (!rel.startsWith("cli/")
                        && !rel.startsWith("hooks/")
                        && Files.readString(f).contains("com.fasterxml.jackson.databind")) {
                    found.add(rel);
                }
            }
        }
        assertEquals(List.of(), found);
    }

    /**
     * Every reference across packages follows the rules: imports, and fully qualified names in code
     * ({@code dev.muxbar.config.AgentDirs.of(…)}), which an import-only check would not see. Comments
     * and string literals are not references.
     */
    @Test
    void everyReferenceAcrossPackagesIsAllowed() throws IOException {
        Path main = mainSources();
        Pattern imp = Pattern.compile("(?<![\\w.])dev\\.muxbar\\.([a-z]+(?:\\.[a-z]+)*)\\.[A-Z*]");
        List<String> wrong = new ArrayList<>();
        Set<String> packages = new TreeSet<>();
        try (var files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path dir = main.relativize(f).getParent();
                String pkg = dir.toString().replace('/', '.');
                packages.add(pkg);
                Matcher m = imp.matcher(code(Files.readString(f)));
                while (m.find()) {
                    String to = m.group(1);
                    if (!to.equals(pkg)
                            && !MAY_IMPORT.getOrDefault(pkg, Set.of()).contains(to)) {
                        wrong.add(main.relativize(f) + " uses " + to);
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(ALL), packages, "every package has its rule");
        assertEquals(List.of(), wrong);
    }

    /** The source without comments, string and char literals (each replaced by a space). */
    static String code(String java) {
        StringBuilder out = new StringBuilder(java.length());
        int i = 0;
        while (i < java.length()) {
            char c = java.charAt(i);
            if (java.startsWith("//", i)) {
                int end = java.indexOf('\n', i);
                i = end < 0 ? java.length() : end;
            } else if (java.startsWith("/*", i)) {
                int end = java.indexOf("*/", i + 2);
                i = end < 0 ? java.length() : end + 2;
            } else if (java.startsWith("\"\"\"", i)) {
                int end = java.indexOf("\"\"\"", i + 3);
                i = end < 0 ? java.length() : end + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < java.length() && java.charAt(j) != c && java.charAt(j) != '\n') {
                    j += java.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else {
                out.append(c);
                i++;
                continue;
            }
            out.append(' ');
        }
        return out.toString();
    }

    @Test
    void referencesInCommentsAndStringsAreNotCode() {
        assertEquals("a   b   c  \n", code("a \"dev.muxbar.cli.X\" b /* dev.muxbar.cli */ c // dev.muxbar.cli.Y\n"));
        assertEquals("x   y", code("x 'd' y"));
    }
}
