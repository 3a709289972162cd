package dev.muxbar.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.testing.DaemonProcess;
import dev.muxbar.testing.NestedClient;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TmuxServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event stream and what follows it on a real tmux: curl -N reads events, muxbar wait returns
 * when a hook makes an agent wait, a status-line segment shows in a real client's status line, and
 * the notification command gets the right arguments. A client views "work"; agents run in "agents".
 */
class EventsIT {

    @TempDir
    Path tmp;

    private final Teardown cleanup = new Teardown();
    private TmuxServer tmux;
    private DaemonProcess daemon;
    private String pane;
    private Path notes;

    @BeforeEach
    void start() throws Exception {
        tmux = cleanup.track(new TmuxServer("work"));
        tmux.tmux("new-session", "-d", "-s", "agents", "-x", "120", "-y", "30");
        notes = tmp.resolve("notes.txt");
        // The user's notification command: agent text reaches it only as arguments and environment.
        tmux.tmux(
                "set-option",
                "-g",
                "@muxbar-notify-command",
                "printf '%s|%s|%s|%s\\n' \"$1\" \"$2\" \"$MUXBAR_STATUS\" \"$MUXBAR_SESSION\" >> " + notes);
        tmux.tmux("set-option", "-g", "status-right", "[#{@muxbar-status}]");
        tmux.tmux("set-option", "-g", "@muxbar-notify-terminal", "osc9");
        daemon = cleanup.track(DaemonProcess.start(tmux, tmp.resolve("run"), tmp.resolve("state")))
                .awaitReady();
        pane = tmux.display("agents:", "#{pane_id}").strip();
    }

    @AfterEach
    void stop() {
        cleanup.close();
    }

