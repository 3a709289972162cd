package dev.muxbar.resurrect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.muxbar.testing.DaemonLocks;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TestFiles;
import dev.muxbar.testing.TmuxServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A tmux-resurrect round trip — save, kill-server, start, restore — restores the user's panes, cwds
 * and programs exactly as it does without muxbar; sidebars are not saved and come back after the
 * restore; the same with tmux-continuum's restore at server start (a background restore one second
 * after the config loaded, as continuum runs it). Runs the resurrect-shaped scripts in
 * test resources, or a real tmux-resurrect checkout named by {@code MUXBAR_IT_RESURRECT}.
 */
class ResurrectIT {

    private final Teardown cleanup = new Teardown();
    private final Path root =
            Path.of(System.getProperty("muxbar.root", ".")).toAbsolutePath().normalize();
    private final Path resurrect = System.getenv("MUXBAR_IT_RESURRECT") != null
            ? Path.of(System.getenv("MUXBAR_IT_RESURRECT"))
            : root.resolve("app/src/test/resources/resurrect-shape");

    @AfterEach
    void stop() {
        cleanup.close();
    }

    /** What a restore gave: sessions, windows (index and name) and panes (index, cwd, program) of the user's. */
    private record Restored(List<String> panes, List<String> windows) {}

    @Test
    void aRoundTripRestoresWhatItRestoresWithoutMuxbar() throws Exception {
        Restored without = roundTrip(false, false);
        Restored with = roundTrip(true, false);
        assertEquals(without, with);
    }

    @Test
    void continuumsRestoreAtServerStartRestoresWhatItRestoresWithoutMuxbar() throws Exception {
        Restored without = roundTrip(false, true);
        Restored with = roundTrip(true, true);
        assertEquals(without, with);
    }

