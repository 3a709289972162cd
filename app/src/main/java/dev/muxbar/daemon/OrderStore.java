package dev.muxbar.daemon;

import dev.muxbar.config.AtomicFiles;
import dev.muxbar.config.CorruptFile;
import dev.muxbar.json.Json;
import dev.muxbar.json.Node;
import dev.muxbar.model.Model;
import dev.muxbar.model.OrderBook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Persists the {@link OrderBook} (custom order, hidden sessions) as JSON under the state dir so it
 * survives daemon and tmux restarts. Subscriber: writes atomically, only when the book changed.
 */
public final class OrderStore implements Consumer<Model> {

    private final Path path;
    private final Consumer<String> log;
    private OrderBook written;

    public OrderStore(Path path, Consumer<String> log) {
        this.path = path;
        this.log = log;
    }

    /**
     * Reads the saved book; a missing file gives an empty one; an unreadable one is kept aside
     * ({@link CorruptFile}) before the empty book is used.
     */
    public OrderBook load() {
        if (!Files.exists(path)) {
            return OrderBook.EMPTY;
        }
        try {
            OrderBook b = book(Json.parseStrict(path));
            written = b;
            return b;
        } catch (IOException | RuntimeException e) {
            CorruptFile.keep(path, e, log);
            return OrderBook.EMPTY;
        }
    }

    /** Subscriber: keeps the file in step with books that changed without an edit (sessions gone). */
    @Override
    public void accept(Model model) {
        try {
            write(model.order());
        } catch (IOException e) {
            log.accept("cannot write " + path + ": " + e);
        }
    }

    /** {@link #write} on {@code io}; completes once the book is on disk (an edit is acknowledged then). */
    public java.util.concurrent.CompletableFuture<Void> save(OrderBook book, java.util.concurrent.Executor io) {
        return java.util.concurrent.CompletableFuture.runAsync(
                () -> {
                    try {
                        write(book);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                },
                io);
    }

    /**
     * Writes {@code book} (temp file + rename) unless it is what the file holds; called on one thread
     * (the daemon's io executor), from edits that wait for it and from {@link #accept}.
     */
    public void write(OrderBook book) throws IOException {
        boolean nothingToKeep = book.custom().isEmpty() && book.hidden().isEmpty();
        if (book.equals(written) || written == null && nothingToKeep && !Files.exists(path)) {
            return; // no file for servers whose order was never customised
        }
        AtomicFiles.write(path, Json.pretty(book));
        written = book;
    }

    /** The book a file holds: its four fields (others are ignored), lists of {id, name} entries. */
    static OrderBook book(Node n) throws IOException {
        if (!n.isObject()) {
            throw new IOException("the file holds "
                    + (n.isMissingNode() ? "nothing" : n.kind().name().toLowerCase(java.util.Locale.ROOT))
                    + ", not an order");
        }
        return new OrderBook(
                n.path("serverPid").asLong(),
                n.path("serverStart").asLong(),
                entries(n, "custom"),
                entries(n, "hidden"));
    }

    private static java.util.List<OrderBook.Entry> entries(Node book, String field) throws IOException {
        Node list = book.path(field);
        if (list.isMissingNode() || list.isNull()) {
            return java.util.List.of();
        }
        if (!list.isArray()) {
            throw new IOException("\"" + field + "\" is not a list");
        }
        java.util.List<OrderBook.Entry> out = new java.util.ArrayList<>();
        for (Node e : list) {
            if (!e.isObject() || !e.path("name").isTextual()) {
                throw new IOException("an entry of \"" + field + "\" has no name: " + e);
            }
            out.add(new OrderBook.Entry(e.path("id").asText(""), e.path("name").asText()));
        }
        return java.util.List.copyOf(out);
    }
}