    private String curl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(
                List.of("curl", "-s", "--unix-socket", daemon.socket().toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    private void event(String status, String message) throws Exception {
        curl(
                "--data-binary",
                "{\"agent\":\"aider\",\"status\":\"" + status + "\",\"pane\":\"" + pane + "\",\"message\":\"" + message
                        + "\"}",
                "http://muxbar/agent-event");
    }

    /** {@code curl -N} reading the stream into {@code file}; returns once it has its first event (connected). */
    private Process stream(Path file, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                "curl",
                "-sN",
                "--max-time",
                "20",
                "-o",
                file.toString(),
                "--unix-socket",
                daemon.socket().toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        cleanup.track(p::destroyForcibly);
        Poll.until(5_000, () -> read(file).contains("event: snapshot"), "the stream connected", () -> read(file));
        return p;
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (java.io.IOException e) {
            return "(" + e + ")";
        }
    }

    @Test
    void curlReadsTheStreamAndABadLastEventIdGetsASnapshot() throws Exception {
        Path stream = tmp.resolve("stream.txt");
        Process reader = stream(stream, "-H", "Last-Event-ID: 12abc", "http://muxbar/events?types=agents");
        event("running", "m1");
        event("waiting", "m2 \\\"quoted\\\" ;$x");
        Poll.until(
                5_000,
                () -> read(stream).contains("\"status\":\"waiting\""),
                "the events streamed",
                () -> read(stream));
        reader.destroy();
        String out = read(stream);
        assertTrue(out.startsWith("id: "), out);
        assertTrue(out.contains("event: snapshot"), "a malformed Last-Event-ID: a snapshot first\n" + out);
        assertTrue(out.contains("event: agent") && out.contains("\"status\":\"waiting\""), out);
        assertTrue(out.contains("m2 \\\"quoted\\\" ;$x"), "the message as JSON\n" + out);
        String bad = curl("-i", "http://muxbar/events?types=bogus");
        assertTrue(bad.startsWith("HTTP/1.1 400"), bad);
    }

    @Test
    void waitReturnsWhenAHookMakesTheAgentWaitAndTimesOutOtherwise() throws Exception {
        event("running", "work");
        List<String> cmd = new ArrayList<>(DaemonProcess.commandLine(
                "wait", "-L", tmux.label, "--until", "waiting", "--pane", pane, "--timeout", "20"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        DaemonProcess.environment(pb, daemon.runtimeDir, daemon.stateHome);
        Process waiting = pb.start();
        cleanup.track(waiting::destroyForcibly);
        Thread.sleep(1_500);
        assertTrue(waiting.isAlive(), "still waiting while the agent runs");
        event("waiting", "permission: Bash");
        assertTrue(waiting.waitFor(10, TimeUnit.SECONDS), "wait returned");
        assertEquals(
                0, waiting.exitValue(), new String(waiting.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        DaemonProcess.Cli late = DaemonProcess.cli(
                daemon.runtimeDir,
                daemon.stateHome,
                "wait",
                "-L",
                tmux.label,
                "--until",
                "done",
                "--pane",
                pane,
                "--timeout",
                "1");
        assertEquals(1, late.exit(), late.output());
        DaemonProcess.Cli bad =
                DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, "wait", "-L", tmux.label, "--until", "asleep");
        assertEquals(2, bad.exit(), bad.output());
    }

    @Test
    void aStatusLineSegmentAndTheNotificationCommandFollowTheAgent() throws Exception {
        NestedClient client = cleanup.track(new NestedClient(tmux, "work"));
        Poll.until(5_000, () -> client.screen().contains("[]"), "an empty segment while nothing waits", client::screen);
        Path terminal = tmp.resolve("terminal.out");
        client.recordOutput(terminal);
        event("waiting", "permission: Bash");
        Poll.until(
                5_000,
                () -> client.screen().contains("[1?]"),
                "the segment in the client's status line",
                client::screen);
        // The global segment is set first; the session's and the window's follow in the same batch.
        Poll.until(
                5_000,
                () -> tmux.tmux("show-options", "-qv", "-t", "agents", "@muxbar-session-status")
                                .strip()
                                .equals("1?")
                        && tmux.tmux("show-options", "-wqv", "-t", "agents:", "@muxbar-window-status")
                                .strip()
                                .equals("?"),
                "the session's and the window's segments",
                () -> daemon.diagnostics());
        Poll.until(
                5_000,
                () -> read(notes).contains("waiting"),
                "the notification command ran",
                () -> daemon.diagnostics());
        assertEquals("muxbar: aider|aider waits for you in agents|waiting|agents\n", Files.readString(notes));
        // And through the client's own terminal: tmux passed the sidebar's OSC 9 on to it.
        Poll.until(
                5_000,
                () -> read(terminal).contains("\u001b]9;muxbar: aider waits for you in agents\u0007"),
                "OSC 9 reached the client's terminal",
                () -> read(terminal).replace("\u001b", "^["));
        // Muted: neither muxbar's alerts nor the session's own bells reach the terminal; unmuted, as before.
        tmux.tmux("set-option", "-t", "agents", "bell-action", "other");
        curl("-X", "POST", "http://muxbar/mute?session=agents");
        Poll.until(
                5_000,
                () -> tmux.tmux("show-options", "-qv", "-t", "agents", "bell-action")
                        .strip()
                        .equals("none"),
                "the muted session's bells off",
                () -> daemon.diagnostics());
        curl("-X", "POST", "http://muxbar/mute?session=agents");
        Poll.until(
                5_000,
                () -> tmux.tmux("show-options", "-qv", "-t", "agents", "bell-action")
                        .strip()
                        .equals("other"),
                "its own bell-action back",
                () -> daemon.diagnostics());
        event("running", "go");
        Poll.until(5_000, () -> client.screen().contains("[]"), "the segment cleared", client::screen);
        Poll.until(
                5_000,
                () -> tmux.tmux("show-options", "-wqv", "-t", "agents:", "@muxbar-window-status")
                        .strip()
                        .equals("●"),
                "the window's segment: working now",
                () -> daemon.diagnostics());
    }

    @Test
    void aScriptsStatusProgressAndLogShowInTheSidebarAndTheStream() throws Exception {
        NestedClient client = cleanup.track(new NestedClient(tmux, "work"));
        Poll.until(5_000, () -> client.screen().contains("muxbar"), "the sidebar", client::screen);
        Path stream = tmp.resolve("meta-stream.txt");
        Process reader = stream(stream, "http://muxbar/events?types=meta");
        for (String[] a : List.of(
                new String[] {"status", "work", "tests green", "--tone", "ok"},
                new String[] {"progress", "work", "3", "8"},
                new String[] {"log", "work", "deployed v2 ;$x"})) {
            List<String> args = new ArrayList<>(List.of("meta", "-L", tmux.label));
            args.addAll(List.of(a));
            DaemonProcess.Cli r = DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, args.toArray(new String[0]));
            assertEquals(0, r.exit(), r.output());
        }
        Poll.until(
                5_000,
                () -> client.screen().contains("tests green")
                        && client.screen().contains("3/8")
                        && client.screen().contains("deployed v2 ;$x"),
                "status, progress and log in the detail panel",
                client::screen);
        Poll.until(5_000, () -> read(stream).contains("tests green"), "the meta events streamed", () -> read(stream));
        reader.destroy();
        String out = read(stream);
        assertTrue(out.contains("event: meta") && out.contains("\"text\":\"tests green\",\"tone\":\"ok\""), out);
        // A client that comes in later finds what scripts said in its first event, the snapshot.
        Path late = tmp.resolve("meta-late.txt");
        Process lateReader = stream(late, "http://muxbar/events?types=meta");
        Poll.until(
                5_000,
                () -> read(late).contains("event: snapshot") && read(late).contains("tests green"),
                "the meta in a late client's snapshot",
                () -> read(late));
        lateReader.destroy();
        assertEquals(
                1,
                DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, "meta", "-L", tmux.label, "status", "nope", "x")
                        .exit(),
                "unknown session");
        assertEquals(
                2,
                DaemonProcess.cli(
                                daemon.runtimeDir,
                                daemon.stateHome,
                                "meta",
                                "-L",
                                tmux.label,
                                "status",
                                "work",
                                "x",
                                "--tone",
                                "loud")
                        .exit(),
                "bad tone");
        assertEquals(
                0,
                DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, "meta", "-L", tmux.label, "clear", "work")
                        .exit());
        Poll.until(5_000, () -> !client.screen().contains("tests green"), "cleared", client::screen);
    }
}
