package dev.muxbar.resume;

import dev.muxbar.config.AtomicFiles;
import dev.muxbar.config.CorruptFile;
import dev.muxbar.json.Json;
import dev.muxbar.json.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The agent memory of one tmux server on disk: {@code agents.json} in its state dir
 * ({@code {"version":1,"agents":[…]}}), written atomically (0600: argv and paths are the user's own).
 * A file that is not one (or of another version) is kept aside with one log line, and nothing is
 * resumed from it; an entry that does not read is left out.
 */
public final class MemoryStore {

    static final int VERSION = 1;

    private final Path file;
    private final Consumer<String> log;

    public MemoryStore(Path file, Consumer<String> log) {
        this.file = file;
        this.log = log;
    }

    public Memory load() {
        if (!Files.exists(file)) {
            return Memory.EMPTY;
        }
        try {
            Node n = Json.parseStrict(file);
            if (n == null
                    || !n.isObject()
                    || n.path("version").asInt(0) != VERSION
                    || !n.path("agents").isArray()) {
                CorruptFile.keep(file, "not an agents file of version " + VERSION, Instant.now(), log);
                return Memory.EMPTY;
            }
            List<Remembered> out = new ArrayList<>();
            for (Node e : n.path("agents")) {
                try {
                    out.add(Remembered.of(e));
                } catch (IllegalArgumentException bad) {
                    log.accept(file + ": an entry left out: " + bad.getMessage());
                }
            }
            return new Memory(out, Set.of()).seen(List.of(), false);
        } catch (IOException e) {
            CorruptFile.keep(file, e, log);
            return Memory.EMPTY;
        }
    }

    public void save(Memory m) throws IOException {
        Files.createDirectories(file.getParent());
        List<Object> list = new ArrayList<>();
        m.entries().forEach(e -> list.add(e.json()));
        AtomicFiles.write(file, Json.object().put("version", VERSION).put("agents", list) + "\n");
    }
}
