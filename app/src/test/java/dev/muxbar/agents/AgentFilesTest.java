package dev.muxbar.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.config.AgentDirs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each agent's files are read where its own environment puts them, not where the daemon's does. */
class AgentFilesTest {

    /** Pane shells 10, 20, 30 run agents 11, 21, 31; 31's environment cannot be read. */
    private static final class FakeProcesses implements Processes {
        final Map<Long, Map<String, String>> env = new HashMap<>();
        final Map<Long, Integer> reads = new HashMap<>();
        long fg20 = 21;

        @Override
        public long parentOf(long pid) {
            return pid % 10 == 1 ? pid - 1 : 1;
        }

        @Override
        public String commandLineOfDescendant(long pid, String name) {
            return null;
        }

        @Override
        public long foregroundOf(long shellPid) {
            return shellPid == 20 ? fg20 : shellPid + 1;
        }

        @Override
        public Map<String, String> environment(long pid, Set<String> names) {
            reads.merge(pid, 1, Integer::sum);
            return env.getOrDefault(pid, Map.of());
        }
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = AgentFilesTest.class.getResourceAsStream("/agents/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void transcript(Path claudeDir, String cwd, String name) throws IOException {
        Path dir = Files.createDirectories(claudeDir.resolve("projects").resolve(TranscriptTailer.claudeDir(cwd)));
        String[] lines = fixture("claude-transcript.jsonl").split("\n");
        Files.writeString(dir.resolve(name + ".jsonl"), lines[1] + "\n");
    }

    @Test
    void eachAgentsFilesAreReadWhereItsOwnEnvironmentPutsThem(@TempDir Path tmp) throws Exception {
        Path daemonHome = tmp.resolve("daemon-home");
        Path fromRc = tmp.resolve("claude-from-rc"); // CLAUDE_CONFIG_DIR set in the user's shell rc
        Path otherHome = tmp.resolve("other-home"); // HOME changed for one agent
        transcript(fromRc, "/src/a", "one");
        transcript(otherHome.resolve(".claude"), "/src/b", "two");
        transcript(daemonHome.resolve(".claude"), "/src/c", "three");
        transcript(daemonHome.resolve(".claude"), "/src/a", "not-this-agents");
        FakeProcesses procs = new FakeProcesses();
        procs.env.put(11L, Map.of("HOME", tmp.resolve("h").toString(), "CLAUDE_CONFIG_DIR", fromRc.toString()));
        procs.env.put(21L, Map.of("HOME", otherHome.toString()));
        AgentDirs fallback = AgentDirs.of(Map.of("HOME", daemonHome.toString()));
        AgentFiles files = new AgentFiles(
                fallback,
                procs,
                d -> new TranscriptTailer(d.claudeProjects(), d.codexSessions(), m -> {}),
                d -> new Registry(d.claude().resolve("sessions"), pid -> null, m -> {}));
        List<AgentFiles.Pane> panes = List.of(
                new AgentFiles.Pane("claude", 10, "/src/a"),
                new AgentFiles.Pane("claude", 20, "/src/b"),
                new AgentFiles.Pane("claude", 30, "/src/c"));

        List<Signal> got = files.poll(panes, System.currentTimeMillis());

        assertEquals(
                Set.of("/src/a", "/src/b", "/src/c"), cwds(got), "one signal per agent, each from its own dir: " + got);
        assertEquals(3, got.size(), "the daemon's own /src/a transcript is not the rc-configured agent's: " + got);
        assertTrue(files.dirs().contains(fromRc.resolve("sessions")), "its registry is watched: " + files.dirs());
        assertTrue(
                files.dirs().contains(fromRc.resolve("projects").resolve(TranscriptTailer.claudeDir("/src/a"))),
                files.dirs().toString());

        files.poll(panes, System.currentTimeMillis());
        assertEquals(Map.of(11L, 1, 21L, 1, 31L, 1), procs.reads, "an environment is read once per process");

        procs.fg20 = 22; // the pane now runs another program: its environment is read afresh
        files.poll(panes, System.currentTimeMillis());
        assertEquals(1, procs.reads.get(22L));

        files.poll(List.of(), System.currentTimeMillis());
        assertEquals(Set.of(), files.dirs(), "no agent: nothing read, nothing watched");
    }

    private static Set<String> cwds(List<Signal> signals) {
        Set<String> out = new java.util.HashSet<>();
        signals.forEach(s -> out.add(s.where().cwd()));
        return out;
    }
}
