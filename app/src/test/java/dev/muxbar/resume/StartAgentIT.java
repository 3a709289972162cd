package dev.muxbar.resume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * {@code muxbar new claude --worktree BRANCH --prompt TEXT}: a git worktree beside the repository, a
 * session named after repository and branch with the (fake) agent started in the worktree, its prompt
 * typed once it shows ready; and what is refused makes nothing: a path in the way, an unknown kind, no
 * repository.
 */
class StartAgentIT {

    @TempDir
    Path tmp;

    private final Teardown cleanup = new Teardown();
    private TmuxServer tmux;
    private DaemonProcess daemon;
    private Path log;
    private Path repo;

    @BeforeEach
    void setUp() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path fake = Path.of(System.getProperty("muxbar.root"), "app/src/test/resources/fake-agents/lasting");
        Files.copy(fake, bin.resolve("claude"));
        Files.setPosixFilePermissions(bin.resolve("claude"), PosixFilePermissions.fromString("rwx------"));
        log = tmp.resolve("agents.log");
        Files.writeString(log, "");
        Files.writeString(tmp.resolve(".profile"), "PATH='" + bin + "':$PATH; export PATH\n");
        Path conf = tmp.resolve("tmux.conf");
        Files.writeString(
                conf,
                "set -g default-shell /bin/sh\nset-environment -g HOME '" + tmp + "'\nset-environment -g FAKE_LOG '"
                        + log + "'\n");
        repo = Files.createDirectories(tmp.resolve("app"));
        git(repo, "init", "-q", "-b", "main");
        Files.writeString(repo.resolve("README"), "hi\n");
        git(repo, "add", "README");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "first");
        tmux = cleanup.track(new TmuxServer(TmuxServer.newLabel(), conf, List.of("-s", "home")));
        daemon = cleanup.track(
                DaemonProcess.start(tmux, tmp.resolve("run"), tmp.resolve("state"), Map.of("HOME", tmp.toString()))
                        .awaitReady());
    }

    @AfterEach
    void tearDown() {
        cleanup.close();
    }

    private static void git(Path in, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", in.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    private DaemonProcess.Cli cli(String... args) throws Exception {
        return DaemonProcess.cli(tmp.resolve("run"), tmp.resolve("state"), args);
    }

    private String logText() {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void aNewAgentInItsOwnWorktreeGetsItsPromptOnceReady() throws Exception {
        DaemonProcess.Cli made = cli(
                "new",
                "claude",
                "--dir",
                repo.toString(),
                "--worktree",
                "feat/login",
                "--prompt",
                "fix the login; it's $(broken)",
                "--",
                "--model",
                "opus");
        assertEquals(0, made.exit(), made.output());
        Path tree = tmp.resolve("app-feat-login");
        assertTrue(Files.isRegularFile(tree.resolve("README")), "the worktree: " + made.output());
        assertTrue(tmux.tmux("list-sessions", "-F", "#{session_name}").contains("app/feat/login"), tmux.describe());
        Poll.until(
                10_000,
                () -> logText().contains("START claude cwd=" + tree + " [--model] [opus]"),
                "started in the worktree",
                this::logText);
        String pane = tmux.tmux("list-panes", "-t", "=app/feat/login:", "-F", "#{pane_id} #{?@muxbar-sidebar,S,-}")
                .lines()
                .filter(l -> l.endsWith(" -"))
                .map(l -> l.split(" ")[0])
                .findFirst()
                .orElseThrow();
        try (ApiClient api = new ApiClient(daemon.socket())) {
            api.post("/agent-event", "{\"agent\":\"claude\",\"status\":\"idle\",\"pane\":\"" + pane + "\"}");
        }
        Poll.until(
                10_000,
                () -> logText().contains("GOT claude fix the login; it's $(broken)"),
                "the prompt typed once ready",
                this::logText);
        assertEquals(1, logText().lines().filter(l -> l.startsWith("GOT")).count(), "once: " + logText());

        String sessions = tmux.tmux("list-sessions", "-F", "#{session_name}");
        DaemonProcess.Cli inTheWay = cli("new", "claude", "--dir", repo.toString(), "--worktree", "feat/login");
        assertEquals(1, inTheWay.exit(), inTheWay.output());
        assertTrue(inTheWay.output().contains("exists already"), inTheWay.output());
        DaemonProcess.Cli taken =
                cli("new", "claude", "--dir", repo.toString(), "--worktree", "feat/other", "--session", "home");
        assertEquals(1, taken.exit(), taken.output());
        assertTrue(taken.output().contains("a session home exists already"), taken.output());
        assertTrue(!Files.exists(tmp.resolve("app-feat-other")), "no worktree made for a session that cannot be");
        DaemonProcess.Cli unknown = cli("new", "nosuchagent", "--dir", repo.toString());
        assertEquals(1, unknown.exit(), unknown.output());
        DaemonProcess.Cli noRepo =
                cli("new", "claude", "--dir", tmp.resolve("bin").toString(), "--worktree", "x");
        assertEquals(1, noRepo.exit(), noRepo.output());
        assertTrue(noRepo.output().contains("git rev-parse"), noRepo.output());
        assertEquals(sessions, tmux.tmux("list-sessions", "-F", "#{session_name}"), "nothing made");
    }
}
