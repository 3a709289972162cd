package dev.muxbar.act;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muxbar.api.ApiClient;
import dev.muxbar.testing.DaemonProcess;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TmuxServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acting on agents in a real tmux: fake agent TUIs (app/src/test/resources/fake-agents: a Claude-like
 * permission dialog, a Codex-like approval, an Aider (Y)es/(N)o) each read one answer and print the
 * bytes they got; answers and replies go through the API and the CLI.
 */
class ActIT {

    @TempDir
    Path tmp;

    private final Teardown cleanup = new Teardown();
    private static final ObjectMapper JSON = new ObjectMapper();
    private TmuxServer tmux;
    private DaemonProcess daemon;

    @BeforeEach
    void start() throws Exception {
        tmux = cleanup.track(new TmuxServer("act"));
        tmux.tmux("set-option", "-g", "default-shell", "/bin/sh");
        daemon = cleanup.track(DaemonProcess.start(
                        tmux, tmp.resolve("run"), tmp.resolve("state"), Map.of("HOME", tmp.toString())))
                .awaitReady();
    }

    @AfterEach
    void stop() {
        cleanup.close();
    }

    private static Path fake(String agent) {
        return dev.muxbar.testing.FakeAgents.script(agent);
    }

    /** A new window of session act running a fake agent; returns its pane id. */
    private String run(String agent, String env) {
        return dev.muxbar.testing.FakeAgents.start(tmux, "act", agent, env);
    }

    private JsonNode prompt(String pane) {
        try (ApiClient api = new ApiClient(daemon.socket())) {
            ApiClient.Answer a = api.get("/agents/prompt?pane=" + pane.replace("%", "%25"));
            return a.status() == 200
                    ? JSON.readTree(a.body())
                    : JSON.createObjectNode().put("http", a.status()).put("body", a.body());
        } catch (java.io.IOException e) {
            return JSON.createObjectNode().put("failed", e.toString());
        }
    }

    private String screen(String pane) {
        return tmux.tmux("capture-pane", "-p", "-t", pane);
    }

    private String diagnostics(String pane) {
        return "screen of " + pane + ":\n" + screen(pane) + "\n" + tmux.describe() + daemon.diagnostics();
    }

    /** Waits until the daemon reads a prompt with choices on the pane; returns it. */
    private JsonNode awaitPrompt(String pane, String agent) throws Exception {
        JsonNode[] last = new JsonNode[1];
        Poll.until(
                10_000,
                () -> {
                    last[0] = prompt(pane);
                    return last[0].path("agent").asText().equals(agent)
                            && last[0].path("prompt").path("choices").size() > 0;
                },
                agent + "'s prompt read",
                () -> "last: " + last[0] + "\n" + diagnostics(pane));
        return last[0].path("prompt");
    }

    private static String hex(String s) {
        return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void answersReachEachFakeAgentExactly() throws Exception {
        String claude = run("claude", null);
        String codex = run("codex", null);
        String aider = run("aider", null);
        JsonNode cp = awaitPrompt(claude, "claude");
        assertEquals(
                "Yes, and don't ask again",
                cp.path("choices").path(1).path("label").asText(),
                cp.toString());
        // A stale choice (made for another prompt) sends nothing.
        try (ApiClient api = new ApiClient(daemon.socket())) {
            ApiClient.Answer stale =
                    api.post("/agents/answer?pane=" + claude.replace("%", "%25") + "&choice=2&prompt=0123456789abcdef");
            assertEquals(409, stale.status(), stale.body());
            assertTrue(stale.body().contains("the prompt changed"), stale.body());
        }
        Thread.sleep(300); // a key, had one been sent, would show by now
        assertTrue(!screen(claude).contains("GOT:"), "nothing was sent: " + screen(claude));
        DaemonProcess.Cli pick = DaemonProcess.cli(
                daemon.runtimeDir,
                daemon.stateHome,
                "answer",
                claude,
                "2",
                "--prompt",
                cp.path("hash").asText());
        assertEquals(0, pick.exit(), pick.output());
        Poll.until(
                5_000,
                () -> screen(claude).contains("GOT:" + hex("2")),
                "the fake Claude got 2",
                () -> diagnostics(claude));

        awaitPrompt(codex, "codex");
        DaemonProcess.Cli listing = DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, "answer", codex);
        assertTrue(listing.output().contains("2  Yes, and don't ask again for this command"), listing.output());
        DaemonProcess.Cli no = DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, "answer", codex, "3");
        assertEquals(0, no.exit(), no.output());
        Poll.until(
                5_000, () -> screen(codex).contains("GOT:1b"), "the fake Codex got Escape", () -> diagnostics(codex));

