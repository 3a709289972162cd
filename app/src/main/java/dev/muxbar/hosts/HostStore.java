package dev.muxbar.hosts;

import dev.muxbar.config.AtomicFiles;
import dev.muxbar.config.CorruptFile;
import dev.muxbar.json.Json;
import dev.muxbar.json.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The hosts the user added ({@code muxbar hosts add}): one file for all tmux servers of the user,
 * {@code ~/.local/state/muxbar/hosts.json} ({@code {"version":1,"hosts":["devbox", …]}}), written
 * atomically, at most {@link #MAX_HOSTS}; a file that cannot be read is kept aside and an empty list
 * used.
 */
public final class HostStore {

    public static final int MAX_HOSTS = 64;

    private final Path file;
    private final Consumer<String> log;

    public HostStore(Path file, Consumer<String> log) {
        this.file = file;
        this.log = log;
    }

    /** The file's place: {@code ${XDG_STATE_HOME:-~/.local/state}/muxbar/hosts.json}. */
    public static Path file(java.util.Map<String, String> env) {
        String xdg = env.getOrDefault("XDG_STATE_HOME", "");
        Path base = xdg.isEmpty()
                ? dev.muxbar.config.Paths.home(env).resolve(".local").resolve("state")
                : Path.of(xdg);
        return base.resolve("muxbar").resolve("hosts.json");
    }

    /** The hosts in the order they were added. */
    public List<Host> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            Node n = Json.parseStrict(file);
            if (n == null || !n.isObject() || !n.path("hosts").isArray()) {
                CorruptFile.keep(file, "not a hosts file", Instant.now(), log);
                return List.of();
            }
            Set<Host> out = new LinkedHashSet<>();
            for (Node h : n.path("hosts")) {
                try {
                    if (out.size() < MAX_HOSTS) {
                        out.add(new Host(h.asText("")));
                    }
                } catch (IllegalArgumentException e) {
                    log.accept("hosts file: left out " + e.getMessage());
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            CorruptFile.keep(file, e, log);
            return List.of();
        }
    }

    /** Adds a host; false when it was there already. */
    public boolean add(Host h) throws IOException {
        List<Host> now = new ArrayList<>(load());
        if (now.contains(h)) {
            return false;
        }
        if (now.size() >= MAX_HOSTS) {
            throw new IOException("at most " + MAX_HOSTS + " hosts: remove one first");
        }
        now.add(h);
        save(now);
        return true;
    }

    /** Removes a host; false when it was not there. */
    public boolean remove(Host h) throws IOException {
        List<Host> now = new ArrayList<>(load());
        if (!now.remove(h)) {
            return false;
        }
        save(now);
        return true;
    }

    private void save(List<Host> hosts) throws IOException {
        Files.createDirectories(file.getParent());
        List<String> names = hosts.stream().map(Host::name).toList();
        AtomicFiles.write(
                file, Json.object().put("version", 1).put("hosts", names).toString() + "\n");
    }
}
