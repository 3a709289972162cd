package dev.muxbar.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.api.ApiClient;
import dev.muxbar.testing.DaemonProcess;
import dev.muxbar.testing.FarSide;
import dev.muxbar.testing.NestedClient;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Sshd;
import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TmuxServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person at a local tmux acts on the agents of another machine (a second tmux server with its own
 * muxbar, through a real sshd on 127.0.0.1): M-0 opens the waiting agent's session in a local window;
 * in the sidebar, the cursor walks into the machine's rows, p peeks at the far agent, a and 2 answer
 * it, R replies to another one in a session whose name is hostile — each arriving byte-exact on the
 * far pane — and Enter opens that session in a local window, then goes back to the same window.
 */
class RemoteActIT {

    @TempDir
    Path tmp;

    /** A session name that would run, expand or split anything that is not quoted for each place. */
    static final String HOSTILE = "it's $(touch PWNED) #{pane_id} \"q\" ;x";

    private final Teardown cleanup = new Teardown();
    private FarSide far;
    private TmuxServer local;
    private DaemonProcess daemon;
    private NestedClient client;

    private static String fake() {
        return Path.of(System.getProperty("muxbar.root"), "app/src/test/resources/fake-agents/claude")
                .toString();
    }

    @BeforeEach
    void start() throws Exception {
        assertTrue(Sshd.available(), "needs OpenSSH's sshd (apt-get install openssh-server)");
        Sshd sshd = cleanup.track(Sshd.start(tmp.resolve("ssh")));
        far = cleanup.track(FarSide.start(tmp, t -> {
            t.tmux("set-option", "-g", "default-shell", "/bin/sh");
            t.tmux("new-session", "-d", "-s", "far-work", "exec bash -c 'exec -a claude /bin/sh " + fake() + "'");
            t.tmux(
                    "new-session",
                    "-d",
                    "-s",
                    HOSTILE.replace("#", "##"), // new-session expands formats in the name: ## is one #
                    "export FAKE_MODE=idle; exec bash -c 'exec -a claude /bin/sh " + fake() + "'");
        }));
        local = cleanup.track(new TmuxServer("here"));
        local.tmux("set", "-g", "@muxbar-hosts", Sshd.HOST);
        // As the plugin leaves it: M-0 bound to the shell fast path, and recorded as muxbar's.
        String script = Path.of(System.getProperty("muxbar.root"), "scripts/switch-index")
                .toString();
        local.tmux("bind-key", "-n", "M-0", "run-shell", "-b", "'" + script + "' next '#{client_tty}'");
        local.tmux("set", "-g", "@muxbar-bound-keys", "root:M-0:next");
        local.tmux(
                "set-environment",
                "-g",
                "MUXBAR_RUNTIME_DIR",
                tmp.resolve("run").toString());
        daemon = cleanup.track(sshd.daemonFor(local, tmp, far.command));
        client = cleanup.track(new NestedClient(local, "here"));
    }

    @AfterEach
    void stop() {
        cleanup.close();
    }