        awaitPrompt(aider, "aider");
        DaemonProcess.Cli yes = DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, "answer", aider, "1");
        assertEquals(0, yes.exit(), yes.output());
        Poll.until(
                5_000,
                () -> screen(aider).contains("GOT:" + hex("y")),
                "the fake Aider got y and Enter",
                () -> diagnostics(aider));
        assertTrue(daemon.diagnostics().contains("agent action: answer to claude"), "every action is logged");
    }

    @Test
    void aReplyArrivesByteExact() throws Exception {
        String pane = run("claude", "FAKE_MODE=idle");
        Poll.until(
                10_000,
                () -> prompt(pane).path("agent").asText().equals("claude"),
                "the agent row",
                () -> diagnostics(pane));
        String text = "-n 'x' \"y\"; echo #{pane_id} $HOME é ✓";
        DaemonProcess.Cli r = DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, "reply", pane, "--", text);
        assertEquals(0, r.exit(), r.output());
        Poll.until(
                5_000,
                () -> screen(pane).replace("\n", "").contains("GOT:" + hex(text)),
                "the reply byte for byte",
                () -> diagnostics(pane));
        DaemonProcess.Cli bad = DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, "reply", "x;y", "hi");
        assertEquals(2, bad.exit(), bad.output());
    }

    /** The sidebar of a real client: l into the agents, a shows the fake Claude's choices, 2 answers. */
    @Test
    void aPromptIsAnsweredFromARealClientsSidebar() throws Exception {
        String claude = run("claude", null);
        awaitPrompt(claude, "claude");
        dev.muxbar.testing.NestedClient client = cleanup.track(new dev.muxbar.testing.NestedClient(tmux, "act"));
        intoAgents(client, sidebarBeside(claude), claude);
        client.press("a");
        Poll.until(
                5_000,
                () -> client.screen().contains("asks:") && client.screen().contains("2 Yes, and don"),
                "the choices in the sidebar",
                () -> client.screen() + sidebars() + daemon.diagnostics());
        client.press("2");
        Poll.until(
                5_000,
                () -> screen(claude).contains("GOT:" + hex("2")),
                "the fake Claude got 2 from the sidebar",
                () -> client.screen() + "\n" + diagnostics(claude));
        Poll.until(
                3_000,
                () -> client.screen().contains("sent choice 2"),
                "the footer says what was sent",
                client::screen);
    }

    /** The prompt changes between showing the choices and the key: nothing is sent, and the footer says why. */
    @Test
    void aChoiceForAPromptThatChangedIsNotSent() throws Exception {
        java.nio.file.Path next = tmp.resolve("next-prompt");
        String claude = run("claude", "FAKE_SWITCH='" + next + "'");
        awaitPrompt(claude, "claude");
        dev.muxbar.testing.NestedClient client = cleanup.track(new dev.muxbar.testing.NestedClient(tmux, "act"));
        intoAgents(client, sidebarBeside(claude), claude);
        client.press("a");
        Poll.until(
                5_000,
                () -> client.screen().contains("2 Yes, and don"),
                "the Bash prompt's choices",
                () -> client.screen() + sidebars() + daemon.diagnostics());
        // Another prompt takes its place in the same process (an edit now): the agent never leaves its pane,
        // as it did for a moment when the pane was respawned, and the sidebar stays on its choices.
        java.nio.file.Files.createFile(next);
        Poll.until(
                5_000,
                () -> screen(claude).contains("make this edit"),
                "the new prompt drawn",
                () -> diagnostics(claude));
        client.press("2");
        Poll.until(
                5_000,
                () -> client.screen().contains("prompt changed"),
                "the footer says why nothing was sent",
                client::screen);
        Thread.sleep(300); // a key, had one been sent, would show by now
        assertTrue(!screen(claude).contains("GOT:"), "nothing was sent:\n" + screen(claude));
    }

    /** p on an agent: the sidebar widens and shows its pane live, in colour; p gives the width back. */
    @Test
    void aPeekShowsTheAgentsScreenLiveAndGivesTheWidthBack() throws Exception {
        String pane = tmux.tmux(
                        "new-window",
                        "-d",
                        "-P",
                        "-F",
                        "#{pane_id}",
                        "-t",
                        "act:",
                        "exec bash -c 'exec -a claude /bin/sh " + fake("busy") + "'")
                .strip();
        Poll.until(
                10_000,
                () -> prompt(pane).path("agent").asText().equals("claude"),
                "the agent row",
                () -> diagnostics(pane));
        dev.muxbar.testing.NestedClient client = cleanup.track(new dev.muxbar.testing.NestedClient(tmux, "act"));
        String sidebar = sidebarBeside(pane);
        int width = Integer.parseInt(tmux.display(sidebar, "#{pane_width}").strip());
        intoAgents(client, sidebar, pane);
        client.press("p");
        Poll.until(
                5_000,
                () -> client.screen().contains("green start") && client.screen().contains("tick"),
                "the peek shows the agent's screen",
                client::screen);
        // The width follows the content (the option is read first, then the pane resized).
        Poll.until(
                5_000,
                () -> Integer.parseInt(tmux.display(sidebar, "#{pane_width}").strip()) > width,
                "the sidebar widened from " + width,
                () -> diagnostics(pane));
        String seen = lastTick(client.screen());
        Poll.until(5_000, () -> !lastTick(client.screen()).equals(seen), "the peek follows the output", client::screen);
        String styled = client.styledScreen();
        assertTrue(
                java.util.regex.Pattern.compile(
                                "\u001b\\[(?:[0-9;]*;)?32(?:;[0-9;]*)?m(?:\u001b\\[[0-9;]*m)*green start")
                        .matcher(styled)
                        .find(),
                "in its colours (green):\n" + styled);
        client.press("p");
        Poll.until(
                5_000,
                () -> Integer.parseInt(tmux.display(sidebar, "#{pane_width}").strip()) == width,
                "the width given back",
                () -> diagnostics(pane));
        // The agent's own pane shows its output beside the sidebar; the sidebar's columns no longer do.
        Poll.until(
                3_000,
                () -> client.screen()
                        .lines()
                        .noneMatch(
                                l -> l.substring(0, Math.min(l.length(), width)).contains("green")),
                "the peek closed",
                client::screen);
    }

    private static String lastTick(String screen) {
        String last = "";
        for (String l : screen.split("\n")) {
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("tick \\d+").matcher(l);
            if (m.find()) {
                last = m.group();
            }
        }
        return last;
    }

    private String sidebars() {
        try (ApiClient api = new ApiClient(daemon.socket())) {
            return "\nsidebars: " + api.get("/sidebars").body() + "\npanes:\n"
                    + tmux.tmux(
                            "list-panes",
                            "-a",
                            "-F",
                            "#{pane_id} #{window_id} active=#{pane_active} #{pane_current_command} #{?@muxbar-sidebar,S,-}")
                    + "\n";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** Focuses the window's sidebar and goes into its agent list (l), waiting for each step to show. */
    private void intoAgents(dev.muxbar.testing.NestedClient client, String sidebar, String agentPane) {
        tmux.tmux("select-pane", "-t", sidebar);
        Poll.until(
                5_000,
                () -> tmux.display(sidebar, "#{pane_active}").strip().equals("1"),
                "the sidebar focused",
                () -> diagnostics(agentPane));
        Poll.until(5_000, () -> client.screen().contains("muxbar"), "the sidebar drawn", client::screen);
        client.press("l");
        Poll.until(5_000, () -> client.screen().contains(" claude "), "the agent list", client::screen);
    }

    /** Shows the agent's window to the client and returns the sidebar in it, once there is one. */
    private String sidebarBeside(String agentPane) {
        String window = tmux.display(agentPane, "#{window_id}").strip();
        tmux.tmux("select-window", "-t", window);
        Poll.until(
                5_000,
                () -> !sidebarOf(window).isEmpty(),
                "a sidebar in the agent's window",
                () -> diagnostics(agentPane));
        return sidebarOf(window);
    }

    private String sidebarOf(String window) {
        return tmux.tmux("list-panes", "-t", window, "-F", "#{pane_id} #{?@muxbar-sidebar,S,-}")
                .lines()
                .filter(l -> l.endsWith(" S"))
                .map(l -> l.split(" ")[0])
                .findFirst()
                .orElse("");
    }
}
