package dev.muxbar.tmux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.model.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ListParserTest {

    private static final String RS = "\u001e";
    private static final String US = "\u001f";

    private static String rec(String... fields) {
        return RS + String.join(US, fields);
    }

    @Test
    void recordsSplitByFieldCountAndSkipMalformedOnes() {
        List<String[]> r = ListParser.records(
                List.of(rec("$0", "1", "alpha"), rec("$1", "2"), "junk", rec("$2", "3", "gamma")), 3);
        assertEquals(2, r.size());
        assertEquals("alpha", r.get(0)[2]);
        assertEquals("gamma", r.get(1)[2]); // the stray "junk" line belonged to the short record
    }

    @Test
    void lastFieldKeepsNewlinesAndSeparators() {
        // A working directory "/tmp/a\nb\u001fc" arrives as two output lines.
        List<String> lines = List.of(rec("%1", "/tmp/a"), "b" + US + "c", rec("%2", "/x"));
        List<String[]> r = ListParser.records(lines, 2);
        assertEquals("/tmp/a\nb" + US + "c", r.get(0)[1]);
        assertEquals("/x", r.get(1)[1]);
    }

    @Test
    void aRecordSeparatorInsideAPathStaysInThePath() {
        List<String[]> r = ListParser.records(List.of(rec("%1", "/odd" + RS + "dir"), rec("%2", "/x")), 2);
        assertEquals("/odd" + RS + "dir", r.get(0)[1]);
        assertEquals(2, r.size());
    }

    @Test
    void emptyReplyGivesNoRecords() {
        assertTrue(ListParser.records(List.of(), 3).isEmpty());
    }

    private static List<List<String>> replies(String name) {
        return List.of(
                List.of(rec("4242", "1795395925", "3.3a")),
                List.of(rec("$0", "100", "1700000005", name), rec("$1", "101", "", "beta")),
                List.of(
                        rec("$0", "@0", "0", "0", "160", "40", "0", "", "editor"),
                        rec("$0", "@1", "1", "1", "160", "40", "1", "0", "shell"),
                        rec("$1", "@2", "0", "1", "80", "24", "0", "1", "w"),
                        rec("$1", "@1", "1", "0", "160", "40", "1", "0", "shell")),
                List.of(
                        rec("@0", "%0", "1", "160", "40", "11", "/dev/pts/1", "", "title"),
                        rec("@1", "%1", "0", "30", "40", "12", "/dev/pts/2", "1", "muxbar"),
                        rec("@1", "%2", "1", "129", "40", "13", "/dev/pts/3", "", "t"),
                        rec("@2", "%3", "1", "80", "24", "14", "/dev/pts/4", "", "t"),
                        // @1 is also linked into $1 (link-window): tmux lists its panes again
                        rec("@1", "%1", "0", "30", "40", "12", "/dev/pts/2", "1", "muxbar"),
                        rec("@1", "%2", "1", "129", "40", "13", "/dev/pts/3", "", "t")),
                List.of(
                        rec(
                                "/dev/pts/9",
                                "/dev/pts/9",
                                "500",
                                "1700000000",
                                "200",
                                "50",
                                "$0",
                                "256,bpaste,clipboard,RGB,title"),
                        rec("client-777", "", "777", "1700000001", "80", "24", "$1", "")));
    }

    @Test
    void assemblesSnapshotAndLeavesOutOwnControlClient() {
        Snapshot s = ListParser.snapshot(replies("alpha"), 777);
        assertEquals(
                new Snapshot.ServerInfo(4242, 1795395925, "3.3a", "client-777", "$1"),
                s.server(),
                "the control client: where it sits");
        assertEquals(
                List.of("alpha", "beta"),
                s.sessions().stream().map(Snapshot.Session::name).toList());
        Snapshot.Session alpha = s.sessions().get(0);
        assertEquals(1, alpha.attached());
        assertEquals(0, s.sessions().get(1).attached(), "the control client is not a user");
        assertEquals(1, s.clients().size());
        assertTrue(s.clients().get(0).rgb(), "RGB among client_termfeatures: true colour");
        assertEquals(2, alpha.windows().size());
        assertEquals(3, alpha.paneCount());
        assertEquals(
                List.of(false, false),
                alpha.windows().stream().map(Snapshot.Window::excluded).toList(),
                "\"\" and 0");
        assertTrue(s.sessions().get(1).windows().get(0).excluded(), "@muxbar-exclude expanded to 1 for @2");
        Snapshot.Window linked = s.sessions().get(1).windows().get(1);
        assertEquals("@1", linked.id());
        assertEquals(
                List.of("%1", "%2"),
                linked.panes().stream().map(Snapshot.Pane::id).toList(),
                "a linked window has its panes once, in both sessions");
        Snapshot.Pane sidebar = alpha.windows().get(1).panes().get(0);
        assertTrue(sidebar.sidebar());
        assertFalse(alpha.windows().get(1).panes().get(1).sidebar());
        assertEquals(
                new Snapshot.Pane("%0", "/dev/pts/1", 11, "", "", true, "title", 160, 40, false),
                alpha.windows().get(0).panes().get(0));
        Snapshot merged =
                s.withProcesses(ListParser.processes(List.of(rec("%0", "vim", "/home"), rec("%3", "zsh", "/"))));
        assertEquals(
                "vim", merged.sessions().get(0).windows().get(0).panes().get(0).command());
        assertEquals(
                "/home",
                merged.sessions().get(0).windows().get(0).panes().get(0).cwd());
        assertEquals(
                "", merged.sessions().get(0).windows().get(1).panes().get(0).command(), "unscanned pane");
        assertEquals(
                "zsh", merged.sessions().get(1).windows().get(0).panes().get(0).command());
        assertTrue(
                merged.sessions().get(1).windows().get(0).excluded(),
                "a window stays excluded when its panes learn their command");
        assertTrue(
                merged.withProcesses(ListParser.processes(List.of(rec("%0", "vim", "/home")))) == merged,
                "nothing new, same object");
        assertTrue(alpha.windows().get(1).active());
        assertTrue(alpha.windows().get(1).zoomed());
        assertFalse(alpha.windows().get(0).zoomed());
    }

    @Test
    void assembleGivesPanesTheirProcessesInOnePass() {
        java.util.List<java.util.List<String[]>> parsed = new java.util.ArrayList<>();
        for (Formats.Part p : Formats.Part.values()) {
            parsed.add(ListParser.records(replies("alpha").get(p.ordinal()), p.fields()));
        }
        Snapshot s =
                ListParser.assemble(parsed, 777, java.util.Map.of("%2", new Snapshot.PaneProcess("claude", "/src")));
        Snapshot.Pane p = s.sessions().get(0).windows().get(1).panes().get(1);
        assertEquals("%2", p.id());
        assertEquals(new Snapshot.PaneProcess("claude", "/src"), new Snapshot.PaneProcess(p.command(), p.cwd()));
        assertEquals(
                ListParser.snapshot(replies("alpha"), 777)
                        .sessions()
                        .get(1)
                        .windows()
                        .get(0),
                s.sessions().get(1).windows().get(0),
                "panes without a known process are as the plain parse makes them");
        assertTrue(
                s.withProcesses(java.util.Map.of("%2", new Snapshot.PaneProcess("claude", "/src"))) == s,
                "already applied: no copy");
    }

    @Test
    void randomizedNamesAndPathsRoundTrip() {
        // tmux keeps names escaped (no control characters), so names draw from everything else;
        // paths may hold anything but RS.
        Random r = new Random(7);
        String nameChars = "ab \\t\\n'\"|$&;#{}()<>*?~`%=.,:名字é😀";
        String pathChars = nameChars + "\n\t" + US;
        for (int i = 0; i < 2_000; i++) {
            String name = random(r, nameChars, 1 + r.nextInt(20));
            String path = "/" + random(r, pathChars, r.nextInt(20));
            Snapshot s = ListParser.snapshot(replies(name), 777);
            assertEquals(name, s.sessions().get(0).name());
            assertEquals("beta", s.sessions().get(1).name());
            String command = random(r, nameChars, 1 + r.nextInt(10));
            var procs = ListParser.processes(List.of(rec("%0", command, path), rec("%1", "sh", "/")));
            assertEquals(new Snapshot.PaneProcess(command, path), procs.get("%0"));
            assertEquals(new Snapshot.PaneProcess("sh", "/"), procs.get("%1"));
        }
    }

    @Test
    void garbageNeverThrows() {
        Random r = new Random(3);
        for (int i = 0; i < 2_000; i++) {
            List<List<String>> rs = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                List<String> lines = new ArrayList<>();
                for (int n = r.nextInt(4); n > 0; n--) {
                    lines.add(random(r, "$@%01x" + RS + US + "\n", r.nextInt(40)));
                }
                rs.add(lines);
            }
            ListParser.snapshot(rs, 1);
        }
    }

    private static String random(Random r, String alphabet, int len) {
        int[] cps = alphabet.codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.appendCodePoint(cps[r.nextInt(cps.length)]);
        }
        return sb.toString();
    }
}
