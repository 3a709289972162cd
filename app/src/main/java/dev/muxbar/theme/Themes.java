package dev.muxbar.theme;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every theme a user can pick: the built-ins, then {@code ~/.config/muxbar/themes/*.json}, which add
 * themes or override built-ins of the same name. The user dir is read again whenever its listing
 * (names, sizes, modification times) changed, so new and edited files count without a restart. A
 * broken user file is left out and reported; a built-in of the same name stays available.
 */
public final class Themes {

    /** A theme and where it came from. */
    public record Entry(Theme theme, boolean user, Path file) {}

    private final Path userDir;
    private Map<String, Entry> builtIns;
    private List<String> fingerprint;
    private State state = new State(Map.of(), List.of());

    /** What one reading of the built-ins and the user dir gave: themes by name, and the files left out. */
    private record State(Map<String, Entry> all, List<String> problems) {}

    public Themes(Path userDir) {
        this.userDir = userDir;
    }

    public Path userDir() {
        return userDir;
    }

    /** All themes by name, sorted; re-reads the user dir if it changed. */
    public Map<String, Entry> all() {
        return state().all();
    }

    /** Messages for user theme files that were left out (empty when all are fine). */
    public List<String> problems() {
        return state().problems();
    }

    /**
     * The theme called {@code name}. Throws {@link IllegalArgumentException} with a message for the
     * user: the broken user file's own error, or that no such theme exists.
     */
    public Theme get(String name) {
        State now = state();
        Entry e = now.all().get(name);
        if (e != null) {
            return e.theme();
        }
        // A string, not Path.resolve: a name is any text (a NUL makes resolve throw).
        String prefix = userDir + java.io.File.separator + name + ".json:";
        for (String p : now.problems()) {
            if (p.startsWith(prefix)) {
                throw new BrokenTheme(p);
            }
        }
        throw new NoSuchTheme("no theme called \"" + name + "\" (muxbar themes list shows them)");
    }

    /**
     * Whether {@code name} could name a theme at all: a user theme is a file's name, so no control
     * character, no {@code /}, at most 100 characters. Input that is not is refused before it
     * reaches the loop.
     */
    public static boolean plausibleName(String name) {
        if (name.isEmpty() || name.length() > 100 || name.indexOf('/') >= 0) {
            return false;
        }
        return name.chars().noneMatch(Character::isISOControl);
    }

    /** No theme has the name asked for. */
    public static final class NoSuchTheme extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NoSuchTheme(String message) {
            super(message);
        }
    }

    /** The user's file for the name asked for does not load. */
    public static final class BrokenTheme extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BrokenTheme(String message) {
            super(message);
        }
    }

    /** The themes as of now: the user dir is listed (one stat per file) and read again only if it changed. */
    private synchronized State state() {
        if (builtIns == null) {
            Map<String, Entry> b = new LinkedHashMap<>();
            for (String n : BuiltInThemes.names()) {
                b.put(n, new Entry(BuiltInThemes.load(n), false, null));
            }
            builtIns = b;
        }
        List<String> now = listing();
        if (!now.equals(fingerprint)) {
            fingerprint = now;
            Map<String, Entry> merged = new TreeMap<>(builtIns);
            List<String> broken = new ArrayList<>();
            for (Path f : userFiles()) {
                try {
                    Entry e = readUser(f);
                    merged.put(e.theme().name(), e);
                } catch (IllegalArgumentException | IOException ex) {
                    broken.add(ex instanceof IOException ? f + ": cannot read: " + ex.getMessage() : ex.getMessage());
                }
            }
            state = new State(java.util.Collections.unmodifiableMap(merged), List.copyOf(broken));
        }
        return state;
    }

    /** Reads one user file; its name must be the file's name. */
    static Entry readUser(Path f) throws IOException {
        String stem = f.getFileName().toString().replaceFirst("\\.json$", "");
        Theme t;
        try (InputStream in = Files.newInputStream(f)) {
            t = ThemeFile.parse(f.toString(), in);
        }
        if (!t.name().equals(stem)) {
            throw new IllegalArgumentException(
                    f + ": field \"name\" must be \"" + stem + "\" (the file's name), not \"" + t.name() + "\"");
        }
        return new Entry(t, true, f);
    }

    private List<Path> userFiles() {
        if (!Files.isDirectory(userDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(userDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")
                            && !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private List<String> listing() {
        List<String> out = new ArrayList<>();
        for (Path f : userFiles()) {
            try {
                out.add(f.getFileName() + " " + Files.size(f) + " "
                        + Files.getLastModifiedTime(f).toMillis());
            } catch (IOException e) {
                out.add(f.getFileName() + " ?");
            }
        }
        return out;
    }
}
