package dev.muxbar.theme;

import dev.muxbar.config.AtomicFiles;
import dev.muxbar.config.CorruptFile;
import dev.muxbar.json.Json;
import dev.muxbar.json.JsonObject;
import dev.muxbar.json.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The themes the user picked (picker Enter, {@code muxbar themes set}), one per slot: {@code fixed},
 * or {@code dark}/{@code light} in auto mode. Each pick remembers the tmux option's value at the
 * time ({@code configured}); when the user later writes a different theme into ~/.tmux.conf, the
 * option wins again.
 *
 * <pre>
 * {"fixed":{"name":"nord","configured":""},"light":{"name":"one-light","configured":"github-light"}}
 * </pre>
 */
public final class ThemeStore {

    private final Path path;
    private final Consumer<String> log;

    public ThemeStore(Path path, Consumer<String> log) {
        this.path = path;
        this.log = log;
    }

    /** The theme for {@code slot}: the saved pick if the option is as it was then, else the option, else {@code fallback}. */
    public String resolve(ThemeSlot slot, String option, String fallback) {
        Node saved = read().path(slot.key());
        if (saved.path("name").isTextual()
                && saved.path("configured").asText("").equals(option)) {
            return saved.get("name").asText();
        }
        return option.isEmpty() ? fallback : option;
    }

    /** Saves a pick for {@code slot}, noting the option's current value. */
    public void save(ThemeSlot slot, String name, String option) throws IOException {
        JsonObject root = Json.object();
        read().properties().forEach(e -> root.put(e.getKey(), e.getValue())); // the other slots' picks stay
        root.putObject(slot.key()).put("name", name).put("configured", option);
        AtomicFiles.write(path, root + "\n");
    }

    /** The saved picks; an unreadable file is kept aside ({@link CorruptFile}) and counts as no picks. */
    private Node read() {
        if (!Files.exists(path)) {
            return Node.MISSING;
        }
        try {
            Node n = Json.parse(Files.readString(path));
            if (n.isObject()) {
                return n;
            }
            CorruptFile.keep(path, "not a JSON object", Instant.now(), log);
        } catch (IOException e) {
            CorruptFile.keep(path, e, log);
        }
        return Node.MISSING;
    }
}
