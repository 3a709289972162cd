package dev.muxbar.sidebar;

import dev.muxbar.config.AtomicFiles;
import dev.muxbar.config.CorruptFile;
import dev.muxbar.json.Json;
import dev.muxbar.json.Node;
import dev.muxbar.model.Choices;
import dev.muxbar.model.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Persists the sidebar choices (on/off, the kept width) in the state dir: read at start, saved by
 * a model subscriber (on the io thread) whenever they change.
 */
public final class SidebarStore implements Consumer<Model> {

    private final Path path;
    private final Consumer<String> log;

    private boolean savedSidebars;
    private int savedWidth = -1;

    public SidebarStore(Path path, Consumer<String> log) {
        this.path = path;
        this.log = log;
    }

    /**
     * The saved settings, or {@code fallback} when none are saved; an unreadable file is kept aside
     * ({@link CorruptFile}) and the fallback used.
     */
    public Choices load(Choices fallback) {
        Choices c = read(fallback);
        savedSidebars = c.sidebars();
        savedWidth = c.keptWidth();
        return c;
    }

    private Choices read(Choices fallback) {
        if (!Files.exists(path)) {
            return fallback;
        }
        try {
            Node n = Json.parseStrict(path);
            if (n != null && n.isObject()) {
                int width = n.path("width").asInt(fallback.keptWidth());
                return new Choices(
                        n.path("enabled").asBoolean(fallback.sidebars()),
                        width,
                        width,
                        fallback.right(),
                        null,
                        fallback.theme());
            }
            CorruptFile.keep(path, "not a JSON object", Instant.now(), log);
        } catch (IOException e) {
            CorruptFile.keep(path, e, log);
        }
        return fallback;
    }

    /** A new model: saves the choices when they differ from what is saved. */
    @Override
    public void accept(Model m) {
        Choices c = m.choices();
        if (c.sidebars() == savedSidebars && c.keptWidth() == savedWidth) {
            return;
        }
        try {
            AtomicFiles.write(
                    path,
                    Json.object()
                                    .put("enabled", c.sidebars())
                                    .put("width", c.keptWidth())
                                    .toString() + "\n");
            savedSidebars = c.sidebars();
            savedWidth = c.keptWidth();
        } catch (IOException e) {
            log.accept("cannot save sidebar settings: " + e);
        }
    }
}
