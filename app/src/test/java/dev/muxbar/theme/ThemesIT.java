package dev.muxbar.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.testing.DaemonProcess;
import dev.muxbar.testing.NestedClient;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TmuxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Themes on a real tmux: what capture-pane -e shows in every sidebar after the CLI or the picker changed it. */
class ThemesIT {

    @TempDir
    Path tmp;

    private final Teardown cleanup = new Teardown();
    private TmuxServer tmux;
    private DaemonProcess daemon;
    private NestedClient one;
    private NestedClient two;

    @BeforeEach
    void start() throws Exception {
        tmux = cleanup.track(new TmuxServer("alpha"));
        tmux.tmux("new-session", "-d", "-s", "beta", "-x", "160", "-y", "40");
        tmux.tmux("new-session", "-d", "-s", "gamma", "-x", "160", "-y", "40");
        daemon = cleanup.track(DaemonProcess.start(tmux, tmp.resolve("run"), tmp.resolve("state")))
                .awaitReady();
        one = cleanup.track(new NestedClient(tmux, "alpha"));
        two = cleanup.track(new NestedClient(tmux, "beta"));
        Poll.until(
                5_000,
                () -> sidebars().size() == 3
                        && one.screen().contains("3 gamma")
                        && two.screen().contains("3 gamma"),
                "three sidebars, two of them seen",
                this::diagnostics);
    }

    @AfterEach
    void stop() {
        cleanup.close();
    }

    /** Sidebar pane id → its session. */
    private List<String[]> sidebars() {
        return tmux.tmux("list-panes", "-a", "-F", "#{pane_id} #{session_name} #{?@muxbar-sidebar,S,-}")
                .lines()
                .filter(l -> l.endsWith(" S"))
                .map(l -> l.split(" "))
                .toList();
    }

    private String sidebarOf(String session) {
        return sidebars().stream().filter(s -> s[1].equals(session)).findFirst().orElseThrow()[0];
    }

    private String capture(String pane) {
        return tmux.tmux("capture-pane", "-e", "-p", "-t", pane);
    }

    /** The SGR background tmux writes for a 24-bit colour. */
    private static String bg(String hex) {
        Rgb c = Rgb.parse(hex);
        return "48;2;" + c.r() + ";" + c.g() + ";" + c.b();
    }

    private boolean painted(String session, String hex) {
        return capture(sidebarOf(session)).contains(bg(hex));
    }

    private String diagnostics() {
        StringBuilder sb = new StringBuilder();
        for (String[] s : sidebars()) {
            sb.append("--- sidebar ")
                    .append(s[0])
                    .append(" (")
                    .append(s[1])
                    .append(") capture-pane -e:\n")
                    .append(capture(s[0])
                            .lines()
                            .limit(4)
                            .map(l -> l.replace("\033", "\\e"))
                            .reduce("", (a, b) -> a + b + "\n"));
        }
        return sb + tmux.describe() + daemon.diagnostics();
    }

