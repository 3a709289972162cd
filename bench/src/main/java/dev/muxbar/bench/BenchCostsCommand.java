package dev.muxbar.bench;

import dev.muxbar.agents.CostSampler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-costs} (hidden; used by scripts/bench/resume): what sampling the agents' costs takes —
 * {@code --agents} processes (each a {@code sh} with a {@code sleep} child, an agent's tree in small)
 * sampled as the daemon's CostWatch does every 2 s; prints µs per scan and per agent, next to the
 * baseline of reading each process's {@code /proc/PID/stat} once (the least a scan could do).
 */
@Command(
        name = "bench-costs",
        hidden = true,
        mixinStandardHelpOptions = true,
        description = "Cost sampling (benchmark).")
final class BenchCostsCommand implements Callable<Integer> {

    @Option(names = "--agents", defaultValue = "200")
    int agents;

    @Option(names = "--rounds", defaultValue = "20")
    int rounds;

    @Override
    public Integer call() throws Exception {
        List<Process> procs = new ArrayList<>();
        Map<String, Long> roots = new HashMap<>();
        try {
            for (int i = 0; i < agents; i++) {
                Process p = new ProcessBuilder("sh", "-c", "sleep 600 & wait").start();
                procs.add(p);
                roots.put("%" + i, p.pid());
            }
            Thread.sleep(500); // their children started
            CostSampler sampler = new CostSampler(CostSampler.system());
            sampler.sample(roots, 0); // warm up: the first scan pays for class loading
            long[] scans = new long[rounds];
            long[] bases = new long[rounds];
            for (int r = 0; r < rounds; r++) {
                long t = System.nanoTime();
                sampler.sample(roots, (r + 1) * 2_000L);
                scans[r] = System.nanoTime() - t;
                t = System.nanoTime();
                for (long pid : roots.values()) {
                    java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
                }
                bases[r] = System.nanoTime() - t;
            }
            java.util.Arrays.sort(scans);
            java.util.Arrays.sort(bases);
            long scan = scans[rounds / 2] / 1_000;
            long base = bases[rounds / 2] / 1_000;
            System.out.printf(
                    "cost scan of %d agents: %d µs (%d µs per agent); baseline one stat read each: %d µs; ratio %.1f×%n",
                    agents, scan, scan / agents, base, (double) scan / Math.max(1, base));
            return 0;
        } finally {
            procs.forEach(p -> p.descendants().forEach(ProcessHandle::destroy));
            procs.forEach(Process::destroy);
        }
    }
}
