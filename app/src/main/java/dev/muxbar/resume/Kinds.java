package dev.muxbar.resume;

import dev.muxbar.json.Json;
import dev.muxbar.json.Node;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The agent kinds muxbar can bring back: the built-in {@code resume-kinds.json}, then the user's
 * {@code resume.json} in muxbar's config dir (same format; a kind there replaces the built-in one of
 * that name). A kind with a bad field is left out with one log line.
 */
public final class Kinds {

    private final Map<String, Kind> kinds;

    private Kinds(Map<String, Kind> kinds) {
        this.kinds = Map.copyOf(kinds);
    }

    public Optional<Kind> of(String agent) {
        return Optional.ofNullable(kinds.get(agent));
    }

    /** Every environment variable some kind keeps, plus {@code extra} (the user's {@code @muxbar-resume-env}). */
    public Set<String> envNames(List<String> extra) {
        Set<String> out = new HashSet<>(extra);
        kinds.values().forEach(k -> out.addAll(k.env()));
        return out;
    }

    public static Kinds load(Path userFile, Consumer<String> log) {
        Map<String, Kind> m = new LinkedHashMap<>();
        try (InputStream in = Kinds.class.getResourceAsStream("/resume-kinds.json")) {
            if (in == null) {
                throw new IOException("missing from the jar");
            }
            read(Json.parse(in), m, "built-in resume-kinds.json", log);
        } catch (IOException e) {
            log.accept("built-in resume-kinds.json: " + e.getMessage());
        }
        if (userFile != null && Files.isRegularFile(userFile)) {
            try {
                read(Json.parseStrict(userFile), m, userFile.toString(), log);
            } catch (IOException e) {
                log.accept(userFile + " skipped: " + e.getMessage());
            }
        }
        return new Kinds(m);
    }

    private static void read(Node root, Map<String, Kind> into, String where, Consumer<String> log) {
        Node kinds = root.path("kinds");
        for (Iterator<String> names = kinds.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            try {
                into.put(name, kind(name, kinds.path(name)));
            } catch (IllegalArgumentException e) {
                log.accept(where + ": kind " + name + " left out: " + e.getMessage());
            }
        }
    }

    static Kind kind(String name, Node n) {
        if (!name.matches("[a-z][a-z0-9-]{0,30}")) {
            throw new IllegalArgumentException("not an agent name");
        }
        List<String> resume = words(n, "resume");
        if (resume.isEmpty()) {
            throw new IllegalArgumentException("resume: the words that resume it are needed");
        }
        List<String> latest = n.has("latest") ? words(n, "latest") : resume;
        String positionals = n.path("positionals").asText("drop");
        if (!positionals.equals("drop") && !positionals.equals("keep")) {
            throw new IllegalArgumentException("positionals: drop or keep, not " + positionals);
        }
        return new Kind(
                name,
                resume,
                latest,
                Set.copyOf(words(n, "valueFlags")),
                Set.copyOf(words(n, "drop")),
                Set.copyOf(words(n, "subcommands")),
                positionals.equals("keep"),
                words(n, "quit"),
                words(n, "env"),
                n.has("launch") ? words(n, "launch") : List.of(name));
    }

    private static List<String> words(Node n, String field) {
        Node list = n.path(field);
        if (!list.isMissingNode() && !list.isArray()) {
            throw new IllegalArgumentException(field + ": a list of words");
        }
        List<String> out = new ArrayList<>();
        for (Node w : list) {
            String s = w.asText(null);
            if (s == null || s.isEmpty() || s.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException(field + ": every word a non-empty string");
            }
            out.add(s);
        }
        return List.copyOf(out);
    }
}
