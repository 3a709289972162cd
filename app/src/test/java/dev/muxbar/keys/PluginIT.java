package dev.muxbar.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.testing.DaemonLocks;
import dev.muxbar.testing.NestedClient;
import dev.muxbar.testing.PluginServer;
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

/** The plugin loaded the way a user loads it (run-shell muxbar.tmux), driven through real clients. */
class PluginIT {

    @TempDir
    Path tmp;

    private final Teardown cleanup = new Teardown();
    private PluginServer plugin;
    private TmuxServer tmux;

    static Path root() {
        return PluginServer.root();
    }

    @BeforeEach
    void start() throws Exception {
        plugin = track(PluginServer.create("alpha", "beta", "gamma"));
        tmux = plugin.tmux;
    }

    @AfterEach
    void stop() {
        cleanup.close();
    }

    private <T extends AutoCloseable> T track(T c) {
        return cleanup.track(c);
    }

    private void awaitSession(NestedClient c, String session) {
        Poll.until(
                3_000,
                () -> plugin.sessionOf(c).equals(session),
                "client on " + session,
                () -> "client on " + plugin.sessionOf(c) + "\n" + plugin.diagnostics());
    }

    @Test
    void switchKeysFollowTheOrderAcrossReorderKillAndNewSessions() throws Exception {
        plugin.load();
        NestedClient c = track(new NestedClient(tmux, "alpha"));
        awaitSession(c, "alpha");
        c.press("M-2");
        awaitSession(c, "beta");
        // Reorder: gamma to the top, so M-1 is gamma.
        Path dir = plugin.runtimeDir();
        curl(dir, "/order/move?session=gamma&position=1");
        Poll.until(
                3_000,
                () -> tmux.tmux("list-keys", "-T", "root", "M-1").contains("switch-client -t \"$2\""),
                "M-1 rebound",
                () -> plugin.diagnostics());
        c.press("M-1");
        awaitSession(c, "gamma");
        // Kill gamma (after leaving it: tmux detaches a client whose session is destroyed):
        // M-1 is alpha now; a new session becomes M-3.
        c.press("M-2");
        awaitSession(c, "alpha");
        tmux.tmux("kill-session", "-t", "gamma");
        tmux.tmux("new-session", "-d", "-s", "delta");
        Poll.until(
                3_000,
                () -> tmux.tmux("list-keys", "-T", "root", "M-3").contains("switch-client -t \"$3\""),
                "M-3 rebound",
                () -> plugin.diagnostics());
        c.press("M-3");
        awaitSession(c, "delta");
        c.press("M-1");
        awaitSession(c, "alpha");
        // prefix o, then 3: native too.
        Poll.until(
                3_000,
                () -> tmux.tmux("list-keys", "-T", "muxbar", "3").contains("switch-client -t \"$3\""),
                "prefix table bound natively",
                () -> tmux.tmux("list-keys", "-T", "muxbar") + plugin.diagnostics());
        // Separate presses: a key arriving in the same read as "o" is looked up before o's
        // switch-client -T muxbar has run.
        c.press("C-b", "o");
        Poll.until(
                3_000,
                () -> tmux.tmux("list-clients", "-F", "#{client_name} #{client_key_table}")
                        .contains(c.clientName() + " muxbar"),
                "the muxbar key table",
                () -> plugin.diagnostics());
        c.press("3");
        awaitSession(c, "delta");
    }

