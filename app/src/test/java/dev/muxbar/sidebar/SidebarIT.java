package dev.muxbar.sidebar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.testing.DaemonProcess;
import dev.muxbar.testing.NestedClient;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TmuxServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sidebars on a real tmux, seen and driven through real attached clients. */
class SidebarIT {

    @TempDir
    Path tmp;

    private final Teardown cleanup = new Teardown();
    private TmuxServer tmux;
    private DaemonProcess daemon;

    @BeforeEach
    void start() throws Exception {
        tmux = track(new TmuxServer("alpha"));
        tmux.tmux("new-window", "-d", "-t", "alpha");
        tmux.tmux("new-session", "-d", "-s", "beta", "-x", "160", "-y", "40");
        tmux.tmux("new-session", "-d", "-s", "gamma", "-x", "160", "-y", "40");
        daemon = track(DaemonProcess.start(tmux, tmp.resolve("run"), tmp.resolve("state")))
                .awaitReady();
        awaitHealthySidebars(4);
    }

    @AfterEach
    void stop() {
        cleanup.close();
    }

    private <T extends AutoCloseable> T track(T c) {
        return cleanup.track(c);
    }

    /** "window pane active width sidebar" for every pane. */
    private List<String> panes() {
        return tmux.tmux(
                        "list-panes",
                        "-a",
                        "-F",
                        "#{window_id} #{pane_id} #{pane_active} #{pane_width} #{?@muxbar-sidebar,S,-}")
                .lines()
                .toList();
    }

    private String diagnostics() {
        return "panes (window pane active width sidebar):\n" + String.join("\n", panes()) + "\n" + tmux.describe()
                + daemon.diagnostics();
    }

    /** Every window has exactly one sidebar of width 30 and its active pane is content. */
    private boolean healthy(int windows) {
        List<String> p = panes();
        long sidebars = p.stream().filter(l -> l.endsWith(" S")).count();
        boolean widths = p.stream().filter(l -> l.endsWith(" S")).allMatch(l -> l.split(" ")[3].equals("30"));
        boolean focus = p.stream().filter(l -> l.endsWith(" S")).noneMatch(l -> l.split(" ")[2].equals("1"));
        long distinctWindows = p.stream().map(l -> l.split(" ")[0]).distinct().count();
        return sidebars == windows && distinctWindows == windows && widths && focus;
    }

    private void awaitHealthySidebars(int windows) {
        Poll.until(5_000, () -> healthy(windows), windows + " windows with one sidebar each", this::diagnostics);
    }

    private String sidebarOf(String target) {
        String window = tmux.display(target, "#{window_id}");
        return panes().stream()
                .filter(l -> l.startsWith(window + " ") && l.endsWith(" S"))
                .findFirst()
                .orElseThrow()
                .split(" ")[1];
    }

    private String clientSession(NestedClient c) {
        return tmux.tmux("list-clients", "-F", "#{client_name} #{session_name}")
                .lines()
                .filter(l -> l.startsWith(c.clientName() + " "))
                .map(l -> l.substring(l.indexOf(' ') + 1))
                .findFirst()
                .orElse("(not attached)");
    }

    @Test
    void everyWindowHasASidebarShowingTheSessionsAndNewWindowsGetOne() throws Exception {
        NestedClient c = track(new NestedClient(tmux, "alpha"));
        Poll.until(
                5_000,
                () -> c.screen().contains("1 alpha") && c.screen().contains("3 gamma"),
                "the sidebar lists the sessions",
                () -> c.screen() + diagnostics());
        assertTrue(c.screen().lines().findFirst().orElse("").startsWith(" muxbar"), c.screen());
        tmux.tmux("new-window", "-d", "-t", "beta");
        awaitHealthySidebars(5);
        tmux.tmux("new-session", "-d", "-s", "delta", "-x", "160", "-y", "40");
        awaitHealthySidebars(6);
        Poll.until(3_000, () -> c.screen().contains("4 delta"), "the new session is listed", c::screen);
    }