    private DaemonProcess.Cli cli(String... args) throws Exception {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "-L";
        all[args.length + 1] = tmux.label;
        return DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, all);
    }

    @Test
    void themesSetRepaintsEverySidebarAndIsKeptAcrossARestart() throws Exception {
        Poll.until(
                3_000,
                () -> painted("alpha", "#1b1f27") && painted("beta", "#1b1f27"),
                "the default theme",
                this::diagnostics);
        DaemonProcess.Cli set = cli("themes", "set", "nord");
        assertEquals(0, set.exit(), set.output());
        Poll.until(
                3_000,
                () -> painted("alpha", "#2e3440") && painted("beta", "#2e3440"),
                "nord's background on both seen sidebars",
                this::diagnostics);
        assertTrue(!capture(sidebarOf("alpha")).contains(bg("#1b1f27")), "no default background left");
        assertTrue(capture(sidebarOf("alpha")).contains("38;2;136;192;208"), "nord's accent #88c0d0 on the title");

        // A sidebar nobody looked at catches up when it is seen.
        tmux.tmux("switch-client", "-c", one.clientName(), "-t", "gamma");
        Poll.until(3_000, () -> painted("gamma", "#2e3440"), "gamma's sidebar in nord once seen", this::diagnostics);

        DaemonProcess.Cli bad = cli("themes", "set", "no-such-theme");
        assertEquals(1, bad.exit(), bad.output());
        assertTrue(bad.output().contains("no theme called \"no-such-theme\""), bad.output());
        DaemonProcess.Cli odd = cli("themes", "set", "a'b $HOME|x");
        assertEquals(1, odd.exit(), odd.output());

        daemon.stop();
        daemon = cleanup.track(DaemonProcess.start(tmux, daemon.runtimeDir, daemon.stateHome))
                .awaitReady();
        Poll.until(5_000, () -> painted("beta", "#2e3440"), "nord again after a restart (saved)", this::diagnostics);
        DaemonProcess.Cli list = cli("themes", "list");
        assertTrue(list.output().lines().anyMatch(l -> l.startsWith("* nord ")), list.output());
    }

    @Test
    void userThemesArePickedUpLiveAndABrokenOneChangesNothing() throws Exception {
        Path dir = DaemonProcess.configHome(daemon.stateHome).resolve("muxbar/themes");
        Files.createDirectories(dir);
        String mine =
                "{\"name\":\"mine\",\"colors\":{\"background\":\"#102030\",\"text\":\"#f0f0f0\",\"accent\":\"#ff8800\","
                        + "\"running\":\"#3399ff\",\"waiting\":\"#ffcc00\",\"done\":\"#33cc33\",\"error\":\"#ff3333\"}}";
        Files.writeString(dir.resolve("mine.json"), mine);
        DaemonProcess.Cli set = cli("themes", "set", "mine");
        assertEquals(0, set.exit(), set.output());
        Poll.until(3_000, () -> painted("alpha", "#102030"), "the user theme", this::diagnostics);

        Files.writeString(dir.resolve("mine.json"), mine.replace("#102030", "#203040"));
        Poll.until(
                3_000,
                () -> painted("alpha", "#203040") && painted("beta", "#203040"),
                "the edited file shows without a restart",
                this::diagnostics);

        Files.writeString(dir.resolve("mine.json"), mine.replace("\"#f0f0f0\"", "\"white-ish\""));
        Files.writeString(dir.resolve("broken.json"), "{\"name\":\"broken\",\"colors\":{\"background\":\"#000000\"}}");
        DaemonProcess.Cli broken = cli("themes", "set", "broken");
        assertEquals(1, broken.exit(), broken.output());
        assertTrue(broken.output().contains("broken.json: field \"colors.text\" is missing"), broken.output());
        DaemonProcess.Cli show = cli("themes", "show", "mine");
        assertTrue(
                show.output().contains("mine.json: field \"colors.text\": not a colour: \"white-ish\""), show.output());
        Path log = daemon.runtimeDir.resolve("daemon.log");
        Poll.until(
                3_000,
                () -> read(log).contains("keeping the previous version of theme mine"),
                "the daemon saw the broken edit",
                this::diagnostics);
        assertTrue(painted("alpha", "#203040"), "the previous version stays: " + diagnostics());
    }

    @Test
    void pickerPreviewsOnEverySidebarEscRevertsEnterKeeps() throws Exception {
        tmux.tmux("select-pane", "-t", sidebarOf("alpha"));
        Poll.until(3_000, () -> painted("alpha", "#1b1f27"), "default first", this::diagnostics);
        one.press("t");
        Poll.until(3_000, () -> one.screen().contains("theme: "), "the picker's prompt", one::screen);
        one.press("n", "o", "r", "d");
        Poll.until(
                3_000,
                () -> painted("alpha", "#2e3440") && painted("beta", "#2e3440"),
                "typing previews the match on every sidebar",
                () -> one.screen() + diagnostics());
        one.press("Escape");
        Poll.until(
                3_000,
                () -> painted("alpha", "#1b1f27") && painted("beta", "#1b1f27"),
                "Esc reverts everywhere",
                this::diagnostics);
        // tmux holds a lone Escape for escape-time; a key right after it would arrive as M-key.
        Poll.until(3_000, () -> !one.screen().contains("theme: "), "the picker closed", one::screen);
        tmux.tmux("select-pane", "-t", sidebarOf("alpha"));
        one.press("t");
        Poll.until(3_000, () -> one.screen().contains("theme: "), "the picker again", one::screen);
        one.press("d", "r", "a", "c");
        Poll.until(3_000, () -> painted("beta", "#282a36"), "dracula previewed", this::diagnostics);
        one.press("Enter");
        Poll.until(
                3_000,
                () -> savedTheme().contains("\"name\":\"dracula\""),
                "Enter saves dracula",
                () -> "saved: " + savedTheme() + "\nscreen:\n" + one.screen() + diagnostics());
        Poll.until(
                3_000,
                () -> painted("alpha", "#282a36")
                        && !capture(sidebarOf("alpha")).contains("theme: ")
                        && painted("beta", "#282a36"),
                "the picker closed, dracula on both",
                this::diagnostics);
        DaemonProcess.Cli list = cli("themes", "list");
        assertTrue(list.output().lines().anyMatch(l -> l.startsWith("* dracula ")), list.output());
    }

    /** The saved picks ({@code theme.json} in the daemon's state dir), or "". */
    private String savedTheme() {
        try (var files = Files.walk(daemon.stateHome)) {
            return files.filter(f -> f.getFileName().toString().equals("theme.json"))
                    .findFirst()
                    .map(ThemesIT::read)
                    .orElse("");
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
