package dev.muxbar.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muxbar.api.ApiClient;
import dev.muxbar.model.Status;
import dev.muxbar.real.PaneDriver.Answer;
import dev.muxbar.real.PaneDriver.Background;
import dev.muxbar.real.PaneDriver.Interrupt;
import dev.muxbar.real.PaneDriver.Reply;
import dev.muxbar.real.PaneDriver.Say;
import dev.muxbar.real.PaneDriver.Turn;
import dev.muxbar.testing.DaemonProcess;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Sshd;
import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TmuxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real Claude Code and Codex CLIs (pinned, see {@link RealClis}) against the scripted mock model,
 * in a real tmux: two of the same agent in one directory, in two sessions, neither the session of
 * muxbar's control client; driven turn by turn by {@link PaneDriver} (text, tools, a permission
 * answered yes and one answered no through muxbar, a question, an Escape mid-stream, overloaded
 * errors, a background subagent, a reply through muxbar) while {@code GET /state} is sampled every
 * 100 ms and scored against what the driver saw ({@link Timeline}). Three setups per agent: with
 * muxbar's hooks installed; with none (the daemon reads the agent's files, from the config dir it finds
 * in the agent's own environment); screen only ({@code @muxbar-agent-files off}); through ssh (the pane runs
 * {@code ssh -t} to a real sshd on 127.0.0.1 and the agent runs on the far side: its screen is all there is). Prints one line per setup (scripts/bench/truth --real
 * collects them) and holds the floors: ≥ 99% of the time right with hooks or files, ≥ 95% and every
 * dialog shown waiting within 1 s from the screen alone, and the two agents never mixed.
 */
class RealAgentsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<Turn> CODEX = List.of(
            new Say("say hello"),
            new Say("run ls"),
            new Say("run a long tool"),
            new Answer("make a file", "permission", "Yes, proceed"),
            new Answer("make a file", "permission", "No"),
            new Interrupt("stream slowly", 1_500),
            new Say("overloaded please"),
            new Reply("reply test"));
    static final List<Turn> CLAUDE = List.of(
            new Say("say hello"),
            new Say("run a long tool"),
            new Say("overloaded please"),
            new Answer("make a file", "permission", "Yes"),
            new Answer("ask me a question", "question", "Blue"),
            new Answer("make a file", "permission", "No"),
            new Interrupt("stream slowly", 1_500),
            new Background("start a background helper", "\" finished · "),
            new Reply("reply test"));
    /** A person reads the answer before the next prompt. */
    static final long REST_MS = 3_000;

    static final long NO_REVIEW_MS = 5_000;

    @TempDir
    static Path shared; // the mock's log and Codex's home, kept across setups

    @TempDir
    Path tmp;

    private static MockModels mock;
    private static final List<String> table = new CopyOnWriteArrayList<>();
    private final Teardown cleanup = new Teardown();

    @BeforeAll
    static void mock() throws Exception {
        String missing = RealClis.missing();
        if ("1".equals(System.getenv("MUXBAR_REAL_AGENTS"))) {
            assertNull(missing, "CI installs the pinned CLIs (scripts/agents-install)");
        }
        assumeTrue(missing == null, missing);
        mock = MockModels.start(Scenario.shipped(), 0, shared.resolve("mock.log"));
    }

    @AfterAll
    static void report() {
        if (mock != null) {
            mock.close();
        }
        System.out.print("real CLIs, two in one directory, control client elsewhere (share of time right; "
                + "time to show a dialog as waiting):\n" + String.join("", table));
    }

    @AfterEach
    void stop() {
        cleanup.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "codex, hooks",
        "codex, files",
        "codex, screen",
        "codex, ssh",
        "claude, hooks",
        "claude, files",
        "claude, screen",
        "claude, ssh"
    })
    void twoAgentsInOneDirectoryAreEachRight(String agent, String mode) throws Exception {
        String only = System.getProperty("real.only", ""); // e.g. -Dreal.only=codex-hooks,claude-screen
        assumeTrue(only.isEmpty() || List.of(only.split(",")).contains(agent + "-" + mode), "not in -Dreal.only");
        // Codex copies 400 MB into its home at first start: one for all its setups. Claude writes its state
        // file as it exits, late enough to undo the next setup's: a home of its own per setup.
        Path config = agent.equals("codex") ? shared.resolve("codex-home") : tmp.resolve("claude-home");
        Path work = Files.createDirectories(tmp.resolve("work"));
        if (agent.equals("codex")) {
            RealClis.codexHome(config, mock.port(), List.of(work));
        } else {
            RealClis.claudeConfig(config, List.of(work));
        }
        String configVar = agent.equals("codex") ? "CODEX_HOME" : "CLAUDE_CONFIG_DIR";
        Path run = tmp.resolve("run");
        Path state = tmp.resolve("state");
        if (mode.equals("hooks")) {
            DaemonProcess.Cli c = DaemonProcess.cli(
                    run,
                    state,
                    Map.of(configVar, config.toString(), "HOME", tmp.toString()),
                    "hooks",
                    "install",
                    agent);
            assertEquals(0, c.exit(), c.output());
        }
        cleanup.track(() -> endLeftovers(config)); // after the tmux server and the CLIs in it
        TmuxServer tmux = cleanup.track(new TmuxServer("desk")); // the user's own session; agents run in a and b
        // Files: the daemon is told nothing of the agents' config dir (as when a shell rc sets it) and
        // finds it in each agent's environment. Screen: it reads no agent files at all.
        if (mode.equals("screen")) {
            tmux.tmux("set", "-g", "@muxbar-agent-files", "off");
        }
        Map<String, String> daemonEnv = mode.equals("hooks")
                ? Map.of(configVar, config.toString(), "HOME", tmp.toString())
                : Map.of("HOME", tmp.toString());
        DaemonProcess daemon =
                cleanup.track(DaemonProcess.start(tmux, run, state, daemonEnv)).awaitReady();
        // Ssh: each pane runs `ssh -t muxbar-remote …` to a real sshd on 127.0.0.1, and the agent runs on
        // the far side; the daemon knows it by the pane's screen alone (its files and hooks are not in
        // the pane's process tree).
        Sshd sshd = mode.equals("ssh") ? cleanup.track(Sshd.start(tmp.resolve("ssh"))) : null;
        List<String> panes = new ArrayList<>();
        for (String session : List.of("a", "b")) {
            List<String> args = new ArrayList<>(
                    List.of("new-session", "-d", "-s", session, "-x", "160", "-y", "40", "-c", work.toString()));
            Map<String, String> env = RealClis.env(agent, config, mock.port(), run);
            String bin = RealClis.bin().resolve(agent).toString(); // tmux 3.3a gives a new session the client's PATH
            if (sshd == null) {
                env.forEach((k, v) -> args.addAll(List.of("-e", k + "=" + v)));
                args.add(bin);
            } else {
                List<String> far = new ArrayList<>(List.of("cd", work.toString(), "&&", "exec", "env"));
                env.forEach((k, v) -> far.add(k + "=" + v));
                far.add(bin);
                String farCommand = far.stream()
                        .map(w -> w.equals("&&") ? w : dev.muxbar.tmux.TmuxQuote.sh(w))
                        .collect(java.util.stream.Collectors.joining(" "));
                args.add("exec "
                        + sshd.ssh("-t", farCommand).stream()
                                .map(dev.muxbar.tmux.TmuxQuote::sh)
                                .collect(java.util.stream.Collectors.joining(" ")));
            }
            tmux.tmux(args.toArray(String[]::new));
            panes.add(tmux.display(session + ":", "#{pane_id}"));
        }
        PaneDriver.Screens screens = agent.equals("codex") ? PaneDriver.CODEX : PaneDriver.CLAUDE;
        try (ApiClient api = new ApiClient(daemon.socket())) {
            for (String pane : panes) {
                ready(
                        tmux,
                        daemon,
                        api,
                        pane,
                        screens,
                        agent.equals("codex") && mode.equals("hooks"),
                        pane.equals(panes.get(0)));
            }
            Sampler sampler = new Sampler(daemon.socket(), panes);
            sampler.start();
            List<Timeline> truth = new ArrayList<>();
            List<Thread> drivers = new ArrayList<>();
            List<Throwable> failed = new CopyOnWriteArrayList<>();
            for (int k = 0; k < panes.size(); k++) {
                Timeline t = new Timeline(System.currentTimeMillis());
                truth.add(t);
                PaneDriver d = new PaneDriver(
                        tmux, panes.get(k), screens, new ApiClient(daemon.socket()), t, "ab".charAt(k) + "");
                long delay = k * 2_500L; // the second starts later: their turns overlap, never in step
                Thread driver = new Thread(
                        () -> {
                            try {
                                Thread.sleep(delay);
                                d.run(agent.equals("codex") ? CODEX : CLAUDE, REST_MS);
                            } catch (Throwable e) {
                                failed.add(e);
                            }
                        },
                        "driver-" + panes.get(k));
                driver.start();
                drivers.add(driver);
            }
            for (Thread d : drivers) {
                d.join();
            }
            long end = System.currentTimeMillis();
            sampler.stop();
            assertEquals(
                    List.of(),
                    failed.stream().map(Throwable::getMessage).toList(),
                    daemon.diagnostics()
                            + panes.stream().map(p -> explain(daemon, p)).reduce("", String::concat));
            check(agent, mode, panes, truth, sampler, end, daemon);
            if (agent.equals("claude") && mode.equals("hooks")) {
                statusLineReached(api, daemon, panes);
            }
        }
    }

    /**
     * With the hooks, Claude's statusLine runs muxbar's tee: Claude's own cost (the mock's model has no
     * price in muxbar's table, so only Claude can say one) and its window reach {@code /usage}.
     */
    private static void statusLineReached(ApiClient api, DaemonProcess daemon, List<String> panes) {
        java.util.function.Supplier<String> usage = () -> {
            try {
                return api.get("/usage").body();
            } catch (java.io.IOException e) {
                return e.toString();
            }
        };
        dev.muxbar.testing.Poll.until(
                15_000,
                () -> {
                    try {
                        com.fasterxml.jackson.databind.JsonNode u =
                                new com.fasterxml.jackson.databind.ObjectMapper().readTree(usage.get());
                        int told = 0;
                        for (com.fasterxml.jackson.databind.JsonNode a : u.path("agents")) {
                            if (panes.contains(a.path("pane").asText())
                                    && a.path("costUsd").isNumber()
                                    && a.path("window").asLong() > 0) { // the table knows no window for it either
                                told++;
                            }
                        }
                        return told == panes.size();
                    } catch (java.io.IOException e) {
                        return false;
                    }
                },
                "Claude's own cost and window through the statusLine tee, for " + panes,
                () -> usage.get() + "\n" + daemon.diagnostics());
    }

    private void check(
            String agent,
            String mode,
            List<String> panes,
            List<Timeline> truth,
            Sampler sampler,
            long end,
            DaemonProcess daemon) {
        List<String> failures = new ArrayList<>();
        List<Set<String>> threads = new ArrayList<>();
        for (int k = 0; k < panes.size(); k++) {
            Timeline.Score s =
                    truth.get(k).score(sampler.of(panes.get(k)), truth.get(k).firstTurn(), end);
            table.add(String.format(
                    "%-7s %-7s %s  %6.1f%%  waiting within %5d ms (worst of %d)%n",
                    agent,
                    mode,
                    panes.get(k),
                    100 * s.accuracy(),
                    s.worstWait(),
                    s.waitLatencies().size()));
            if (System.getProperty("real.verbose") != null) {
                s.wrong().forEach(w -> table.add("      " + w + "\n"));
            }
            boolean screenOnly = mode.equals("screen") || mode.equals("ssh");
            double floor = screenOnly ? 0.95 : 0.99;
            if (s.accuracy() < floor || (screenOnly && s.worstWait() > 1_000)) {
                failures.add(panes.get(k)
                        + String.format(
                                " %.1f%% (floor %.0f%%), waiting within %d ms:%n  ",
                                100 * s.accuracy(), 100 * floor, s.worstWait())
                        + String.join("\n  ", s.wrong()) + "\n" + explain(daemon, panes.get(k)));
            }
            Set<String> seen = new HashSet<>();
            sampler.of(panes.get(k)).stream()
                    .map(Timeline.Sample::thread)
                    .filter(java.util.Objects::nonNull)
                    .forEach(seen::add);
            threads.add(seen);
        }
        Set<String> both = new HashSet<>(threads.get(0));
        both.retainAll(threads.get(1));
        if (!both.isEmpty()) {
            failures.add("both panes showed the conversation(s) " + both + ": the two agents were mixed");
        }
        assertEquals(List.of(), failures, "\n" + daemon.diagnostics());
        assertTrue(sampler.count() > 100, "sampled");
    }

    /**
     * Waits for the CLI's prompt. Codex first asks to trust muxbar's hooks, which muxbar shows and answers;
     * the first Codex always asks. A second one started with it may not: once the first is answered,
     * their shared app-server knows the hooks are trusted — so a later pane whose prompt stays up for
     * {@link #NO_REVIEW_MS} without the dialog is taken as not asking.
     */
    private static void ready(
            TmuxServer tmux,
            DaemonProcess daemon,
            ApiClient api,
            String pane,
            PaneDriver.Screens s,
            boolean review,
            boolean mustAsk)
            throws Exception {
        java.util.function.Supplier<String> screen = () -> tmux.tmux("capture-pane", "-p", "-t", pane);
        if (review) {
            long[] readySince = {0};
            Poll.until(
                    60_000,
                    () -> {
                        String now = screen.get();
                        if (now.contains("Hooks need review")) {
                            return true;
                        }
                        boolean up = s.ready().matcher(now).find();
                        readySince[0] = up ? (readySince[0] == 0 ? System.currentTimeMillis() : readySince[0]) : 0;
                        return !mustAsk && up && System.currentTimeMillis() - readySince[0] >= NO_REVIEW_MS;
                    },
                    pane + " asks to review the hooks",
                    () -> screen.get() + daemon.diagnostics());
            if (screen.get().contains("Hooks need review")) {
                Poll.until(
                        5_000,
                        () -> status(api, pane) == Status.WAITING,
                        pane + " shown waiting for the hooks' review",
                        () -> screen.get() + daemon.diagnostics());
                JsonNode p = JSON.readTree(api.get("/agents/prompt?pane=" + pane.replace("%", "%25"))
                        .body());
                ApiClient.Answer a = api.post("/agents/answer?pane=" + pane.replace("%", "%25") + "&choice=2&prompt="
                        + p.path("prompt").path("hash").asText());
                assertEquals(200, a.status(), a.body());
            }
        }
        Poll.until(
                60_000,
                () -> s.ready().matcher(screen.get()).find() && !screen.get().contains("Hooks need review"),
                pane + " starts",
                () -> screen.get() + daemon.diagnostics());
    }

    /** The daemon's own account of a pane's row (its last transitions, with their evidence). */
    private static String explain(DaemonProcess daemon, String pane) {
        try (ApiClient api = new ApiClient(daemon.socket())) {
            return api.get("/agents/explain?pane=" + pane.replace("%", "%25")).body();
        } catch (java.io.IOException e) {
            return "(no explanation: " + e.getMessage() + ")";
        }
    }

    static Status status(ApiClient api, String pane) {
        try {
            for (JsonNode a : JSON.readTree(api.get("/state").body()).path("agents")) {
                if (a.path("pane").asText().equals(pane)) {
                    return Status.parse(a.path("status").asText());
                }
            }
        } catch (java.io.IOException e) {
            return null;
        }
        return null;
    }

    /**
     * Codex's app-server outlives the CLIs that started it (reparented to init), and Claude may still be
     * writing its config as tmux kills it: end every process whose command line or environment names this
     * config dir, and wait for them, so the temp dir can go.
     */
    private static void endLeftovers(Path config) {
        String dir = config.toString();
        List<ProcessHandle> ours = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().commandLine().orElse("").contains(dir) || environNames(p.pid(), dir))
                .toList();
        ours.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + 1_000_000_000L; // Codex's app-server catches SIGTERM and stays
        for (ProcessHandle p : ours) {
            try {
                p.onExit().get(Math.max(1, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }

    private static boolean environNames(long pid, String dir) {
        try {
            byte[] env = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
            return new String(env, java.nio.charset.StandardCharsets.UTF_8).contains("=" + dir);
        } catch (java.io.IOException | RuntimeException e) {
            return false; // gone, or not ours to read
        }
    }
}