    @Test
    void toggleRemovesAllAndRestoresAll() throws Exception {
        DaemonProcess.Cli off =
                DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, "toggle", "off", "-L", tmux.label);
        assertEquals(0, off.exit(), off.output());
        Poll.until(3_000, () -> panes().stream().noneMatch(l -> l.endsWith(" S")), "no sidebars", this::diagnostics);
        DaemonProcess.Cli on = DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, "toggle", "on", "-L", tmux.label);
        assertTrue(on.output().contains("\"sidebars\":true"), on.output());
        awaitHealthySidebars(4);
    }

    @Test
    void keysSwitchOnlyTheClientThatPressedAndFocusReturns() throws Exception {
        NestedClient one = track(new NestedClient(tmux, "alpha"));
        NestedClient two = track(new NestedClient(tmux, "gamma"));
        Poll.until(
                3_000,
                () -> clientSession(one).equals("alpha") && clientSession(two).equals("gamma"),
                "both attached",
                this::diagnostics);
        String sidebar = sidebarOf("alpha");
        tmux.tmux("select-pane", "-t", sidebar);
        Poll.until(3_000, () -> one.screen().contains("1 alpha"), "sidebar drawn", one::screen);
        one.press("2");
        Poll.until(
                3_000, () -> clientSession(one).equals("beta"), "the pressing client moved to beta", this::diagnostics);
        assertEquals("gamma", clientSession(two), "the other client did not move");
        Poll.until(
                3_000,
                () -> tmux.display(sidebar, "#{pane_active}").equals("0"),
                "focus back on content",
                this::diagnostics);

        // Enter on the cursor row: from beta's sidebar, move down once (to gamma) and press Enter.
        String betaSidebar = sidebarOf("beta");
        tmux.tmux("select-pane", "-t", betaSidebar);
        Poll.until(3_000, () -> one.screen().contains("▎2 beta"), "beta's sidebar marks beta current", one::screen);
        one.press("j");
        one.press("Enter");
        Poll.until(
                3_000,
                () -> clientSession(one).equals("gamma"),
                "Enter switched to the cursor's session",
                () -> one.screen() + diagnostics());
    }

    /** X10 mouse report bytes (hex, for send-keys -H) of a left-button press or release at 0-based x, y. */
    private static String[] click(int x, int y, boolean press) {
        return new String[] {
            "-H",
            "1b",
            "5b",
            "4d",
            Integer.toHexString(32 + (press ? 0 : 3)),
            Integer.toHexString(33 + x),
            Integer.toHexString(33 + y)
        };
    }

    @Test
    void aClickOnASessionInTheSidebarSwitchesToIt() throws Exception {
        tmux.tmux("set-option", "-g", "mouse", "on");
        NestedClient c = track(new NestedClient(tmux, "alpha"));
        Poll.until(
                3_000,
                () -> clientSession(c).equals("alpha") && c.screen().contains("3 gamma"),
                "attached, sidebar drawn",
                () -> c.screen() + diagnostics());
        List<String> rows = c.screen().lines().toList();
        int y = 0;
        while (!rows.get(y).contains("3 gamma")) {
            y++;
        }
        c.press(click(3, y, true));
        c.press(click(3, y, false));
        Poll.until(
                3_000,
                () -> clientSession(c).equals("gamma"),
                "the click on gamma's row switched the client there",
                () -> c.screen() + diagnostics());
    }

    @Test
    void sidebarKeysEditSessionsAndWidth() throws Exception {
        NestedClient c = track(new NestedClient(tmux, "alpha"));
        String sidebar = sidebarOf("alpha");
        tmux.tmux("select-pane", "-t", sidebar);
        Poll.until(3_000, () -> c.screen().contains("▎1 alpha"), "drawn", c::screen);
        // M-Down moves alpha one place down (persisted order).
        c.press("M-Down");
        Poll.until(
                3_000,
                () -> daemon.order().startsWith("$1\tbeta\n$0\talpha\n"),
                "reordered",
                () -> daemon.order() + c.screen());
        // d hides the cursor's session (alpha), u brings every hidden one back.
        c.press("d");
        Poll.until(3_000, () -> !daemon.order().contains("alpha"), "alpha hidden", daemon::order);
        c.press("u");
        Poll.until(3_000, () -> daemon.order().contains("alpha"), "alpha back", daemon::order);
        // n opens a prompt; an odd name is created exactly and the client switches to it.
        c.press("n");
        Poll.until(3_000, () -> c.screen().contains("new session:"), "prompt shown", c::screen);
        c.press("-l", "it's #{odd} $HOME");
        c.press("Enter");
        Poll.until(
                3_000,
                () -> clientSession(c).equals("it's #{odd} \\$HOME"),
                "created and switched",
                () -> clientSession(c) + "\n" + diagnostics());
        // x asks first; Enter kills; the client moves to the neighbour instead of leaving tmux.
        String oddSidebar = sidebarOf(tmux.tmux("list-clients", "-F", "#{client_control_mode} #{session_id}")
                .lines()
                .filter(l -> l.startsWith("0 "))
                .findFirst()
                .orElseThrow()
                .substring(2));
        tmux.tmux("select-pane", "-t", oddSidebar);
        c.press("x");
        Poll.until(3_000, () -> c.screen().contains("? ↵ yes"), "confirmation asked", c::screen);
        c.press("Enter");
        Poll.until(
                3_000,
                () -> tmux.tmux("list-sessions", "-F", "#{session_name}")
                        .lines()
                        .noneMatch(n -> n.startsWith("it's")),
                "killed",
                this::diagnostics);
        Poll.until(
                3_000,
                () -> !clientSession(c).startsWith("it's") && !clientSession(c).startsWith("("),
                "the client moved to a neighbour",
                this::diagnostics);
        // w opens the width picker: two steps right and Enter keep 32 in every window, and for tmux.
        String now = clientSession(c);
        String here = sidebarOf(now);
        // Keys count only in a window the daemon's model shows as viewed: wait until it drew this one.
        Poll.until(
                3_000,
                () -> c.screen().lines().anyMatch(l -> l.matches("▎\\d " + java.util.regex.Pattern.quote(now) + " .*")),
                "the daemon drew the neighbour's sidebar",
                c::screen);
        tmux.tmux("select-pane", "-t", here);
        c.press("w");
        c.press("Right");
        c.press("Right");
        c.press("Enter");
        Poll.until(
                3_000,
                () -> panes().stream().filter(l -> l.endsWith(" S")).allMatch(l -> l.split(" ")[3].equals("32")),
                "all sidebars 32 wide",
                this::diagnostics);
        // The live steps resize before Enter keeps the width: poll for the kept option too.
        Poll.until(
                3_000,
                () -> tmux.tmux("show-options", "-gv", "@muxbar-width").trim().equals("32"),
                "@muxbar-width kept",
                this::diagnostics);
        // ? shows help; any key closes it.
        c.press("?");
        Poll.until(3_000, () -> c.screen().contains("reorder"), "help shown", c::screen);
        c.press("j");
        Poll.until(3_000, () -> !c.screen().contains("reorder"), "help closed", c::screen);
    }

    @Test
    void keysSentToASidebarThatIsNotActiveAreIgnored() throws Exception {
        NestedClient c = track(new NestedClient(tmux, "alpha"));
        Poll.until(
                3_000,
                () -> clientSession(c).equals("alpha") && c.screen().contains("1 alpha"),
                "attached",
                this::diagnostics);
        String sidebar = sidebarOf("alpha");
        tmux.tmux("send-keys", "-t", sidebar, "2"); // the content pane is active: must be ignored
        try (dev.muxbar.api.ApiClient api = new dev.muxbar.api.ApiClient(daemon.socket())) {
            Poll.until(3_000, () -> ignoredKeys(api, sidebar) >= 1, "the key was seen and ignored", this::diagnostics);
        }
        assertEquals("alpha", clientSession(c));
        // Sentinel: focus the sidebar and press 3. Had "2" acted, the client would be on beta, alpha's
        // sidebar would be out of view and "3" ignored; ending on gamma proves "2" was ignored.
        tmux.tmux("select-pane", "-t", sidebar);
        tmux.tmux("send-keys", "-t", sidebar, "3");
        Poll.until(
                3_000,
                () -> clientSession(c).equals("gamma"),
                "only the active sidebar's key acted",
                () -> "client on " + clientSession(c) + "\n" + diagnostics());
    }

    private static long ignoredKeys(dev.muxbar.api.ApiClient api, String pane) {
        try {
            for (com.fasterxml.jackson.databind.JsonNode s : new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(api.get("/sidebars").body())) {
                if (s.get("pane").asText().equals(pane)) {
                    return s.get("ignoredKeys").asLong();
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    @Test
    void widthDriftIsRepaired() throws Exception {
        String sidebar = sidebarOf("beta");
        tmux.tmux("resize-pane", "-t", sidebar, "-x", "50");
        Poll.until(
                3_000, () -> tmux.display(sidebar, "#{pane_width}").equals("30"), "drag repaired", this::diagnostics);
        tmux.tmux("split-window", "-d", "-h", "-t", "beta");
        Poll.until(
                3_000, () -> tmux.display(sidebar, "#{pane_width}").equals("30"), "split settled", this::diagnostics);
        tmux.tmux("select-layout", "-t", "beta", "even-horizontal");
        Poll.until(
                3_000,
                () -> tmux.display(sidebar, "#{pane_width}").equals("30"),
                "even-horizontal repaired",
                this::diagnostics);
        String neighbour = tmux.tmux("list-panes", "-t", "beta", "-F", "#{pane_id} #{?@muxbar-sidebar,S,-}")
                .lines()
                .filter(l -> l.endsWith(" -"))
                .reduce((a, b) -> b)
                .orElseThrow()
                .split(" ")[0];
        tmux.tmux("kill-pane", "-t", neighbour);
        Poll.until(
                3_000,
                () -> tmux.display(sidebar, "#{pane_width}").equals("30"),
                "kill neighbour repaired",
                this::diagnostics);
    }

    @Test
    void aWindowLeftWithOnlyItsSidebarCloses() throws Exception {
        String win = tmux.tmux("new-window", "-d", "-P", "-F", "#{window_id}", "-t", "alpha", "sleep 600")
                .trim();
        awaitHealthySidebars(5);
        String content = tmux.tmux("list-panes", "-t", win, "-F", "#{pane_id} #{?@muxbar-sidebar,S,-}")
                .lines()
                .filter(l -> l.endsWith(" -"))
                .findFirst()
                .orElseThrow()
                .split(" ")[0];
        tmux.tmux("kill-pane", "-t", content);
        Poll.until(
                3_000,
                () -> tmux.tmux("list-windows", "-a", "-F", "#{window_id}")
                        .lines()
                        .noneMatch(win::equals),
                "the lonely window is gone",
                this::diagnostics);
        // The last content of a session: the session ends as it would without muxbar.
        String gammaContent = tmux.tmux("list-panes", "-t", "gamma", "-F", "#{pane_id} #{?@muxbar-sidebar,S,-}")
                .lines()
                .filter(l -> l.endsWith(" -"))
                .findFirst()
                .orElseThrow()
                .split(" ")[0];
        tmux.tmux("kill-pane", "-t", gammaContent);
        Poll.until(
                3_000,
                () -> tmux.tmux("list-sessions", "-F", "#{session_name}")
                        .lines()
                        .noneMatch("gamma"::equals),
                "gamma ended",
                this::diagnostics);
        awaitHealthySidebars(3);
    }

    @Test
    void aRestartedDaemonReadoptsSidebarsWithoutDuplicates() throws Exception {
        NestedClient c = track(new NestedClient(tmux, "alpha"));
        Poll.until(3_000, () -> c.screen().contains("3 gamma"), "drawn", c::screen);
        List<String> before = panes();
        new ProcessBuilder("kill", "-9", String.valueOf(daemon.pid())).start().waitFor();
        daemon.process().waitFor();
        tmux.tmux("new-session", "-d", "-s", "delta", "-x", "160", "-y", "40"); // while no daemon runs
        daemon = track(DaemonProcess.start(tmux, tmp.resolve("run"), tmp.resolve("state")))
                .awaitReady();
        awaitHealthySidebars(5);
        List<String> sidebarsBefore = before.stream()
                .filter(l -> l.endsWith(" S"))
                .map(l -> l.split(" ")[1])
                .toList();
        List<String> after = panes();
        assertTrue(
                sidebarsBefore.stream().allMatch(id -> after.stream().anyMatch(l -> l.contains(" " + id + " "))),
                "the old sidebar panes were kept: before " + before + " after " + after);
        Poll.until(3_000, () -> c.screen().contains("4 delta"), "the re-adopted sidebar is painted again", c::screen);
    }

    /**
     * oh-my-tmux's maximize (prefix +) opens a window whose pane runs {@code maximized... …} and waits
     * for that window to hold exactly one pane: a sidebar there made it hang ~100 s. Such helper windows
     * (the default of @muxbar-exclude) get none; a user's own exclusion format works the same way.
     */
    @Test
    void helperWindowsOfOtherPluginsAndExcludedWindowsGetNoSidebar() {
        String helper = tmux.tmux(
                        "new-window",
                        "-d",
                        "-t",
                        "alpha",
                        "-P",
                        "-F",
                        "#{window_id}",
                        "maximized... 2>/dev/null & printf 'Pane has been maximized'; sleep 30")
                .trim();
        String plain = tmux.tmux("new-window", "-d", "-t", "beta", "-P", "-F", "#{window_id}")
                .trim();
        Poll.until(
                5_000,
                () -> panes().stream().anyMatch(l -> l.startsWith(plain + " ") && l.endsWith(" S")),
                "the plain window made after the helper has its sidebar",
                this::diagnostics);
        assertEquals(
                1,
                panes().stream().filter(l -> l.startsWith(helper + " ")).count(),
                "the helper window still holds only its own pane: " + panes());

        tmux.tmux("set-option", "-g", "@muxbar-exclude", "#{m:scratch*,#{window_name}}");
        String scratch = tmux.tmux("new-window", "-d", "-t", "beta", "-n", "scratchpad", "-P", "-F", "#{window_id}")
                .trim();
        String other = tmux.tmux("new-window", "-d", "-t", "beta", "-n", "work", "-P", "-F", "#{window_id}")
                .trim();
        Poll.until(
                5_000,
                () -> panes().stream().anyMatch(l -> l.startsWith(other + " ") && l.endsWith(" S")),
                "a window the format does not match has its sidebar",
                this::diagnostics);
        assertEquals(
                1,
                panes().stream().filter(l -> l.startsWith(scratch + " ")).count(),
                "excluded by the user: " + panes());
    }

    /** Was: "🚀 rocket" drawn as "?? rocket", "café" (e + U+0301) as "cafe", ✅ one cell short. */
    @Test
    void emojiAndCombiningMarksAreDrawnAndColumnsStayStraight() throws Exception {
        for (String name : List.of("🚀 rocket", "cafe\u0301", "✅ done", "漢字")) {
            tmux.tmux("new-session", "-d", "-s", name, "-x", "160", "-y", "40");
        }
        NestedClient c = track(new NestedClient(tmux, "alpha"));
        String sidebar = sidebarOf("alpha");
        Poll.until(
                5_000,
                () -> tmux.tmux("capture-pane", "-p", "-t", sidebar).contains("漢字"),
                "all rows drawn",
                () -> tmux.tmux("capture-pane", "-p", "-t", sidebar) + diagnostics());
        String screen = tmux.tmux("capture-pane", "-p", "-t", sidebar);
        for (String shown : List.of("🚀 rocket", "café", "✅ done", "漢字")) {
            assertTrue(screen.contains(shown), shown + " in\n" + screen);
        }
        // capture-pane drops the trailing space: every row then ends in the same column
        List<Integer> ends = screen.lines()
                .filter(l -> l.endsWith("1w") || l.endsWith("2w"))
                .map(dev.muxbar.text.Cells::width)
                .distinct()
                .toList();
        assertEquals(1, ends.size(), "the window counts line up: " + ends + "\n" + screen);
        c.close();
    }
}
