package dev.muxbar.daemon;

import dev.muxbar.config.AtomicFiles;
import dev.muxbar.model.Model;
import dev.muxbar.model.Snapshot.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Subscriber that keeps the {@code order} file: line N is {@code <session_id>\t<session_name>} of the
 * Nth shown session. Written by temp file + rename, and only when the content changes.
 */
public final class OrderFile implements Consumer<Model> {

    private final Path path;
    private final Consumer<String> log;
    private String written;

    public OrderFile(Path path, Consumer<String> log) {
        this.path = path;
        this.log = log;
        try {
            written = Files.exists(path) ? Files.readString(path) : null;
        } catch (IOException e) {
            written = null;
        }
    }

    /** The file's content for a list of shown sessions. tmux keeps names escaped, so no tab or newline. */
    public static String render(List<Session> shown) {
        StringBuilder sb = new StringBuilder();
        for (Session s : shown) {
            sb.append(s.id()).append('\t').append(s.name()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public void accept(Model model) {
        String content = render(model.shown());
        if (content.equals(written)) {
            return;
        }
        try {
            AtomicFiles.write(path, content);
            written = content;
        } catch (IOException e) {
            log.accept("cannot write " + path + ": " + e);
        }
    }
}
