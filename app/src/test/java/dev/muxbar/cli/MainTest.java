package dev.muxbar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    private static final List<String> COMMANDS =
            List.of("server", "status", "doctor", "order", "toggle", "uninstall", "hooks", "themes", "version", "help");

    @Test
    void aTypoGetsTheOneNearestCommand() {
        assertEquals("status", Main.nearest("stauts", COMMANDS), "a swap of two letters is one edit");
        assertEquals("themes", Main.nearest("thems", COMMANDS));
        assertEquals("uninstall", Main.nearest("unistall", COMMANDS));
        assertEquals("status", Main.nearest("STATUS", COMMANDS));
        assertNull(Main.nearest("xyzzy", COMMANDS));
        assertEquals(1, Main.distance("stauts", "status"));
    }

    @Test
    void anUnknownCommandSaysSoInOneLine() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new Main())
                .setErr(new PrintWriter(err, true))
                .setParameterExceptionHandler(Main::badArguments)
                .execute("stauts");
        assertEquals(2, code);
        assertEquals(
                "muxbar: no command 'stauts'; did you mean 'muxbar status'? (muxbar --help lists them)",
                err.toString().trim());
        assertTrue(!err.toString().contains("uninstall"));
    }
}
