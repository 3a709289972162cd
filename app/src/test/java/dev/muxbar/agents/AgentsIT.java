package dev.muxbar.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.muxbar.api.ApiClient;
import dev.muxbar.testing.DaemonProcess;
import dev.muxbar.testing.NestedClient;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TmuxServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agents on a real tmux: hook posts through {@code scripts/muxbar-hook} and curl, a fake agent
 * recognised by its screen, and bad input. A client views session "work"; the agents run in "agents".
 */
class AgentsIT {

    @TempDir
    Path tmp;

    private final Teardown cleanup = new Teardown();
    private TmuxServer tmux;
    private DaemonProcess daemon;
    private NestedClient client;

    @BeforeEach
    void start() throws Exception {
        tmux = cleanup.track(new TmuxServer("work"));
        tmux.tmux("new-session", "-d", "-s", "agents", "-x", "160", "-y", "40");
        tmux.tmux("set-option", "-g", "monitor-bell", "on");
        daemon = cleanup.track(DaemonProcess.start(tmux, tmp.resolve("run"), tmp.resolve("state")))
                .awaitReady();
        client = cleanup.track(new NestedClient(tmux, "work"));
        Poll.until(
                5_000, () -> client.screen().contains("2 agents"), "the sidebar lists the sessions", this::diagnostics);
    }

    @AfterEach
    void stop() {
        cleanup.close();
    }

    private String diagnostics() {
        return "client screen:\n" + client.screen() + "\n" + tmux.describe() + daemon.diagnostics();
    }

    private String contentPane(String session) {
        return tmux.tmux("list-panes", "-t", session, "-F", "#{pane_id} #{?@muxbar-sidebar,S,-}")
                .lines()
                .filter(l -> l.endsWith(" -"))
                .findFirst()
                .orElseThrow()
                .split(" ")[0];
    }