    private String state() {
        try (ApiClient api = new ApiClient(daemon.socket())) {
            return api.get("/state").body();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private String farPane(String session) {
        return far.tmux.tmux("capture-pane", "-p", "-J", "-t", "=" + session + ":"); // -J: wrapped lines joined
    }

    private String seen() {
        String sidebars;
        try (ApiClient api = new ApiClient(daemon.socket())) {
            sidebars = api.get("/sidebars").body();
        } catch (java.io.IOException e) {
            sidebars = e.toString();
        }
        return "screen:\n" + client.styledScreen() + "\nsidebars: " + sidebars + "\nlocal windows:\n"
                + local.tmux("list-windows", "-a", "-F", "#{session_name} #{window_id} #{pane_current_command}")
                + "\nfar clients: " + far.tmux.tmux("list-clients", "-F", "#{client_session}") + "\n"
                + daemon.diagnostics();
    }

    /**
     * The client back in the local session "here", as a person's own switch would: the keys that follow
     * come at once, before the daemon's model may know where the client is (it asks tmux then).
     */
    private void backHome() {
        local.tmux("switch-client", "-c", client.clientName(), "-t", "=here");
        String here = local.display("=here:", "#{session_id}").strip();
        Poll.until(
                5_000,
                () -> here.equals(
                        local.display(client.clientName(), "#{session_id}").strip()),
                "back home",
                this::seen);
    }

    /** Presses one key and waits until the screen shows {@code expect}. */
    private void press(String key, String expect) {
        client.press(key);
        Poll.until(5_000, () -> client.screen().contains(expect), "after " + key + ": " + expect, this::seen);
    }

    /** Presses Down one row at a time (each move seen on screen) until the screen shows {@code expect}. */
    private void downTo(String expect) {
        for (int i = 0; i < 8 && !client.screen().contains(expect); i++) {
            String before = client.styledScreen(); // the cursor row's colours change, maybe nothing else
            client.press("Down");
            Poll.until(5_000, () -> !client.styledScreen().equals(before), "the cursor moved", this::seen);
        }
        Poll.until(1_000, () -> client.screen().contains(expect), expect, this::seen);
    }

    private static String hex(String s) {
        return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPersonReachesAndAnswersAgentsOnAnotherMachine() throws Exception {
        Poll.until(30_000, () -> state().contains("\"status\":\"waiting\""), "the far agent waiting, here", this::seen);
        Poll.until(5_000, () -> client.screen().contains("muxbar"), "the sidebar drawn", this::seen);

        // M-0: the most urgent agent is over there; its session opens in a local window.
        Poll.until(
                5_000,
                () -> local.tmux("list-keys", "-T", "root", "M-0").contains("/next?client="),
                "M-0 bound to the daemon's next while a far agent waits",
                () -> local.tmux("list-keys", "-T", "root", "M-0"));
        client.press("M-0");
        Poll.until(
                15_000,
                () -> far.tmux.tmux("list-clients", "-F", "#{client_session}").contains("far-work"),
                "a local window attached to far-work over ssh",
                this::seen);
        Poll.until(5_000, () -> client.screen().contains("Do you want to proceed?"), "the far agent shown", this::seen);

        // Back home; into the sidebar, down into the other machine's rows.
        backHome();
        String window = local.display("=here:", "#{window_id}").strip();
        String sidebar = local.tmux("list-panes", "-t", window, "-F", "#{pane_id} #{?@muxbar-sidebar,S,-}")
                .lines()
                .filter(l -> l.endsWith(" S"))
                .map(l -> l.split(" ")[0])
                .findFirst()
                .orElseThrow();
        local.tmux("select-pane", "-t", sidebar);
        Poll.until(5_000, () -> local.display(sidebar, "#{pane_active}").strip().equals("1"), "focused", this::seen);
        downTo("far-work @" + Sshd.HOST);
        press("Right", "claude");

        press("p", "Do you want to proceed?"); // the far pane, read through the far muxbar
        assertTrue(client.screen().contains("@" + Sshd.HOST), client.screen());
        press("p", "far-work @" + Sshd.HOST);

        press("a", "1-9 answer");
        client.press("2");
        Poll.until(10_000, () -> farPane("far-work").contains("GOT:32"), "2 reached the far agent", this::seen);
        assertTrue(!farPane("far-work").contains("GOT:31"), farPane("far-work"));

        // The hostile session: a reply arrives byte-exact; nothing in its name ran anywhere.
        press("Left", "? help"); // out of the agents (the answered one may be gone from the list)
        assertTrue(far.tmux.tmux("list-sessions", "-F", "#{session_name}").contains(HOSTILE), "named so there");
        downTo("── it's $(touch");
        press("Right", "claude");
        press("R", "to claude");
        String text = "ok; $(touch PWNED2) 'q' #{pane_id} ünï";
        client.type(text);
        client.press("Enter");
        Poll.until(
                10_000,
                () -> farPane(HOSTILE).contains("GOT:" + hex(text)),
                "the reply, byte-exact, on the far pane",
                () -> farPane(HOSTILE) + "\n" + seen());

        // Enter on that session: a local window attached to it; Enter again goes back to the same one.
        press("Left", "── it's $(touch");
        client.press("Enter");
        Poll.until(
                15_000,
                () -> far.tmux.tmux("list-clients", "-F", "#{client_session}").contains(HOSTILE),
                "a local window attached to the hostile session",
                this::seen);
        String windows = local.tmux("list-windows", "-a", "-F", "#{session_name}|#{window_name}");
        assertEquals(
                2, windows.lines().filter(l -> l.contains(Sshd.HOST + " (ssh)")).count(), windows);
        backHome();
        local.tmux("select-pane", "-t", sidebar);
        Poll.until(5_000, () -> local.display(sidebar, "#{pane_active}").strip().equals("1"), "focused", this::seen);
        client.press("Enter"); // the cursor is still on the hostile session
        Poll.until(
                5_000,
                () -> !local.display(client.clientName(), "#{session_name}").contains("here"),
                "back in the machine's window",
                this::seen);
        assertEquals(
                windows,
                local.tmux("list-windows", "-a", "-F", "#{session_name}|#{window_name}"),
                "no second window for the same session");
        for (Path dir : new Path[] {tmp, tmp.resolve("home"), Path.of(System.getProperty("user.dir"))}) {
            assertTrue(!Files.exists(dir.resolve("PWNED")) && !Files.exists(dir.resolve("PWNED2")), "nothing ran");
        }
    }

    /** The same from a phone: the web view lists the far agents and acts on them through the far muxbar. */
    @Test
    void aPhoneAnswersAndRepliesToAgentsOnAnotherMachine() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dev.muxbar.testing.Browser.here(), "no chromium and chromedriver here");
        Poll.until(30_000, () -> state().contains("\"status\":\"waiting\""), "the far agent waiting, here", this::seen);
        DaemonProcess.Cli on = DaemonProcess.cli(
                daemon.runtimeDir,
                daemon.stateHome,
                "web",
                "on",
                "--listen",
                "127.0.0.1:" + dev.muxbar.testing.Browser.freePort());
        assertEquals(0, on.exit(), on.output());
        String url = dev.muxbar.testing.Browser.pairLink(
                DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, "web", "pair"));
        try (dev.muxbar.testing.Browser phone = dev.muxbar.testing.Browser.start(360, 740)) {
            phone.driver.get(url);
            String far = ".agent[data-host='" + Sshd.HOST + "']";
            java.util.function.Supplier<String> seen = () -> "page:\n" + phone.page() + "\n" + seen();
            Poll.until(
                    15_000,
                    () -> phone.text(far + " button.choice[data-choice='2']") != null,
                    "the far agent's choices on the phone",
                    seen);
            Poll.until( // the far screen comes after the choices (a second read through the far muxbar)
                    10_000,
                    () -> String.valueOf(phone.text(far + ".waiting")).contains("Do you want to proceed?"),
                    "its far screen on the phone",
                    seen);
            phone.tap(far + " button.choice[data-choice='2']", "2", seen);
            Poll.until(10_000, () -> farPane("far-work").contains("GOT:32"), "2 reached the far agent", seen);
            phone.tap(far + ".idle button.reply-open", "Reply", seen);
            String text = "from a phone; $(touch PWNED3) 'q' #{pane_id} ünï";
            phone.typeReply(text, seen);
            Poll.until(
                    10_000,
                    () -> farPane(HOSTILE).contains("GOT:" + hex(text)),
                    "the phone's reply, byte-exact, on the far pane",
                    () -> farPane(HOSTILE) + "\n" + seen.get());
            assertTrue(daemon.diagnostics().contains("web: phone answered 2 in "), daemon.diagnostics());
            assertTrue(daemon.diagnostics().contains(" on " + Sshd.HOST + ": "), daemon.diagnostics());
        }
        for (Path dir : new Path[] {tmp, tmp.resolve("home"), Path.of(System.getProperty("user.dir"))}) {
            assertTrue(!Files.exists(dir.resolve("PWNED3")), "nothing ran");
        }
    }
}
