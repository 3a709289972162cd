package dev.muxbar.resume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muxbar.api.ApiClient;
import dev.muxbar.testing.DaemonProcess;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TmuxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agents outlive their tmux server: two fake agents (a claude started with flags, a one-shot prompt,
 * its own config dir and a secret in its environment; a codex in another session) are remembered;
 * after {@code kill-server} and a fresh server, {@code @muxbar-resume auto} makes their sessions,
 * windows and panes again and starts each with its resume command — the exact flags, cwd and only the
 * environment that decides where it keeps its data; never twice; then a hibernate that refuses a
 * working agent, ends an idle one, and Enter in its pane wakes it.
 */
class RestartIT {

    @TempDir
    Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Teardown cleanup = new Teardown();
    private final String label = TmuxServer.newLabel();
    private Path log;
    private Path project;
    private Path conf;

    @BeforeEach
    void setUp() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path fake = Path.of(System.getProperty("muxbar.root"), "app/src/test/resources/fake-agents/lasting");
        for (String name : List.of("claude", "codex")) {
            Files.copy(fake, bin.resolve(name));
            Files.setPosixFilePermissions(bin.resolve(name), PosixFilePermissions.fromString("rwx------"));
        }
        log = tmp.resolve("agents.log");
        Files.writeString(log, "");
        project = Files.createDirectories(tmp.resolve("it's a project"));
        conf = tmp.resolve("tmux.conf");
        // Panes run login shells, which set PATH again from /etc/profile: the agents go on PATH in the
        // user's own ~/.profile, as people's do.
        Files.writeString(tmp.resolve(".profile"), "PATH='" + bin + "':$PATH; export PATH\n");
        Files.writeString(
                conf,
                "set -g default-shell /bin/sh\n"
                        + "set-environment -g HOME '" + tmp + "'\n"
                        + "set-environment -g FAKE_LOG '" + log + "'\n"
                        + "set-environment -g MUXBAR_RUNTIME_DIR '" + tmp.resolve("run") + "'\n"
                        + "set -g @muxbar-resume auto\n");
    }

    @AfterEach
    void tearDown() {
        cleanup.close();
    }

    private DaemonProcess daemon(TmuxServer t) throws Exception {
        return DaemonProcess.start(t, tmp.resolve("run"), tmp.resolve("state"), Map.of("HOME", tmp.toString()))
                .awaitReady();
    }

    private static JsonNode get(DaemonProcess d, String path) {
        try (ApiClient api = new ApiClient(d.socket())) {
            return JSON.readTree(api.get(path).body());
        } catch (java.io.IOException e) {
            return JSON.createObjectNode().put("failed", e.toString());
        }
    }

    private static ApiClient.Answer post(DaemonProcess d, String path, String body) throws java.io.IOException {
        try (ApiClient api = new ApiClient(d.socket())) {
            return body == null ? api.post(path) : api.post(path, body);
        }
    }

    private String starts() {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static String pane(TmuxServer t, String target) {
        return t.tmux("list-panes", "-t", target, "-F", "#{pane_id} #{?@muxbar-sidebar,S,-}")
                .lines()
                .filter(l -> l.endsWith(" -"))
                .map(l -> l.split(" ")[0])
                .findFirst()
                .orElseThrow();
    }

    @Test
    void agentsComeBackAfterARestartExactlyOnceAndSleepAndWake() throws Exception {
        TmuxServer first = cleanup.track(
                new TmuxServer(label, conf, List.of("-s", "work", "-n", "edit", "-c", project.toString())));
        first.tmux("new-window", "-d", "-t", "work:3", "-n", "edit", "-c", project.toString());
        first.tmux("kill-window", "-t", "work:0");
        first.tmux("new-session", "-d", "-s", "api", "-c", "/tmp");
        DaemonProcess d1 = cleanup.track(daemon(first));
        String claude = pane(first, "work:3");
        String codex = pane(first, "api:0");
        first.tmux(
                "send-keys",
                "-t",
                claude,
                "CLAUDE_CONFIG_DIR=/cfg/claude SECRET_TOKEN=s3 claude --model opus 'fix it'",
                "Enter");
        first.tmux("send-keys", "-t", codex, "CODEX_HOME=/cfg/codex codex -m o3 resume old-id 'go on'", "Enter");
        Poll.until(10_000, () -> starts().lines().count() == 2, "both fakes started", this::starts);
        Poll.until(
                10_000,
                () -> get(d1, "/state").path("agents").size() == 2,
                "two agent rows",
                () -> get(d1, "/state").toString());
        post(
                d1,
                "/agent-event",
                "{\"agent\":\"claude\",\"status\":\"idle\",\"pane\":\"" + claude + "\",\"thread\":\"sess-1234-abcd\"}");
        post(
                d1,
                "/agent-event",
                "{\"agent\":\"codex\",\"status\":\"done\",\"pane\":\"" + codex + "\",\"thread\":\"019a-codex-id\"}");
        Path memory = tmp.resolve("state");
        Poll.until(
                10_000,
                () -> {
                    try (var files = Files.walk(memory)) {
                        return files.filter(f -> f.getFileName().toString().equals("agents.json"))
                                .anyMatch(f -> read(f).contains("sess-1234-abcd") && read(f).contains("019a-codex-id"));
                    } catch (java.io.IOException e) {
                        return false;
                    }
                },
                "both remembered on disk",
                () -> get(d1, "/agents/remembered").toString() + d1.diagnostics());
        JsonNode remembered = get(d1, "/agents/remembered").path("agents");
        String c = remembered.toString();
        assertTrue(
                c.contains("\"CLAUDE_CONFIG_DIR\":\"/cfg/claude\"") && !c.contains("s3"),
                "only the data dir's variable: " + c);

        first.tmux("kill-server");
        Poll.until(10_000, () -> !d1.process().isAlive(), "the first daemon gone with its server", d1::diagnostics);

        TmuxServer second = cleanup.track(new TmuxServer(label, conf, List.of("-s", "scratch")));
        DaemonProcess d2 = cleanup.track(daemon(second));
        Poll.until(
                20_000,
                () -> starts().lines().filter(l -> l.startsWith("START")).count() == 4,
                "both agents started again by the new daemon",
                () -> starts() + second.describe() + d2.diagnostics());
        List<String> again = starts().lines()
                .filter(l -> l.startsWith("START"))
                .skip(2)
                .sorted()
                .toList();
        assertEquals(
                List.of(
                        "START claude cwd=" + project
                                + " [--model] [opus] [--resume] [sess-1234-abcd] CLAUDE_CONFIG_DIR=/cfg/claude CODEX_HOME= SECRET_TOKEN=",
                        "START codex cwd=/tmp [-m] [o3] [resume] [019a-codex-id] CLAUDE_CONFIG_DIR= CODEX_HOME=/cfg/codex SECRET_TOKEN="),
                again,
                starts());
        assertEquals(
                "edit",
                second.display("=work:3", "#{window_name}"),
                "its window again, at its index: " + second.describe());

        // Never twice: both run; asking again brings back nothing.
        Poll.until(
                10_000,
                () -> get(d2, "/state").path("agents").size() == 2,
                "both rows again",
                () -> get(d2, "/state").toString());
        ApiClient.Answer twice = post(d2, "/resume?target=all", null);
        assertEquals(404, twice.status(), twice.body());
        assertEquals(4, starts().lines().filter(l -> l.startsWith("START")).count());

        // Hibernate: never a working agent; an idle one ends, its pane says so, Enter wakes it there.
        String claude2 = pane(second, "=work:3");
        post(
                d2,
                "/agent-event",
                "{\"agent\":\"claude\",\"status\":\"running\",\"pane\":\"" + claude2
                        + "\",\"thread\":\"sess-1234-abcd\"}");
        Poll.until(5_000, () -> get(d2, "/state").toString().contains("\"status\":\"running\""), "working", () -> "");
        ApiClient.Answer refused = post(d2, "/hibernate?pane=" + claude2.replace("%", "%25"), null);
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.body().contains("works"), refused.body());
        post(
                d2,
                "/agent-event",
                "{\"agent\":\"claude\",\"status\":\"idle\",\"pane\":\"" + claude2
                        + "\",\"thread\":\"sess-1234-abcd\"}");
        Poll.until(5_000, () -> get(d2, "/state").toString().contains("\"status\":\"idle\""), "idle", () -> "");
        Poll.until(
                10_000,
                () -> get(d2, "/state").path("costs").has(claude2),
                "what the agent costs, sampled",
                () -> get(d2, "/state").path("costs").toString());
        ApiClient.Answer slept = post(d2, "/hibernate?pane=" + claude2.replace("%", "%25"), null);
        assertEquals(200, slept.status(), slept.body());
        Poll.until(
                10_000,
                () -> second.tmux("capture-pane", "-p", "-t", claude2).contains("hibernated — Enter to wake"),
                "the pane says how to wake it",
                () -> second.tmux("capture-pane", "-p", "-t", claude2) + starts() + d2.diagnostics());
        assertTrue(starts().contains("END claude"), starts());
        assertTrue(
                get(d2, "/state").path("resumable").toString().contains("\"state\":\"hibernated\""),
                get(d2, "/state").path("resumable").toString());
        second.tmux("send-keys", "-t", claude2, "Enter");
        Poll.until(
                15_000,
                () -> starts().lines().filter(l -> l.startsWith("START claude")).count() == 3,
                "woken in its pane",
                () -> second.tmux("capture-pane", "-p", "-t", claude2)
                        + starts()
                        + get(d2, "/state").path("resumable")
                        + get(d2, "/state").path("agents")
                        + d2.diagnostics());
        assertTrue(
                starts().lines()
                        .filter(l -> l.startsWith("START claude"))
                        .reduce((a, b) -> b)
                        .orElseThrow()
                        .contains("[--resume] [sess-1234-abcd]"),
                starts());
    }

    /**
     * With tmux-resurrect: the daemon starts while a restore holds (@muxbar-restoring), so nothing is
     * made; resurrect recreates the session and its pane (a shell); its post-restore-all hook (muxbar's
     * script) brings the agent back into that restored pane.
     */
    @Test
    void afterARestoreAgentsComeBackIntoTheRestoredPanes() throws Exception {
        TmuxServer first = cleanup.track(
                new TmuxServer(label, conf, List.of("-s", "work", "-n", "edit", "-c", project.toString())));
        DaemonProcess d1 = cleanup.track(daemon(first));
        String claude = pane(first, "work:0");
        first.tmux("send-keys", "-t", claude, "claude --model opus", "Enter");
        Poll.until(
                10_000,
                () -> get(d1, "/state").path("agents").size() == 1,
                "the agent row",
                () -> get(d1, "/state").toString());
        post(
                d1,
                "/agent-event",
                "{\"agent\":\"claude\",\"status\":\"idle\",\"pane\":\"" + claude + "\",\"thread\":\"sess-restore-1\"}");
        Poll.until(10_000, () -> remembered("sess-restore-1"), "remembered on disk", d1::diagnostics);
        first.tmux("kill-server");
        Poll.until(10_000, () -> !d1.process().isAlive(), "the first daemon gone", d1::diagnostics);

        TmuxServer second = cleanup.track(new TmuxServer(label, conf, List.of("-s", "scratch")));
        second.tmux("set-option", "-g", "@muxbar-restoring", "1"); // as muxbar's pre-restore-all hook does
        // The daemon starts meanwhile (it waits for the restore before it settles in).
        DaemonProcess d2 = cleanup.track(
                DaemonProcess.start(second, tmp.resolve("run"), tmp.resolve("state"), Map.of("HOME", tmp.toString())));
        // resurrect recreates the session and window with a shell in the pane, then ends its hold.
        second.tmux("new-session", "-d", "-s", "work", "-n", "edit", "-c", project.toString());
        second.tmux("set-option", "-gu", "@muxbar-restoring");
        ProcessBuilder hook = new ProcessBuilder(
                Path.of(System.getProperty("muxbar.root"), "scripts/muxbar-resurrect")
                        .toString(),
                "post-restore-all");
        hook.environment().put("TMUX", second.socket + ",0,0");
        hook.environment().put("MUXBAR_RUNTIME_DIR", tmp.resolve("run").toString());
        assertEquals(0, hook.start().waitFor());
        d2.awaitReady();
        Poll.until(
                15_000,
                () -> starts().lines().filter(l -> l.startsWith("START claude")).count() == 2,
                "back in the restored pane",
                () -> starts() + second.describe() + d2.diagnostics());
        assertTrue(starts().contains("[--model] [opus] [--resume] [sess-restore-1]"), starts());
        assertEquals(
                1,
                second.tmux("list-panes", "-t", "=work:0", "-F", "#{pane_id} #{?@muxbar-sidebar,S,-}")
                        .lines()
                        .filter(l -> l.endsWith(" -"))
                        .count(),
                "into its pane, no new one: " + second.describe());
    }

    /** Whether the agent memory on disk holds {@code id}. */
    private boolean remembered(String id) {
        try (var files = Files.walk(tmp.resolve("state"))) {
            return files.anyMatch(f -> f.getFileName().toString().equals("agents.json") && read(f).contains(id));
        } catch (java.io.IOException e) {
            return false;
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
