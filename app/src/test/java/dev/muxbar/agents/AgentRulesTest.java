package dev.muxbar.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.json.Json;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentRulesTest {

    @Test
    void everyBuiltInLoads() {
        List<String> problems = new ArrayList<>();
        AgentRules rules = AgentRules.load(null, problems::add);
        assertEquals(List.of(), problems);
        assertEquals(AgentRules.BUILT_IN.size(), rules.all().size());
        for (AgentRules.Definition d : rules.all()) {
            assertTrue(!d.processes().isEmpty() || !d.args().isEmpty(), d.agent() + " is recognisable");
        }
    }

    @Test
    void screensOfKnownAgentsEvaluate() {
        AgentRules rules = AgentRules.load(null, m -> {});
        AgentRules.Definition claude = rules.get("claude");
        assertEquals(
                Status.WAITING,
                claude.evaluate(
                        List.of(
                                "Bash command",
                                "  rm -rf build",
                                "",
                                " Do you want to proceed?",
                                " ❯ 1. Yes",
                                "   2. No"),
                        "✳ Claude Code"));
        assertEquals(Status.RUNNING, claude.evaluate(List.of("✻ Thinking… (12s · esc to interrupt)", "", "> "), ""));
        assertEquals(Status.IDLE, claude.evaluate(List.of("Done.", "", "> ", ""), ""));
        AgentRules.Definition aider = rules.get("aider");
        assertEquals(Status.WAITING, aider.evaluate(List.of("Add file.py to the chat? (Y)es/(N)o [Yes]:"), ""));
        assertEquals(Status.IDLE, aider.evaluate(List.of("Tokens: 2k sent, 300 received.", "> "), ""));
        assertNull(aider.evaluate(List.of("some output"), ""), "no rule, no otherwise: no opinion");
    }

    @Test
    void userFilesOverrideAndBrokenOnesAreNamed(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("aider.json"),
                "{\"agent\":\"aider\",\"processes\":[\"my-aider\"],"
                        + "\"screen\":{\"rules\":[{\"status\":\"waiting\",\"match\":\"\\\\?$\"}]}}");
        Files.writeString(
                dir.resolve("broken.json"),
                "{\"agent\":\"x\",\"screen\":{\"rules\":[{\"status\":\"sleeping\",\"match\":\"a\"}]}}");
        Files.writeString(
                dir.resolve("regex.json"),
                "{\"agent\":\"y\",\"screen\":{\"rules\":[{\"status\":\"idle\",\"match\":\"(\"}]}}");
        List<String> problems = new ArrayList<>();
        AgentRules rules = AgentRules.load(dir, problems::add);
        assertEquals("aider", rules.byProcess("my-aider"));
        assertNull(rules.byProcess("aider"), "the user's definition replaced the built-in");
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(
                problems.stream().anyMatch(p -> p.contains("broken.json") && p.contains("status")),
                problems.toString());
        assertTrue(
                problems.stream().anyMatch(p -> p.contains("regex.json") && p.contains("regex")), problems.toString());
        assertThrows(IllegalArgumentException.class, () -> AgentRules.parse(Json.parse("{\"agent\":\"Bad Name\"}")));
    }

    @Test
    void identityFromProcessNameOrRuntimeCommandLine() {
        AgentRules rules = AgentRules.load(null, m -> {});
        int[] reads = {0};
        long[] foreground = {905};
        Processes procs = new Processes() {
            @Override
            public long parentOf(long pid) {
                return 0;
            }

            @Override
            public String commandLineOfDescendant(long pid, String name) {
                reads[0]++;
                return pid == 101 ? "node /usr/lib/node_modules/@google/gemini-cli/dist/index.js" : "node server.js";
            }

            @Override
            public long foregroundOf(long shellPid) {
                return shellPid == 105 ? foreground[0] : 0;
            }

            @Override
            public List<String> arguments(long pid) {
                reads[0]++;
                return pid == 905 ? List.of("ssh", "-p", "2222", "me@devbox") : List.of("ssh", "gpu-1");
            }
        };
        Identity identity = new Identity(rules, procs);
        Snapshot s = new Snapshot(
                new Snapshot.ServerInfo(1, 1, "3.3a"),
                List.of(
                        AgentFixtures.session(1, "a", "node", "/src"),
                        AgentFixtures.session(2, "b", "node", "/b"),
                        AgentFixtures.session(3, "c", "claude", "/c"),
                        AgentFixtures.session(4, "d", "zsh", "/d"),
                        AgentFixtures.session(5, "e", "ssh", "/e")),
                List.of());
        assertEquals(Map.of("%1", "gemini", "%3", "claude"), identity.apply(s).agents());
        Identities again = identity.apply(s);
        assertEquals(Map.of("%1", "gemini", "%3", "claude"), again.agents());
        assertEquals(Map.of("%5", new Remote("ssh", "devbox")), again.remotes());
        assertEquals(3, reads[0], "command lines are read once per pane process");
        foreground[0] = 906; // the user left devbox and ran `ssh gpu-1` in the same shell
        assertEquals(Map.of("%5", new Remote("ssh", "gpu-1")), identity.apply(s).remotes());
        assertNotNull(Processes.system());
    }

    /** Screens as the agents' TUIs draw their prompts (screens/index.txt): the rules read each right. */
    @Test
    void recordedScreensAreReadRight() throws Exception {
        assertEquals(List.of(), misread("/screens/", 14));
    }

    /** Screens of the real CLIs at their pinned versions, captured while they ran (screens/real/index.txt). */
    @Test
    void realScreensAreReadRight() throws Exception {
        assertEquals(List.of(), misread("/screens/real/", 12));
    }

    /** A recorded screen: its line of the index (file, agent, status, what it waits for) and its lines. */
    private record Recorded(String[] fields, List<String> screen) {}

    /** The screens an index lists. */
    private List<Recorded> recorded(String dir) throws java.io.IOException {
        String index = new String(
                getClass().getResourceAsStream(dir + "index.txt").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        List<Recorded> out = new java.util.ArrayList<>();
        for (String line : index.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] f = line.trim().split(" +");
                out.add(new Recorded(
                        f,
                        List.of(new String(
                                        getClass()
                                                .getResourceAsStream(dir + f[0])
                                                .readAllBytes(),
                                        java.nio.charset.StandardCharsets.UTF_8)
                                .split("\n"))));
            }
        }
        return out;
    }

    private List<String> misread(String dir, int atLeast) throws java.io.IOException {
        AgentRules rules = AgentRules.load(null, m -> {});
        List<String> wrong = new java.util.ArrayList<>();
        int n = 0;
        for (Recorded r : recorded(dir)) {
            String[] f = r.fields();
            List<String> screen = r.screen();
            AgentRules.Verdict v = rules.get(f[1]).judge(screen, "");
            String got = v == null
                    ? "nothing"
                    : v.status().label()
                            + (v.status() == dev.muxbar.model.Status.WAITING
                                    ? " "
                                            + (v.waitsFor() == null
                                                    ? "permission"
                                                    : v.waitsFor().label())
                                    : "");
            String want = f[2] + (f.length > 3 ? " " + f[3] : "");
            if (!got.equals(want)) {
                wrong.add(f[0] + ": want " + want + ", got " + got + (v == null ? "" : " (" + v.rule() + ")"));
            }
            n++;
        }
        assertTrue(n >= atLeast, "the index lists the screens");
        return wrong;
    }

    /**
     * Through ssh the agent is known by its screen alone: every recorded screen of an agent with a
     * signature is recognised as that agent (never as another), and a shell — also one right below
     * the last screen of an agent that quit — as none.
     */
    @Test
    void screensAreRecognisedByTheirAgentsSignatureAndAShellIsNot() throws Exception {
        AgentRules rules = AgentRules.load(null, m -> {});
        List<String> wrong = new java.util.ArrayList<>();
        int n = 0;
        for (String dir : List.of("/screens/", "/screens/real/")) {
            for (Recorded r : recorded(dir)) {
                String[] f = r.fields();
                List<String> screen = r.screen();
                AgentRules.Definition d = rules.recognise(screen);
                boolean signed = rules.get(f[1]).signature() != null;
                if (signed ? d == null || !d.agent().equals(f[1]) : d != null) {
                    wrong.add(f[0] + ": " + (d == null ? "none" : d.agent()));
                }
                if (signed) {
                    n++;
                    List<String> quit = new java.util.ArrayList<>(screen);
                    quit.add("me@devbox:~/src$ ");
                    if (rules.recognise(quit) != null) {
                        wrong.add(f[0] + " with a shell prompt below: still "
                                + rules.recognise(quit).agent());
                    }
                }
            }
        }
        // Footers of the real CLIs in a narrower pane (next to a sidebar), as captured: Claude Code 2.1.328
        // shows its agents hint after its own, Codex 0.169.0 drops "? for shortcuts".
        Map<String, List<String>> narrow = Map.of(
                "claude",
                List.of("─".repeat(40), "❯ ", "─".repeat(40), "  ⏸ manual mode on · esc to interrupt · ← for …"),
                "claude (a background agent's panel below the footer)",
                List.of(
                        "─".repeat(40),
                        "  ⏸ manual mode on · ? for shortcuts · ← for a…",
                        "  ● main",
                        "  ◯ general-purpose  Backgr… 3s · ↑ 2.0k tokens"),
                "codex",
                List.of(
                        "› Ask Codex to do anything",
                        "  mock-model default · /tmp/lab/",
                        "  work",
                        "  ← for agents         ⚠ 2 warnings · f2 to view"));
        narrow.forEach((agent, screen) -> {
            AgentRules.Definition d = rules.recognise(screen);
            if (d == null || !agent.startsWith(d.agent() + " ") && !agent.equals(d.agent())) {
                wrong.add("narrow " + agent + ": " + (d == null ? "none" : d.agent()));
            }
        });
        assertEquals(List.of(), wrong);
        assertTrue(n >= 20, "screens with a signature: " + n);
        for (String shell : List.of("me@devbox:~$ ", "❯ ", "~/src main ❯ ls", "› ", "> ", "$ ssh devbox")) {
            assertEquals(null, rules.recognise(List.of("Last login: today", shell)), shell);
        }
    }
}