    @Test
    void theNextKeyJumpsToTheSessionsWhoseAgentsNeedTheUser() throws Exception {
        plugin.load();
        NestedClient c = track(new NestedClient(tmux, "alpha"));
        awaitSession(c, "alpha");
        Path dir = plugin.runtimeDir();
        post(dir, "/agent-event", "{\"agent\":\"aider\",\"status\":\"done\",\"session\":\"beta\"}");
        post(dir, "/agent-event", "{\"agent\":\"claude\",\"status\":\"waiting\",\"session\":\"gamma\"}");
        Poll.until(
                3_000,
                () -> tmux.tmux("list-keys", "-T", "root", "M-0").contains("#{==:#{session_id},$2}"),
                "M-0 bound natively to gamma, then beta",
                () -> tmux.tmux("list-keys", "-T", "root", "M-0") + plugin.diagnostics());
        c.press("M-0");
        awaitSession(c, "gamma"); // waiting beats finished-unseen
        c.press("M-0");
        awaitSession(c, "beta"); // already there: the next one
    }

    private static void post(Path dir, String path, String body) throws Exception {
        Process p = new ProcessBuilder(
                        "curl",
                        "-s",
                        "-f",
                        "--unix-socket",
                        dir.resolve("daemon.sock").toString(),
                        "--data-binary",
                        body,
                        "http://muxbar" + path)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    @Test
    void theScriptPathSwitchesWithTheDaemonStoppedAndBringsItBack() throws Exception {
        plugin.load();
        NestedClient c = track(new NestedClient(tmux, "alpha"));
        awaitSession(c, "alpha");
        String script = "'" + root().resolve("scripts/switch-index").normalize() + "' 3 '#{client_tty}'";
        stopAndSwitchByScript(c, "run-shell -b \"" + script + "\"");
    }

    /**
     * Stops the daemon; then M-3's binding (once it is the script again, containing {@code binding})
     * switches {@code c} to gamma, and the switch brings a new daemon back.
     */
    private void stopAndSwitchByScript(NestedClient c, String binding) {
        long first = plugin.daemonPid();
        plugin.stopDaemon();
        Poll.until(
                3_000,
                () -> tmux.tmux("list-keys", "-T", "root", "M-3").contains(binding),
                "script bindings back after the daemon stopped",
                () -> tmux.tmux("list-keys", "-T", "root", "M-3") + plugin.diagnostics());
        // The stopped daemon's control client must be gone too: a key pressed while tmux is still
        // detaching it was seen to be lost.
        Poll.until(
                3_000,
                () -> tmux.tmux("list-clients", "-F", "#{client_control_mode}")
                        .lines()
                        .noneMatch("1"::equals),
                "the old control client detached",
                () -> plugin.diagnostics());
        c.press("M-3");
        awaitSession(c, "gamma");
        Poll.until(
                15_000,
                () -> plugin.daemonPid() > 0 && plugin.daemonPid() != first,
                "the daemon started again",
                () -> plugin.diagnostics());
    }

    /**
     * A checkout whose path holds a quote, spaces, a {@code $} and a {@code #}: the daemon starts from
     * the plugin, sidebars open, native keys switch, and with the daemon stopped the script bindings
     * switch and bring it back (each path goes through tmux's parser, run-shell's formats and sh).
     */
    @Test
    void anInstallPathWithQuotesSpacesDollarsAndHashesWorks() throws Exception {
        Path odd = Files.createDirectories(plugin.home().resolve("it's a $HOME #x"));
        Path root = Files.createSymbolicLink(odd.resolve("muxbar"), root());
        plugin.load(root);
        Poll.until(
                5_000,
                () -> oneSidebarPerWindow(tmux),
                "a sidebar in every window",
                () -> sidebarsPerWindow(tmux) + "\n" + plugin.diagnostics());
        NestedClient c = track(new NestedClient(tmux, "alpha"));
        awaitSession(c, "alpha");
        c.press("M-2");
        awaitSession(c, "beta");
        stopAndSwitchByScript(c, "#x/muxbar/scripts/switch-index");
    }

    /** Windows and their sidebars: "window sidebar-count" for every window. */
    private java.util.Map<String, Long> sidebarsPerWindow(TmuxServer s) {
        return s.tmux("list-panes", "-a", "-F", "#{window_id} #{?@muxbar-sidebar,1,0}")
                .lines()
                .collect(java.util.stream.Collectors.groupingBy(
                        l -> l.split(" ")[0], java.util.stream.Collectors.summingLong(l -> l.endsWith(" 1") ? 1 : 0)));
    }

    private boolean oneSidebarPerWindow(TmuxServer s) {
        return sidebarsPerWindow(s).values().stream().allMatch(n -> n == 1);
    }

    @Test
    void aDaemonKilledWithSigkillIsReplacedAtOnceAndNewWindowsGetSidebars() throws Exception {
        plugin.load();
        NestedClient c = track(new NestedClient(tmux, "alpha"));
        Poll.until(10_000, () -> oneSidebarPerWindow(tmux), "a sidebar in every window", () -> plugin.diagnostics());
        long first = plugin.daemonPid();
        long killedAt = System.nanoTime();
        ProcessHandle.of(first).orElseThrow().destroyForcibly();
        // No key is pressed: the dead daemon's control client detaches and the plugin's hook revives it.
        Poll.until(
                10_000,
                () -> plugin.daemonPid() > 0 && plugin.daemonPid() != first,
                "a new daemon without any key",
                () -> plugin.diagnostics());
        System.out.printf("kill -9 → new daemon: %d ms%n", (System.nanoTime() - killedAt) / 1_000_000);
        tmux.tmux("new-window", "-d", "-t", "beta");
        Poll.until(
                10_000,
                () -> oneSidebarPerWindow(tmux) && sidebarsPerWindow(tmux).size() == 4,
                "the new window has a sidebar, and no window has two",
                () -> sidebarsPerWindow(tmux) + plugin.diagnostics());
        Poll.until(
                5_000,
                () -> c.screen().contains("alpha") && c.screen().contains("gamma"),
                "the visible sidebar painted by the new daemon",
                c::screen);
    }

    /**
     * A daemon that died and was not (yet) replaced leaves native bindings to sessions that may go:
     * such a key falls back to the script path (no "can't find session"), which brings the daemon back,
     * and the key then follows the new order.
     */
    @Test
    void aNativeKeyWhoseSessionWentWhileTheDaemonWasDeadFallsBackAndRevivesIt() throws Exception {
        plugin.load();
        NestedClient c = track(new NestedClient(tmux, "alpha"));
        awaitSession(c, "alpha");
        Poll.until(
                3_000,
                () -> tmux.tmux("list-keys", "-T", "root", "M-2").contains("switch-client -t \"$1\""),
                "M-2 native to beta",
                () -> plugin.diagnostics());
        tmux.tmux("set-option", "-g", "@muxbar-stopped", "1"); // as if the revival failed: the hook does nothing
        long first = plugin.daemonPid();
        ProcessHandle.of(first).orElseThrow().destroyForcibly();
        Poll.until(
                3_000,
                () -> tmux.tmux("list-clients", "-F", "#{client_control_mode}")
                        .lines()
                        .noneMatch("1"::equals),
                "the dead daemon's control client gone",
                () -> plugin.diagnostics());
        tmux.tmux("kill-session", "-t", "beta");
        assertTrue(
                tmux.tmux("list-keys", "-T", "root", "M-2").contains("switch-client -t \"$1\""),
                "a stale native binding");
        c.press("M-2");
        Poll.until(
                15_000,
                () -> plugin.daemonPid() > 0 && plugin.daemonPid() != first,
                "the key brought the daemon back",
                () -> plugin.diagnostics());
        assertEquals("alpha", plugin.sessionOf(c), "no switch to a session that is gone");
        Poll.until(
                5_000,
                () -> tmux.tmux("list-keys", "-T", "root", "M-2").contains("switch-client -t \"$2\""),
                "M-2 follows the new order (gamma)",
                () -> plugin.diagnostics());
        c.press("M-2");
        awaitSession(c, "gamma");
    }

    /**
     * ensure-daemon returns once the new daemon answers, not once a socket file exists: a daemon
     * killed with kill -9 leaves its socket file, and the new one writes its lock well before it
     * listens (a key pressed right after found no daemon).
     */
    @Test
    void ensureDaemonReturnsOnceTheNewDaemonAnswers() throws Exception {
        plugin.load();
        tmux.tmux("set-option", "-g", "@muxbar-stopped", "1"); // no revival by the hook: this test starts it
        long dead = plugin.daemonPid();
        Path dir = plugin.runtimeDir();
        ProcessHandle.of(dead).orElseThrow().destroyForcibly();
        Poll.until(5_000, () -> !DaemonLocks.running(dead), "the daemon gone", plugin::diagnostics);
        assertTrue(Files.exists(dir.resolve("daemon.sock")), "kill -9 leaves the socket file");
        ProcessBuilder pb =
                new ProcessBuilder(root().resolve("scripts/ensure-daemon").toString()).redirectErrorStream(true);
        pb.environment().put("TMUX", tmux.socket + "," + tmux.display("alpha:", "#{pid}") + ",0");
        pb.environment().put("MUXBAR_RUNTIME_DIR", dir.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        try (dev.muxbar.api.ApiClient api = new dev.muxbar.api.ApiClient(dir.resolve("daemon.sock"))) {
            assertTrue(
                    api.alive(), "ensure-daemon returned, the daemon does not answer\n" + out + plugin.diagnostics());
        }
        cleanup.track(plugin::stopDaemon);
    }

    /** ensure-daemon used to trust kill -0 on the pid in daemon.lock: a reused pid kept muxbar down. */
    @Test
    void aLockNamingAnotherLiveProcessDoesNotKeepMuxbarDown() throws Exception {
        plugin.load();
        NestedClient c = track(new NestedClient(tmux, "alpha"));
        awaitSession(c, "alpha");
        plugin.stopDaemon();
        Path dir = plugin.runtimeDir();
        Poll.until(
                3_000,
                () -> tmux.tmux("list-keys", "-T", "root", "M-3").contains("switch-index"),
                "script bindings back",
                () -> plugin.diagnostics());
        // What a crash leaves behind, with the daemon's pid since taken by a live process (this JVM).
        long someoneElse = ProcessHandle.current().pid();
        Files.writeString(dir.resolve("daemon.lock"), someoneElse + " 1\n");
        try (var ch = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            ch.bind(java.net.UnixDomainSocketAddress.of(dir.resolve("daemon.sock")));
        } // closed: the file stays, as a dead daemon's socket does
        c.press("M-3");
        awaitSession(c, "gamma");
        Poll.until(
                15_000,
                () -> plugin.daemonPid() > 0 && plugin.daemonPid() != someoneElse,
                "a daemon started despite the lock",
                () -> plugin.diagnostics());
    }

    private java.util.Set<String> allKeys(TmuxServer s) {
        return s.tmux("list-keys")
                .lines()
                .map(l -> l.trim().replaceAll("\\s+", " "))
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    private void uninstall(TmuxServer s) throws Exception {
        ProcessBuilder pb =
                new ProcessBuilder(root().resolve("tmux-plugin/uninstall").toString()).redirectErrorStream(true);
        pb.environment().put("TMUX", s.socket + ",1,0");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    /**
     * A config that binds its own M-3 after TPM's line (after the plugin, after the daemon started):
     * the daemon's next rebinding leaves it, a re-source leaves it, uninstall leaves it; and
     * uninstall gives back every table as it was (prefix o included), and the runtime dir.
     */
    @Test
    void aKeyBoundAfterThePluginStaysTheUsersAndUninstallRestoresEveryTable() throws Exception {
        java.util.Set<String> before = allKeys(tmux);
        plugin.load();
        Path dir = plugin.runtimeDir();
        tmux.tmux("bind-key", "-n", "M-3", "select-window", "-t", ":=3");
        curl(dir, "/order/move?session=gamma&position=1"); // the daemon rebinds M-1…M-3
        Poll.until(
                3_000,
                () -> tmux.tmux("list-keys", "-T", "root", "M-1").contains("switch-client -t \"$2\""),
                "M-1 rebound",
                () -> plugin.diagnostics());
        Poll.until(
                3_000,
                () -> tmux.tmux("show-options", "-gv", "@muxbar-skipped-keys").contains("M-3"),
                "M-3 recorded as the user's",
                () -> plugin.diagnostics());
        assertTrue(
                tmux.tmux("list-keys", "-T", "root", "M-3").contains("select-window"),
                tmux.tmux("list-keys", "-T", "root", "M-3"));
        assertFalse(tmux.tmux("show-options", "-gv", "@muxbar-bound-keys").contains("root:M-3:"));
        tmux.tmux("run-shell", root().resolve("muxbar.tmux").toString()); // re-sourced
        Poll.until(
                5_000,
                () -> tmux.tmux("list-keys", "-T", "root", "M-2").contains("switch-client -t \""),
                "native again after re-sourcing",
                () -> plugin.diagnostics());
        assertTrue(
                tmux.tmux("list-keys", "-T", "root", "M-3").contains("select-window"),
                "still the user's after a re-source");

        uninstall(tmux);
        java.util.Set<String> expected = new java.util.TreeSet<>(before);
        expected.add("bind-key -T root M-3 select-window -t :=3");
        assertEquals(expected, allKeys(tmux), "every table as before, plus the user's own M-3");
        assertFalse(Files.exists(dir), "the runtime dir is gone: " + dir);
    }

    /**
     * With automatic-rename on (tmux's default), focusing a sidebar renamed its window after the
     * sidebar's program ("sleep") as soon as the sidebar painted. The control: a window whose
     * focused pane runs cat, fed a key, is renamed by the user's own format — so tmux did run its
     * rename check after the sidebar painted. Uninstall gives the user's format back exactly.
     */
    @Test
    void aFocusedSidebarNeverRenamesItsWindowAndTheUsersRenameFormatIsKept() throws Exception {
        String format = "#{pane_current_command}:x \"y\" $HOME";
        tmux.tmux("set-option", "-g", "automatic-rename-format", format);
        plugin.load();
        tmux.tmux("run-shell", root().resolve("muxbar.tmux").toString()); // re-sourced: wrapped once
        tmux.tmux("new-window", "-d", "-t", "gamma:5");
        String control = tmux.tmux("split-window", "-d", "-P", "-F", "#{pane_id}", "-t", "gamma:5", "cat")
                .trim();
        Poll.until(
                5_000,
                () -> !sidebarIn("alpha:0").isEmpty() && !sidebarIn("gamma:5").isEmpty(),
                "sidebars",
                () -> plugin.diagnostics());
        String sidebar = sidebarIn("alpha:0");
        String before = tmux.display("alpha:0", "#{window_name}");
        tmux.tmux("select-pane", "-t", sidebar);
        tmux.tmux("send-keys", "-t", sidebar, "j"); // the sidebar repaints: output, so tmux checks the name
        tmux.tmux("select-pane", "-t", control);
        Poll.until(
                3_000,
                () -> {
                    tmux.tmux("send-keys", "-t", control, "x");
                    return tmux.display("gamma:5", "#{window_name}")
                            .equals("cat:x \"y\" \\$HOME"); // tmux escapes $ in names
                },
                "control: the user's format names the window whose focused pane runs cat",
                () -> tmux.tmux("list-windows", "-a", "-F", "#{window_id} #{window_name}") + plugin.diagnostics());
        assertEquals(sidebar, tmux.display("alpha:0", "#{pane_id}"), "the sidebar still has the focus");
        assertEquals(before, tmux.display("alpha:0", "#{window_name}"), "a focused sidebar renamed its window");

        uninstall(tmux);
        assertEquals(
                format,
                tmux.tmux("show-options", "-gv", "automatic-rename-format").strip());
    }

    private String sidebarIn(String window) {
        return tmux.tmux("list-panes", "-t", window, "-F", "#{?@muxbar-sidebar,#{pane_id},}")
                .strip();
    }

    /**
     * A newer jar (a TPM update, a rebuild) than the running daemon: loading the plugin replaces the
     * daemon, the new one re-adopts the sidebars (one per window), and {@code muxbar version} said
     * so before.
     */
    @Test
    void aNewerJarReplacesTheRunningDaemonWhenThePluginLoads() throws Exception {
        plugin.load();
        long first = plugin.daemonPid();
        Poll.until(5_000, () -> sidebars(tmux) == windows(tmux), "sidebars", () -> plugin.diagnostics());
        Path jar = dev.muxbar.testing.DaemonProcess.jar();
        java.nio.file.attribute.FileTime was = Files.getLastModifiedTime(jar);
        cleanup.track(() -> Files.setLastModifiedTime(jar, was));
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 2_000));
        dev.muxbar.testing.DaemonProcess.Cli version = dev.muxbar.testing.DaemonProcess.cli(
                plugin.runtimeDir(),
                Path.of(tmux.tmux("show-environment", "-g", "XDG_STATE_HOME")
                        .strip()
                        .replaceFirst("^[^=]*=", "")),
                "version",
                "-L",
                tmux.label);
        assertTrue(version.output().contains("started before this jar was made"), version.output());

        tmux.tmux("run-shell", root().resolve("muxbar.tmux").toString()); // the plugin loads again
        Poll.until(
                15_000,
                () -> plugin.daemonPid() > 0 && plugin.daemonPid() != first,
                "a new daemon",
                () -> plugin.diagnostics());
        Poll.until(5_000, () -> !DaemonLocks.running(first), "the old one stopped", () -> plugin.diagnostics());
        Poll.until(
                5_000,
                () -> sidebars(tmux) == windows(tmux),
                "its sidebars re-adopted, none added twice",
                () -> plugin.diagnostics());
    }

    private static long sidebars(TmuxServer s) {
        return s.tmux("list-panes", "-a", "-F", "#{@muxbar-sidebar}")
                .lines()
                .filter(l -> !l.isBlank())
                .count();
    }

    private static long windows(TmuxServer s) {
        return s.tmux("list-windows", "-a").lines().count();
    }

    @Test
    void twoClientsSwitchIndependently() throws Exception {
        plugin.load();
        NestedClient one = track(new NestedClient(tmux, "alpha"));
        NestedClient two = track(new NestedClient(tmux, "beta"));
        awaitSession(one, "alpha");
        awaitSession(two, "beta");
        one.press("M-3");
        awaitSession(one, "gamma");
        assertEquals("beta", plugin.sessionOf(two));
        two.press("M-1");
        awaitSession(two, "alpha");
        assertEquals("gamma", plugin.sessionOf(one));
    }

    @Test
    void twoServersHaveTheirOwnDaemonOrderAndBindings() throws Exception {
        PluginServer other = track(PluginServer.create("omega", "psi"));
        plugin.load();
        other.load();
        assertFalse(plugin.runtimeDir().equals(other.runtimeDir()));
        assertTrue(plugin.daemonPid() != other.daemonPid());
        assertEquals(
                "$0\talpha\n$1\tbeta\n$2\tgamma\n",
                Files.readString(plugin.runtimeDir().resolve("order")));
        assertEquals("$0\tomega\n$1\tpsi\n", Files.readString(other.runtimeDir().resolve("order")));
        assertTrue(
                other.tmux.tmux("list-keys", "-T", "root", "M-3").contains("switch-index"), "psi has no 3rd session");
        assertTrue(tmux.tmux("list-keys", "-T", "root", "M-3").contains("switch-client -t \"$2\""));
    }

    @Test
    void userBindingsAndHooksSurviveLoadReloadAndUninstall() throws Exception {
        tmux.tmux("bind-key", "-n", "M-3", "display-message", "user M-3");
        tmux.tmux("set-hook", "-g", "client-session-changed[3]", "display-message user-hook");
        tmux.tmux("set-option", "-g", "@resurrect-hook-post-save-all", "echo 'mine' \"$x\"");
        String path = tmux.tmux("show-environment", "-g", "PATH").strip();
        plugin.load();
        assertEquals(
                path + ":" + root().resolve("bin"),
                tmux.tmux("show-environment", "-g", "PATH").strip(),
                "muxbar on the PATH of tmux's shells");
        tmux.tmux("run-shell", root().resolve("muxbar.tmux").toString()); // re-sourced
        tmux.tmux("run-shell", root().resolve("muxbar.tmux").toString());
        Poll.until(5_000, () -> plugin.daemonPid() > 0, "daemon", () -> plugin.diagnostics());
        // A launcher refused by the lock may still be exiting: poll until only real daemons remain.
        Poll.until(
                5_000,
                () -> daemonsOf(tmux) == 1,
                "one daemon after loading three times",
                () -> daemonsOf(tmux) + " daemons\n" + plugin.diagnostics());
        assertEquals(
                2,
                tmux.tmux("show-hooks", "-g", "client-session-changed").lines().count(),
                "one muxbar hook + the user's");
        // Re-sourcing put the script bindings back; the running daemon makes them native again.
        Poll.until(
                5_000,
                () -> tmux.tmux("list-keys", "-T", "root", "M-1").contains("switch-client -t \"$0\""),
                "native again after re-sourcing",
                () -> plugin.diagnostics());
        assertTrue(tmux.tmux("list-keys", "-T", "root", "M-3").contains("user M-3"), "the user's M-3 was not replaced");
        assertEquals(
                "M-3", tmux.tmux("show-options", "-gv", "@muxbar-skipped-keys").trim());

        uninstall(tmux);
        assertEquals(
                List.of("client-session-changed[3] display-message user-hook"),
                tmux.tmux("show-hooks", "-g", "client-session-changed").lines().toList());
        assertTrue(tmux.tmux("list-keys", "-T", "root", "M-3").contains("user M-3"));
        assertTrue(
                tmux.tmux("list-keys", "-T", "root").lines().noneMatch(l -> l.matches(".*-T root +M-[124-9] .*")),
                "muxbar's keys are gone");
        assertTrue(tmux.tmux("list-panes", "-a", "-F", "#{@muxbar-sidebar}").isBlank(), "sidebars are gone");
        assertEquals(-1, plugin.daemonPid(), "daemon stopped");
        assertFalse(tmux.tmux("show-options", "-g").contains("@muxbar"), "options removed");
        assertEquals(
                "echo 'mine' \"$x\"",
                tmux.tmux("show-options", "-gv", "@resurrect-hook-post-save-all")
                        .strip(),
                "the user's resurrect hook back");
        assertEquals(
                "",
                tmux.tmux("show-options", "-gqv", "@resurrect-hook-pre-restore-all")
                        .strip(),
                "muxbar's removed");
        assertEquals(path, tmux.tmux("show-environment", "-g", "PATH").strip(), "PATH exactly as before");
    }

    /** muxbar server processes for a server (the background launcher waiting for health included). */
    private static long daemonsOf(TmuxServer s) {
        return ProcessHandle.allProcesses()
                .map(p -> p.info().commandLine().orElse(""))
                .filter(cmd -> cmd.contains("muxbar") && cmd.contains(" server") && cmd.contains(s.socket.toString()))
                .count();
    }

    private static void curl(Path dir, String path) throws Exception {
        Process p = new ProcessBuilder(
                        "curl",
                        "-s",
                        "-f",
                        "--unix-socket",
                        dir.resolve("daemon.sock").toString(),
                        "-X",
                        "POST",
                        "http://muxbar" + path)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }
}
