package dev.muxbar.daemon;

import static dev.muxbar.testing.Snapshots.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.muxbar.model.Model;
import dev.muxbar.model.OrderBook;
import dev.muxbar.model.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderFileTest {

    private static Object inode(Path p) throws Exception {
        return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
    }

    @Test
    void writesIdTabNameLinesAndOnlyWhenChanged(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("order");
        OrderFile writer = new OrderFile(f, m -> {});
        Snapshot s = of(1, 1, "$0", "alpha", "$3", "we\\tird|$\"q x 名");
        writer.accept(Model.of(s, OrderBook.EMPTY));
        assertEquals("$0\talpha\n$3\twe\\tird|$\"q x 名\n", Files.readString(f));
        Object first = inode(f);
        writer.accept(Model.of(of(1, 1, "$0", "alpha", "$3", "we\\tird|$\"q x 名"), OrderBook.EMPTY));
        assertEquals(first, inode(f), "unchanged content is not rewritten");
        writer.accept(Model.of(of(1, 1, "$0", "alpha"), OrderBook.EMPTY));
        assertNotEquals(first, inode(f), "a change is a new file renamed into place");
        assertEquals("$0\talpha\n", Files.readString(f));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temp files left behind");
        }
    }

    @Test
    void aRestartedWriterDoesNotRewriteTheSameContent(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("order");
        Files.writeString(f, "$0\talpha\n");
        Object first = inode(f);
        new OrderFile(f, m -> {}).accept(Model.of(of(1, 1, "$0", "alpha"), OrderBook.EMPTY));
        assertEquals(first, inode(f));
    }
}
