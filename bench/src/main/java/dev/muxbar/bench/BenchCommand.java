package dev.muxbar.bench;

import dev.muxbar.cli.Target;
import dev.muxbar.model.Snapshot;
import dev.muxbar.tmux.ControlClient;
import dev.muxbar.tmux.ControlGateway;
import dev.muxbar.tmux.Formats;
import dev.muxbar.tmux.ListParser;
import dev.muxbar.tmux.TmuxAddress;
import dev.muxbar.tmux.TmuxProcess;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code muxbar bench-refresh} (hidden; used by scripts/bench/refresh): times one refresh round trip
 * over control mode against the same list commands run as separate tmux processes.
 */
@Command(
        name = "bench-refresh",
        hidden = true,
        mixinStandardHelpOptions = true,
        description = "Time refresh round trips (benchmark).")
final class BenchCommand implements Callable<Integer> {

    @Mixin
    Target target;

    @Option(names = "--rounds", defaultValue = "200")
    int rounds;

    @Override
    public Integer call() throws Exception {
        TmuxAddress address = target.address();
        List<Double> control = new ArrayList<>();
        List<Double> scan = new ArrayList<>();
        List<Double> clientsOnly = new ArrayList<>();
        int sessions;
        int panes;
        try (ControlGateway g = ControlGateway.connect(address, n -> {}, () -> {}, () -> {}, m -> {})) {
            Snapshot s = null;
            for (int i = 0; i < 20; i++) { // warm-up (JIT)
                s = g.refresh(ALL, Map.of()).get(10, TimeUnit.SECONDS);
            }
            sessions = s.sessions().size();
            panes = s.sessions().stream().mapToInt(Snapshot.Session::paneCount).sum();
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                g.refresh(ALL, Map.of()).get(10, TimeUnit.SECONDS);
                control.add((System.nanoTime() - t0) / 1e6);
                t0 = System.nanoTime();
                g.refresh(EnumSet.of(Formats.Part.CLIENTS), Map.of()).get(10, TimeUnit.SECONDS);
                clientsOnly.add((System.nanoTime() - t0) / 1e6);
                if (i % 4 == 0) {
                    t0 = System.nanoTime();
                    g.paneProcesses().get(10, TimeUnit.SECONDS);
                    scan.add((System.nanoTime() - t0) / 1e6);
                }
            }
        }
        printBreakdown(address);
        List<Double> forks = new ArrayList<>();
        int forkRounds = Math.max(5, rounds / 10);
        for (int i = 0; i < forkRounds; i++) {
            long t0 = System.nanoTime();
            for (List<String> argv : Formats.refreshArgv().subList(0, 5)) {
                TmuxProcess.run(address, argv);
            }
            forks.add((System.nanoTime() - t0) / 1e6);
        }
        System.out.printf("sessions=%d panes=%d%n", sessions, panes);
        System.out.printf(
                "control-mode refresh (5 cmds pipelined, parsed): n=%d median=%.2f ms p99=%.2f ms%n",
                control.size(), pct(control, 50), pct(control, 99));
        System.out.printf(
                "same 5 cmds as separate tmux processes:          n=%d median=%.2f ms p99=%.2f ms%n",
                forks.size(), pct(forks, 50), pct(forks, 99));
        System.out.printf("ratio (processes / control mode, medians): %.1fx%n", pct(forks, 50) / pct(control, 50));
        System.out.printf(
                "after a session switch (list-clients only, re-assembled): median=%.2f ms p99=%.2f ms%n",
                pct(clientsOnly, 50), pct(clientsOnly, 99));
        System.out.printf(
                "pane process scan (command + cwd, polled every 2 s): n=%d median=%.2f ms p99=%.2f ms%n",
                scan.size(), pct(scan, 50), pct(scan, 99));
        return 0;
    }

    /** Each command alone over control mode, and the parse time of a full reply set. */
    private void printBreakdown(TmuxAddress address) throws Exception {
        List<List<String>> lines = new ArrayList<>();
        StringBuilder sb = new StringBuilder("per command over control mode (medians):");
        try (ControlClient c = ControlClient.start(address, n -> {}, () -> {})) {
            List<String> cmds = new ArrayList<>(Formats.refreshCommands());
            cmds.add(Formats.processCommand());
            for (String cmd : cmds) {
                List<Double> t = new ArrayList<>();
                List<String> out = null;
                for (int i = 0; i < 40; i++) {
                    long t0 = System.nanoTime();
                    out = c.send(cmd).get(10, TimeUnit.SECONDS).lines();
                    t.add((System.nanoTime() - t0) / 1e6);
                }
                lines.add(out);
                sb.append(String.format(" %s %.2f ms;", cmd.substring(0, cmd.indexOf(" \"")), pct(t, 50)));
            }
        }
        List<Double> parse = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long t0 = System.nanoTime();
            ListParser.snapshot(lines.subList(0, 5), -1);
            parse.add((System.nanoTime() - t0) / 1e6);
        }
        System.out.println(sb);
        System.out.printf("parse + assemble only: median=%.2f ms%n", pct(parse.subList(100, 200), 50));
    }

    private static final Set<Formats.Part> ALL = EnumSet.allOf(Formats.Part.class);

    /**
     * Waits (spinning: a sleep oversleeps by a scheduler tick) until the {@code i}-th send of a load
     * at {@code rate} a second that began at {@code start} (nanoTime) is due.
     */
    static void paceTo(long start, long i, int rate) {
        long due = start + i * 1_000_000_000L / rate;
        while (System.nanoTime() < due) {
            Thread.onSpinWait();
        }
    }

    static double pct(List<Double> xs, int p) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.size()) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, i)));
    }
}
