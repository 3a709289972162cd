package dev.muxbar.tmux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TmuxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every text quoted with {@link TmuxQuote#q} reaches a real tmux byte for byte: session names, agent
 * titles and messages hold quotes, {@code ;}, {@code #{…}}, {@code #(…)}, {@code $}, {@code ~},
 * backslashes, newlines, control characters and unicode. Fuzzed with a fixed seed.
 */
class TmuxQuoteIT {

    private static final String NASTY = "'\"\\;#{}()$~|` \t\n\r\u0001\u001b\u007f\u0085é🚀漢-_=%&<>*?!";

    @TempDir
    Path tmp;

    private final Teardown cleanup = new Teardown();
    private TmuxServer tmux;

    @AfterEach
    void tearDown() {
        cleanup.close();
    }

    private static List<String> samples() {
        List<String> out = new ArrayList<>(List.of(
                "",
                "'",
                "it's",
                "a'b'c",
                "''",
                "\\",
                "\\'",
                "#{session_name}",
                "#(touch /tmp/muxbar-pwned)",
                "$HOME",
                "~/x",
                "a;kill-server",
                "line\nbreak",
                "end\\",
                "-t",
                "\"q\"",
                "tab\there",
                "\u0085next",
                "#",
                "##",
                "x #{?1,a,b}"));
        int[] nasty = NASTY.codePoints().toArray();
        Random r = new Random(20261201L);
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(12);
            for (int j = 0; j < n; j++) {
                sb.appendCodePoint(r.nextInt(3) == 0 ? 'a' + r.nextInt(26) : nasty[r.nextInt(nasty.length)]);
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void quotedTextRoundTripsThroughTmuxsParser() throws Exception {
        tmux = cleanup.track(new TmuxServer("q"));
        List<String> samples = samples();
        StringBuilder conf = new StringBuilder();
        for (int i = 0; i < samples.size(); i++) {
            conf.append("set-option -g @q")
                    .append(i)
                    .append(' ')
                    .append(TmuxQuote.q(samples.get(i)))
                    .append('\n');
        }
        Path file = Files.writeString(tmp.resolve("q.conf"), conf.toString());
        tmux.tmux("source-file", file.toString());
        for (int i = 0; i < samples.size(); i++) {
            String back = tmux.tmux("show-options", "-gv", "@q" + i);
            assertEquals(
                    samples.get(i),
                    back.substring(0, back.length() - 1),
                    "sample " + i + " quoted as " + TmuxQuote.q(samples.get(i)));
        }
        assertEquals(false, Files.exists(Path.of("/tmp/muxbar-pwned")), "no #( ) ran");
    }

    /** An install path as one sh word (key bindings, the sidebar pane's command): sh reads it back as written. */
    @Test
    void shellWordsRoundTripThroughSh() throws Exception {
        for (String path : samples()) {
            if (path.chars().anyMatch(Character::isISOControl)) {
                String p = path;
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> TmuxQuote.sh(p));
                continue;
            }
            Process p = new ProcessBuilder("sh", "-c", "printf '%s' " + TmuxQuote.sh(path)).start();
            String back = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor());
            assertEquals(path, back, "quoted as " + TmuxQuote.sh(path));
        }
        assertEquals(false, Files.exists(Path.of("/tmp/muxbar-pwned")), "no #( ) ran");
    }

    /** What Attention does for a message: display-message expands formats, so '#' is doubled first. */
    @Test
    void aMessageWithFormatsIsShownAsWritten() throws Exception {
        tmux = cleanup.track(new TmuxServer("q"));
        for (String s :
                List.of("it's done #{session_name} #(touch /tmp/muxbar-pwned) $HOME; 'x' \"y\" \\z", "🚀 café ✅")) {
            Path file = Files.writeString(
                    tmp.resolve("m.conf"), "display-message -p " + TmuxQuote.q(s.replace("#", "##")) + "\n");
            assertEquals(s + "\n", tmux.tmux("source-file", file.toString()));
        }
        assertEquals(false, Files.exists(Path.of("/tmp/muxbar-pwned")), "no #( ) ran");
    }
}
