package dev.muxbar.sidebar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muxbar.config.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Persists the sidebar settings the user chose (on/off, width) in the state dir. */
final class SidebarStore {

    private final Path path;

    SidebarStore(Path path) {
        this.path = path;
    }

    /** The saved settings, or {@code fallback} when none are saved or the file is unreadable. */
    Planner.Settings load(Planner.Settings fallback) {
        try {
            if (!Files.exists(path)) {
                return fallback;
            }
            JsonNode n = new ObjectMapper().readTree(path.toFile());
            return new Planner.Settings(n.path("enabled").asBoolean(fallback.enabled()),
                    n.path("width").asInt(fallback.width()), fallback.right());
        } catch (IOException e) {
            return fallback;
        }
    }

    void save(Planner.Settings s) throws IOException {
        AtomicFiles.write(path, new ObjectMapper().createObjectNode().put("enabled", s.enabled())
                .put("width", s.width()).toString() + "\n");
    }
}