    /** Runs {@code scripts/muxbar-hook AGENT} with the payload on stdin, as Claude Code would. */
    private void hook(String agent, String pane, String payload) throws Exception {
        ProcessBuilder pb =
                new ProcessBuilder("sh", root().resolve("scripts/muxbar-hook").toString(), agent);
        pb.environment().put("MUXBAR_RUNTIME_DIR", daemon.runtimeDir.toString());
        pb.environment().put("TMUX_PANE", pane);
        Process p = pb.redirectErrorStream(true).start();
        p.getOutputStream().write(payload.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals("", out, "the hook is silent");
    }

    /** curl on the daemon's socket: "STATUS BODY". */
    private String curl(String path, String body) throws Exception {
        Process p = new ProcessBuilder(
                        "curl",
                        "-s",
                        "-w",
                        " %{http_code}",
                        "--unix-socket",
                        daemon.socket().toString(),
                        "-H",
                        "Content-Type: application/json",
                        "--data-binary",
                        "@-",
                        "http://muxbar" + path)
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor(5, TimeUnit.SECONDS);
        int sp = out.lastIndexOf(' ');
        return out.substring(sp + 1) + " " + out.substring(0, sp);
    }

    private static Path root() {
        return Path.of(System.getProperty("muxbar.root"));
    }

    private JsonNode agents() throws Exception {
        try (ApiClient api = new ApiClient(daemon.socket())) {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(api.get("/state").body())
                    .get("agents");
        }
    }

    private String agentStatus(String pane, String agent) {
        try {
            for (JsonNode a : agents()) {
                if (a.get("pane").asText().equals(pane)
                        && a.get("agent").asText().equals(agent)) {
                    return a.get("status").asText();
                }
            }
        } catch (Exception e) {
            return "(state failed: " + e + ")";
        }
        return "(none)";
    }

    @Test
    void hookPostsShowAsBadgesAndAWaitingAgentRingsItsWindow() throws Exception {
        // A second window: tmux sets no bell flag on the current window of a session a client (here
        // the daemon's control client) is attached to.
        tmux.tmux("new-window", "-d", "-t", "agents:1");
        Poll.until(
                5_000,
                () -> tmux.tmux("list-panes", "-t", "agents:1", "-F", "#{?@muxbar-sidebar,S,-}")
                        .contains("S"),
                "a sidebar in the new window",
                this::diagnostics);
        String pane = contentPane("agents:1");
        hook(
                "claude",
                pane,
                "{\"session_id\":\"s1\",\"cwd\":\"/tmp\",\"hook_event_name\":\"UserPromptSubmit\","
                        + "\"prompt\":\"fix it\"}");
        Poll.until(5_000, () -> agentStatus(pane, "claude").equals("running"), "claude running", this::diagnostics);
        hook(
                "claude",
                pane,
                "{\"session_id\":\"s1\",\"cwd\":\"/tmp\",\"hook_event_name\":\"PermissionRequest\","
                        + "\"tool_name\":\"Bash\"}");
        long ms = Poll.until(
                2_000,
                () -> client.screen().lines().anyMatch(l -> l.contains("2 agents") && l.contains("?"))
                        && client.screen().contains("1?"),
                "the waiting badge and header count",
                this::diagnostics);
        System.out.printf("hook → badge on the client's screen: %d ms after the hook returned%n", ms);
        // Nobody views the agent's window: its bell rings and the client is told.
        Poll.until(
                3_000,
                () -> tmux.display("agents:1", "#{window_bell_flag}").equals("1"),
                "a bell in the agent's window",
                this::diagnostics);
        // The notice shows in the sidebar's footer (a tmux message would freeze the client's panes).
        Poll.until(
                3_000,
                () -> client.screen().contains(" claude waits for you in"),
                "the attention notice",
                this::diagnostics);
        // Approved: PostToolUse; then the turn ends out of sight: done and unseen.
        hook("claude", pane, "{\"session_id\":\"s1\",\"hook_event_name\":\"PostToolUse\",\"tool_name\":\"Bash\"}");
        hook("claude", pane, "{\"session_id\":\"s1\",\"hook_event_name\":\"Stop\"}");
        Poll.until(2_000, () -> client.screen().contains("1✓"), "an unseen done in the header", this::diagnostics);
        // The user looks at it: no longer unseen.
        tmux.tmux("switch-client", "-c", client.clientName(), "-t", "agents:1");
        Poll.until(
                3_000,
                () -> !client.screen().contains("1✓") && client.screen().contains("✓"),
                "visiting clears the unseen mark (the done badge stays)",
                this::diagnostics);
        hook("claude", pane, "{\"session_id\":\"s1\",\"hook_event_name\":\"SessionEnd\",\"reason\":\"exit\"}");
        Poll.until(
                2_000,
                () -> agentStatus(pane, "claude").equals("(none)"),
                "the row ends with the session",
                this::diagnostics);
    }

    @Test
    void aFakeAgentIsRecognisedByItsProcessAndScreen() throws Exception {
        // A program whose process name is "aider" and which asks a question like aider does.
        tmux.tmux(
                "new-window",
                "-t",
                "agents",
                "bash -c 'exec -a aider bash -c \""
                        + "printf \\\"Add file.py to the chat? (Y)es/(N)o [Yes]: \\\"; read a; echo; echo Waiting for gpt-4o; "
                        + "while :; do sleep 600; done\"'"); // a loop: bash would exec a last lone command
        String pane = tmux.display("agents:1", "#{pane_id}");
        Poll.until(
                8_000,
                () -> agentStatus(pane, "aider").equals("waiting"),
                "aider waiting from its screen",
                () -> agentStatus(pane, "aider") + "\n" + tmux.tmux("capture-pane", "-p", "-t", pane) + diagnostics());
        tmux.tmux("send-keys", "-t", pane, "y", "Enter");
        Poll.until(
                8_000,
                () -> agentStatus(pane, "aider").equals("running"),
                "aider working once answered",
                () -> agentStatus(pane, "aider") + "\n" + tmux.tmux("capture-pane", "-p", "-t", pane) + diagnostics());
    }

    /**
     * tmux 3.3a tells a control client about output and subscription changes only for panes of its
     * own session: an agent known only by its screen, in a session the control client does not sit
     * in, was never read again after its first look. Here the fake agent's session is not the control
     * client's, and its prompt comes after a while, as a real one's does.
     */
    @Test
    void aScreenOnlyAgentInAnotherSessionThanTheControlClientsIsWatched() throws Exception {
        tmux.tmux(
                "new-session",
                "-d",
                "-s",
                "far",
                "-x",
                "160",
                "-y",
                "40",
                "bash -c 'exec -a aider bash -c \""
                        + "echo Aider v0.80; sleep 2; printf \\\"Add file.py to the chat? (Y)es/(N)o [Yes]: \\\"; read a; "
                        + "echo; echo Waiting for gpt-4o; while :; do sleep 600; done\"'");
        String pane = tmux.display("far:", "#{pane_id}");
        Poll.until(
                5_000,
                () -> agentStatus(pane, "aider").equals("idle"),
                "aider known by its process",
                this::diagnostics);
        String control = tmux.tmux("list-clients", "-F", "#{client_control_mode} #{session_name}")
                .lines()
                .filter(l -> l.startsWith("1 "))
                .findFirst()
                .orElse("");
        assertEquals("1 agents", control, "the control client sits in another session than the agent");
        Poll.until(
                5_000,
                () -> agentStatus(pane, "aider").equals("waiting"),
                "aider waiting from its screen",
                () -> agentStatus(pane, "aider") + "\n" + tmux.tmux("capture-pane", "-p", "-t", pane) + diagnostics());
        tmux.tmux("send-keys", "-t", pane, "y", "Enter");
        Poll.until(
                5_000,
                () -> agentStatus(pane, "aider").equals("running"),
                "aider working once answered",
                () -> agentStatus(pane, "aider") + "\n" + tmux.tmux("capture-pane", "-p", "-t", pane) + diagnostics());
    }

    @Test
    void badInputGetsA4xxAndChangesNothing() throws Exception {
        String pane = contentPane("agents");
        JsonNode before = agents();
        for (String[] c : List.of(
                new String[] {"/hooks/claude?pane=" + pane.replace("%", "%25"), "{not json", "400"},
                new String[] {"/hooks/claude?pane=" + pane.replace("%", "%25"), "{\"hook_event_name\":\"Bogus\"}", "400"
                },
                new String[] {"/hooks/claude?pane=%2599", "{\"hook_event_name\":\"Stop\"}", "404"},
                new String[] {"/hooks/claude?pane=x'%3Brm", "{\"hook_event_name\":\"Stop\"}", "400"},
                new String[] {"/hooks/codex?pane=" + pane.replace("%", "%25"), "{\"type\":\"nope\"}", "400"},
                new String[] {
                    "/agent-event", "{\"agent\":\"aider\",\"status\":\"sleepy\",\"pane\":\"" + pane + "\"}", "400"
                },
                new String[] {"/agent-event", "{\"agent\":\"aider\",\"status\":\"done\",\"session\":\"no such\"}", "404"
                },
                new String[] {"/agent-event", "[]", "400"})) {
            String got = curl(c[0], c[1]);
            assertTrue(got.startsWith(c[2] + " {\"error\":"), c[0] + " " + c[1] + " → " + got);
        }
        assertEquals(before, agents(), "no state change");
        String ok = curl(
                "/agent-event",
                "{\"agent\":\"aider\",\"status\":\"waiting\",\"session\":\"agents\","
                        + "\"title\":\"名前 | $HOME \\\"q\\\"\"}");
        assertTrue(ok.startsWith("200 "), ok);
        assertEquals("waiting", agentStatus(pane, "aider"));
        try (ApiClient api = new ApiClient(daemon.socket())) {
            assertTrue(api.alive(), "the daemon is alive");
        }
    }

    @Test
    void hooksInstallKeepsTheUsersSettingsAndUninstallRestoresThem() throws Exception {
        java.nio.file.Path f = tmp.resolve("settings.json");
        String user =
                "{\n  \"hooks\": {\"Stop\": [{\"hooks\": [{\"type\": \"command\", \"command\": \"say done\"}]}]},\n"
                        + "  \"model\": \"opus\"\n}\n";
        java.nio.file.Files.writeString(f, user);
        DaemonProcess.Cli dry = DaemonProcess.cli(
                daemon.runtimeDir, daemon.stateHome, "hooks", "install", "claude", "--file", f.toString(), "--dry-run");
        assertEquals(0, dry.exit(), dry.output());
        assertEquals(user, java.nio.file.Files.readString(f), "a dry run writes nothing");
        DaemonProcess.Cli in = DaemonProcess.cli(
                daemon.runtimeDir, daemon.stateHome, "hooks", "install", "claude", "--file", f.toString());
        assertTrue(in.output().contains("backup"), in.output());
        String installed = java.nio.file.Files.readString(f);
        assertTrue(installed.contains("say done") && installed.contains("muxbar-hook claude"), installed);
        assertTrue(
                DaemonProcess.cli(
                                daemon.runtimeDir,
                                daemon.stateHome,
                                "hooks",
                                "install",
                                "claude",
                                "--file",
                                f.toString())
                        .output()
                        .contains("nothing to do"),
                "a second install is a no-op");
        DaemonProcess.Cli out = DaemonProcess.cli(
                daemon.runtimeDir, daemon.stateHome, "hooks", "uninstall", "claude", "--file", f.toString());
        assertEquals(0, out.exit(), out.output());
        assertEquals(user, java.nio.file.Files.readString(f), "only muxbar's entries went");
        java.nio.file.Files.writeString(f, "{\"hooks\": [}");
        DaemonProcess.Cli bad = DaemonProcess.cli(
                daemon.runtimeDir, daemon.stateHome, "hooks", "install", "claude", "--file", f.toString());
        assertEquals(1, bad.exit(), bad.output());
        assertTrue(bad.output().contains("nothing was changed"), bad.output());
        assertEquals("{\"hooks\": [}", java.nio.file.Files.readString(f));
    }

    /** Was: Java's user.home (the passwd entry's home), so HOME=/tmp/x edited /root/.claude/settings.json. */
    @Test
    void hooksInstallFollowsHomeAndTheAgentsOwnVariables() throws Exception {
        java.nio.file.Path home = java.nio.file.Files.createDirectories(tmp.resolve("home"));
        DaemonProcess.Cli in = DaemonProcess.cli(
                daemon.runtimeDir,
                daemon.stateHome,
                java.util.Map.of("HOME", home.toString()),
                "hooks",
                "install",
                "claude");
        assertEquals(0, in.exit(), in.output());
        assertTrue(java.nio.file.Files.readString(home.resolve(".claude/settings.json"))
                .contains("muxbar-hook claude"));
        java.nio.file.Path cc = tmp.resolve("claude-config");
        java.nio.file.Path cx = java.nio.file.Files.createDirectories(tmp.resolve("codex-home"));
        java.util.Map<String, String> env = java.util.Map.of(
                "HOME", home.toString(), "CLAUDE_CONFIG_DIR", cc.toString(), "CODEX_HOME", cx.toString());
        assertEquals(
                0,
                DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, env, "hooks", "install", "claude")
                        .exit());
        assertTrue(java.nio.file.Files.readString(cc.resolve("settings.json")).contains("muxbar-hook claude"));
        assertEquals(
                0,
                DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, env, "hooks", "install", "codex")
                        .exit());
        assertTrue(java.nio.file.Files.readString(cx.resolve("config.toml")).contains("muxbar-hook"));
    }
}
