package dev.muxbar.theme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.muxbar.config.AtomicFiles;
import dev.muxbar.config.CorruptFile;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    public ThemeStore(Path path, Consumer<String> log) {
        this.path = path;
        this.log = log;
    }

    /** The theme for {@code slot}: the saved pick if the option is as it was then, else the option, else {@code fallback}. */
    public String resolve(ThemeSlot slot, String option, String fallback) {
        JsonNode saved = read().path(slot.key());
        if (saved.path("name").isTextual() && saved.path("configured").asText("").equals(option)) {
            return saved.get("name").asText();
        }
        return option.isEmpty() ? fallback : option;
    }

    /** Saves a pick for {@code slot}, noting the option's current value. */
    public void save(ThemeSlot slot, String name, String option) throws IOException {
        ObjectNode root = read();
        root.putObject(slot.key()).put("name", name).put("configured", option);
        AtomicFiles.write(path, root.toString() + "\n");
    }

    /** The saved picks; an unreadable file is kept aside ({@link CorruptFile}) and counts as no picks. */
    private ObjectNode read() {
        if (!Files.exists(path)) {
            return JSON.createObjectNode();
        }
        try {
            if (JSON.readTree(path.toFile()) instanceof ObjectNode o) {
                return o;
            }
            CorruptFile.keep(path, "not a JSON object", Instant.now(), log);
        } catch (IOException e) {
            CorruptFile.keep(path, e, log);
        }
        return JSON.createObjectNode();
    }
}
