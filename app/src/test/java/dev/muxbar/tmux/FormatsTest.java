package dev.muxbar.tmux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void templateStartsWithRecordSeparatorAndSeparatesFields() {
        assertEquals("\u001e#{a}\u001f#{b}", Formats.template(List.of("a", "b")));
    }

    @Test
    void commandLinesAreSingleLinesWithoutShellExpansionCharacters() {
        java.util.List<String> all = new java.util.ArrayList<>(Formats.refreshCommands());
        all.add(Formats.processCommand());
        for (String c : all) {
            assertFalse(c.contains("\n"));
            // "$" inside double quotes would be expanded by tmux's parser as an environment variable.
            assertFalse(c.contains("$"), c);
        }
        assertEquals(all.size(), Formats.refreshArgv().size(), "argv form = refresh commands + process scan");
    }
}
