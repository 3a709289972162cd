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

    private static final Set<String> ALL = Set.of("model", "config", "text", "tmux", "agents", "state", "theme", "hooks",
            "resurrect", "keys", "agentservice", "sidebar", "api", "daemon", "cli");

    static final Map<String, Set<String>> MAY_IMPORT = Map.ofEntries(
            Map.entry("model", Set.of()),
            Map.entry("config", Set.of()),
            Map.entry("text", Set.of()),
            Map.entry("tmux", Set.of("model")),
            Map.entry("agents", Set.of("model", "config")),
            Map.entry("state", Set.of("model", "tmux", "agents")),
            Map.entry("theme", Set.of("config", "text")),
            Map.entry("hooks", Set.of("config")),
            Map.entry("resurrect", Set.of("tmux", "config")),
            Map.entry("keys", Set.of("model", "tmux", "state")),
            Map.entry("agentservice", Set.of("model", "agents", "state", "tmux", "config")),
            Map.entry("sidebar", Set.of("model", "agents", "state", "tmux", "config", "text", "theme")),
            Map.entry("api", Set.of("model", "agents", "state", "tmux", "config")),
            Map.entry("daemon", without(ALL, "cli", "daemon")),
            Map.entry("cli", without(ALL, "cli")));

    private static Set<String> without(Set<String> all, String... out) {
        Set<String> s = new TreeSet<>(all);
        s.removeAll(List.of(out));
        return s;
    }

    @Test
    void everyImportAcrossPackagesIsAllowed() throws IOException {
        Path main = Path.of(System.getProperty("muxbar.root", "..")).resolve("app/src/main/java/dev/muxbar");
        if (!Files.isDirectory(main)) {
            main = Path.of("src/main/java/dev/muxbar");
        }
        Pattern imp = Pattern.compile("^import (?:static )?dev\\.muxbar\\.([a-z]+)\\.", Pattern.MULTILINE);
        List<String> wrong = new ArrayList<>();
        Set<String> packages = new TreeSet<>();
        try (var files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = main.relativize(f).getName(0).toString();
                packages.add(pkg);
                Matcher m = imp.matcher(Files.readString(f));
                while (m.find()) {
                    String to = m.group(1);
                    if (!to.equals(pkg) && !MAY_IMPORT.getOrDefault(pkg, Set.of()).contains(to)) {
                        wrong.add(main.relativize(f) + " imports " + to);
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(ALL), packages, "every package has its rule");
        assertEquals(List.of(), wrong);
    }
}