    private Restored roundTrip(boolean muxbar, boolean continuum) throws Exception {
        Path home = Files.createTempDirectory(Path.of("/tmp"), "mxr"); // short: the daemon's socket path
        cleanup.track(() -> TestFiles.deleteTree(home));
        Path a = Files.createDirectories(home.resolve("a"));
        Path b = Files.createDirectories(home.resolve("b"));
        Files.writeString(a.resolve("log"), "line\n");
        String label = TmuxServer.newLabel();
        Path conf = config(home, muxbar, false);
        TmuxServer tmux = track(new TmuxServer(label, conf, List.of("-s", "work", "-c", a.toString())));
        // Each pane shows a mark of its own (pane contents are saved too) and one runs tail.
        String first = tmux.display("work:", "#{pane_id}");
        tmux.tmux("send-keys", "-t", first, "echo MARK-1; tail -f log", "Enter");
        mark(tmux, tmux.tmux("split-window", "-h", "-t", first, "-c", b.toString(), "-P", "-F", "#{pane_id}"), 2);
        mark(tmux, tmux.tmux("new-window", "-t", "work", "-c", b.toString(), "-P", "-F", "#{pane_id}"), 3);
        mark(tmux, tmux.tmux("split-window", "-v", "-t", "work:1", "-c", a.toString(), "-P", "-F", "#{pane_id}"), 4);
        mark(tmux, tmux.tmux("new-session", "-d", "-s", "notes", "-c", b.toString(), "-P", "-F", "#{pane_id}"), 5);
        Poll.until(
                5_000,
                () -> panes(tmux).contains("work:0 " + a + " tail MARK-1")
                        && String.join(" ", panes(tmux)).split("MARK-").length == 6,
                "tail runs and every pane shows its mark",
                () -> String.join("\n", panes(tmux)));
        if (muxbar) {
            Poll.until(
                    15_000,
                    () -> sidebars(tmux) == windows(tmux).size(),
                    "a sidebar in every window",
                    () -> describe(tmux, home));
        }

        java.util.Map<String, String> sizes = sizes(tmux);
        tmux.tmux("run-shell", "bash '" + resurrect.resolve("scripts/save.sh") + "'");
        String saved = Files.readString(home.resolve("res/last"));
        assertEquals(
                5, saved.lines().filter(l -> l.startsWith("pane\t")).count(), "the user's five panes only:\n" + saved);
        assertFalse(saved.contains("sidebar-pane"), saved);
        assertFalse(
                TestFiles.listing(home.resolve("run")).contains("resurrect-moves"),
                "nothing left behind: " + TestFiles.listing(home.resolve("run")));

        killServer(tmux, home);

        TmuxServer again = track(new TmuxServer(label, config(home, muxbar, continuum), List.of()));
        if (!continuum) {
            if (muxbar) {
                // The daemon starts with the server and gives session 0 a sidebar: the restore must
                // still see a fresh server (one pane) and remove session 0, as without muxbar.
                Poll.until(15_000, () -> sidebars(again) == 1, "session 0's sidebar", () -> describe(again, home));
            }
            again.tmux("run-shell", "bash '" + resurrect.resolve("scripts/restore.sh") + "'");
        }
        Poll.until(
                20_000,
                () -> sessions(again).equals(List.of("notes", "work"))
                        && panes(again).contains("work:0 " + a + " tail MARK-1")
                        && (!muxbar
                                || sidebars(again) == windows(again).size()
                                        && !again.tmux("show-options", "-g").contains("@muxbar-restoring")),
                "restored" + (muxbar ? ", with a sidebar in every window" : ""),
                () -> describe(again, home));
        // Every pane of the user's has its size back: muxbar saves its panes scaled to the whole
        // window and lays them out again when the sidebar comes back (tmux's own split made 84/84 97/71).
        Poll.until(
                5_000,
                () -> sizes(again).equals(sizes),
                "the panes' sizes as saved " + sizes,
                () -> sizes(again) + "\n" + describe(again, home));
        if (muxbar) {
            // The restore's watchdog (it would end a hold whose restore never ends) ends with the restore.
            Poll.until(
                    5_000,
                    () -> watchdogs() == 0
                            && again.tmux("show-options", "-gqv", "@muxbar-restore-watchdog")
                                    .isBlank(),
                    "no restore watchdog left (sleep 300)",
                    () -> watchdogs() + " left\n" + describe(again, home));
            // It runs after muxbar's part of the hook, which ends the hold the poll above waited for.
            Poll.until(
                    5_000,
                    () -> Files.exists(home.resolve("user-hook-ran")),
                    "the user's own resurrect hook still runs",
                    () -> TestFiles.listing(home));
        }
        Restored r = new Restored(
                panes(again).stream().map(l -> l.replace(home.toString(), "~")).toList(), windows(again));
        killServer(again, home);
        return r;
    }

