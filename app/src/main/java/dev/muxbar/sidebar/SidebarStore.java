package dev.muxbar.sidebar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muxbar.config.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import dev.muxbar.config.CorruptFile;

/** Persists the sidebar settings the user chose (on/off, width) in the state dir. */
final class SidebarStore {

    private final Path path;
    private final Consumer<String> log;

    SidebarStore(Path path, Consumer<String> log) {
        this.path = path;
        this.log = log;
    }

    /**
     * The saved settings, or {@code fallback} when none are saved; an unreadable file is kept aside
     * ({@link CorruptFile}) and the fallback used.
     */
    Planner.Settings load(Planner.Settings fallback) {
        if (!Files.exists(path)) {
            return fallback;
        }
        try {
            JsonNode n = new ObjectMapper().readTree(path.toFile());
            if (n != null && n.isObject()) {
                return new Planner.Settings(n.path("enabled").asBoolean(fallback.enabled()),
                        n.path("width").asInt(fallback.width()), fallback.right());
            }
            CorruptFile.keep(path, "not a JSON object", Instant.now(), log);
        } catch (IOException e) {
            CorruptFile.keep(path, e, log);
        }
        return fallback;
    }

    void save(Planner.Settings s) throws IOException {
        AtomicFiles.write(path, new ObjectMapper().createObjectNode().put("enabled", s.enabled())
                .put("width", s.width()).toString() + "\n");
    }
}
