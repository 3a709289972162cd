package dev.muxbar.daemon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muxbar.config.AtomicFiles;
import dev.muxbar.state.Model;
import dev.muxbar.state.OrderBook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Persists the {@link OrderBook} (custom order, hidden sessions) as JSON under the state dir so it
 * survives daemon and tmux restarts. Subscriber: writes atomically, only when the book changed.
 */
public final class OrderStore implements Consumer<Model> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path path;
    private final Consumer<String> log;
    private OrderBook written;

    public OrderStore(Path path, Consumer<String> log) {
        this.path = path;
        this.log = log;
    }

    /** Reads the saved book; a missing or unreadable file gives an empty one (and a log line). */
    public OrderBook load() {
        if (!Files.exists(path)) {
            return OrderBook.EMPTY;
        }
        try {
            written = JSON.readValue(path.toFile(), OrderBook.class);
            return written;
        } catch (IOException | RuntimeException e) {
            log.accept("ignoring unreadable " + path + ": " + e.getMessage());
            return OrderBook.EMPTY;
        }
    }

    @Override
    public void accept(Model model) {
        OrderBook book = model.order();
        boolean nothingToKeep = book.custom().isEmpty() && book.hidden().isEmpty();
        if (book.equals(written) || written == null && nothingToKeep && !Files.exists(path)) {
            return; // no file for servers whose order was never customised
        }
        try {
            AtomicFiles.write(path, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(book));
            written = book;
        } catch (IOException e) {
            log.accept("cannot write " + path + ": " + e);
        }
    }
}