    /** A user's ~/.tmux.conf: resurrect's dir, a hook of their own, muxbar's plugin line, continuum's restore. */
    private Path config(Path home, boolean muxbar, boolean continuum) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "set -g default-shell /bin/sh", // a login bash may take seconds to read its rc files
                "set-environment -g XDG_RUNTIME_DIR '" + home.resolve("run") + "'",
                "set-environment -g XDG_STATE_HOME '" + home.resolve("state") + "'",
                "set -g @resurrect-dir '" + home.resolve("res") + "'",
                "set -g @resurrect-capture-pane-contents on",
                "set -g @resurrect-hook-post-restore-all \"touch '" + home.resolve("user-hook-ran") + "'\""));
        if (muxbar) {
            lines.add("run-shell '" + root.resolve("muxbar.tmux") + "'");
        }
        if (continuum) {
            lines.add("run-shell -b \"sleep 1; bash '" + resurrect.resolve("scripts/restore.sh") + "'\"");
        }
        Path conf = home.resolve(continuum ? "tmux-continuum.conf" : "tmux.conf");
        Files.write(conf, lines);
        return conf;
    }

    private TmuxServer track(TmuxServer s) {
        return cleanup.track(s);
    }

    private static void mark(TmuxServer t, String pane, int n) {
        t.tmux("send-keys", "-t", pane.strip(), "echo MARK-" + n, "Enter");
    }

    /**
     * "session:window cwd program MARK-n…" of every pane that is not a sidebar (the marks its screen
     * shows), sorted. No pane index: with muxbar the sidebar is pane 0 of every window, by design.
     */
    private static List<String> panes(TmuxServer t) {
        List<String> out = new ArrayList<>();
        for (String l : t.tmux(
                        "list-panes",
                        "-a",
                        "-F",
                        "#{?@muxbar-sidebar,,#{pane_id} #{session_name}:#{window_index} "
                                + "#{pane_current_path} #{pane_current_command}}")
                .lines()
                .filter(x -> !x.isBlank())
                .toList()) {
            String id = l.substring(0, l.indexOf(' '));
            String screen = t.tmux("capture-pane", "-p", "-S", "-200", "-t", id); // restored contents may scroll
            String marks = String.join(
                    " ",
                    new TreeSet<>(java.util.regex.Pattern.compile("MARK-[0-9]+")
                            .matcher(screen)
                            .results()
                            .map(java.util.regex.MatchResult::group)
                            .toList()));
            out.add(l.substring(l.indexOf(' ') + 1) + (marks.isEmpty() ? "" : " " + marks));
        }
        return out.stream().sorted().toList();
    }

    /** Processes "sleep 300": the restore watchdogs of muxbar's resurrect hook (no other test runs one). */
    private static long watchdogs() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").endsWith("/sleep")
                        && java.util.Arrays.equals(p.info().arguments().orElse(new String[0]), new String[] {"300"}))
                .count();
    }

    /** The size of each of the user's panes, by the mark it shows ("MARK-3" → "64x40"). */
    private static java.util.Map<String, String> sizes(TmuxServer t) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (String l : t.tmux("list-panes", "-a", "-F", "#{?@muxbar-sidebar,,#{pane_id} #{pane_width}x#{pane_height}}")
                .lines()
                .filter(x -> !x.isBlank())
                .toList()) {
            String[] f = l.split(" ");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("MARK-[0-9]+")
                    .matcher(t.tmux("capture-pane", "-p", "-S", "-200", "-t", f[0]));
            out.put(m.find() ? m.group() : f[0], f[1]);
        }
        return out;
    }

    private static List<String> windows(TmuxServer t) {
        return sorted(t.tmux("list-windows", "-a", "-F", "#{session_name}:#{window_index}"));
    }

    private static List<String> sessions(TmuxServer t) {
        try {
            return sorted(t.tmux("list-sessions", "-F", "#{session_name}"));
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static long sidebars(TmuxServer t) {
        return t.tmux("list-panes", "-a", "-F", "#{@muxbar-sidebar}")
                .lines()
                .filter(l -> !l.isBlank())
                .count();
    }

    private static List<String> sorted(String lines) {
        return List.copyOf(new TreeSet<>(lines.lines().filter(l -> !l.isBlank()).toList()));
    }

    private String describe(TmuxServer t, Path home) {
        String panes;
        try {
            panes = t.tmux(
                    "list-panes",
                    "-a",
                    "-F",
                    "#{session_name}:#{window_index}.#{pane_index} #{pane_current_path} #{pane_current_command} #{?@muxbar-sidebar,S,-}");
        } catch (RuntimeException e) {
            panes = e.getMessage();
        }
        String marks;
        try {
            marks = String.join("\n", panes(t));
        } catch (RuntimeException e) {
            marks = e.getMessage();
        }
        return panes + "\n" + marks + "\n" + TestFiles.listing(home) + "\n" + TestFiles.read(home.resolve("res/last"));
    }

    /** kill-server, and wait until it is gone (a new server on the label must not meet the dying one). */
    private static void killServer(TmuxServer t, Path home) throws IOException {
        t.tmux("kill-server");
        Poll.until(5_000, () -> !t.alive(), "the server gone", () -> "");
        Files.deleteIfExists(t.socket);
        awaitDaemonsGone(home);
    }

    /** The daemons of this home's runtime dir end with their tmux server; wait for it (by pid). */
    private static void awaitDaemonsGone(Path home) {
        DaemonLocks.pids(home.resolve("run")).forEach(DaemonLocks::awaitExit);
    }
}
