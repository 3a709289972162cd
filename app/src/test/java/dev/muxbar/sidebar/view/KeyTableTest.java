package dev.muxbar.sidebar.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KeyTableTest {

    @Test
    void eachStrokeFindsItsBinding() {
        assertEquals(KeyTable.MOVE, KeyTable.of(new KeyStroke(KeyType.ArrowUp)));
        assertEquals(KeyTable.REORDER, KeyTable.of(new KeyStroke(KeyType.ArrowUp, false, true)));
        assertEquals(KeyTable.SWITCH, KeyTable.of(new KeyStroke('\n', false, false)), "Enter through icrnl");
        assertEquals(KeyTable.ROW, KeyTable.of(new KeyStroke('7', false, false)));
        assertEquals(KeyTable.LEAVE, KeyTable.of(new KeyStroke(KeyType.Escape)));
        assertEquals(KeyTable.NEXT, KeyTable.of(new KeyStroke(KeyType.ReverseTab)));
        assertNull(KeyTable.of(new KeyStroke('d', false, true)), "M-d is not d");
        assertNull(KeyTable.of(new KeyStroke('z', false, false)));
        assertEquals(
                KeyTable.values().length + 1, KeyTable.help().size(), "one help row per binding, and how to close it");
    }

    /** README's key list is the table's: change the table, and README shows it. */
    @Test
    void readmeListsTheKeysOfTheTable() throws Exception {
        Path readme = Path.of(System.getProperty("muxbar.root", "..")).resolve("README.md");
        String text = Files.readString(readme);
        assertTrue(
                text.contains(KeyTable.markdown()), "README's sidebar key table should read:\n" + KeyTable.markdown());
    }
}
