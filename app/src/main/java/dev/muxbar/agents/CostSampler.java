package dev.muxbar.agents;

import dev.muxbar.model.Cost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What agents cost the machine, sampled: each agent's process tree (its foreground process and every
 * descendant) summed — memory as PSS from {@code smaps_rollup} (RSS from {@code status} where that is
 * missing), CPU as the ticks spent since the last sample over the time between. Memory is rounded to
 * MB and CPU to a percent, so an unchanged figure is an equal {@link Cost}. Linux {@code /proc}; where
 * it is missing nothing is known (an empty map). One caller at a time.
 */
public final class CostSampler {

    /** The process table, as the sampler reads it (a test gives a fake). */
    public interface Proc {
        /** kB of memory of the process alone (PSS, else RSS); -1 when gone. */
        long memKb(long pid);

        /** CPU ticks (user + system) spent by the process; -1 when gone. */
        long ticks(long pid);

        List<Long> children(long pid);
    }

    static final int MAX_TREE = 512;
    static final long TICKS_PER_S = 100; // USER_HZ on Linux

    private final Proc proc;
    private final Map<String, long[]> last = new HashMap<>(); // pane → {ticks, at ms}

    public CostSampler(Proc proc) {
        this.proc = proc;
    }

    /** The cost of each pane's agent, its process tree rooted at {@code roots} (pane → pid), at {@code nowMs}. */
    public Map<String, Cost> sample(Map<String, Long> roots, long nowMs) {
        Map<String, Cost> out = new HashMap<>();
        for (Map.Entry<String, Long> e : roots.entrySet()) {
            long kb = 0;
            long ticks = 0;
            for (long pid : tree(e.getValue())) {
                kb += Math.max(0, proc.memKb(pid));
                ticks += Math.max(0, proc.ticks(pid));
            }
            long[] was = last.get(e.getKey());
            int cpu = 0;
            if (was != null && nowMs > was[1] && ticks >= was[0]) {
                cpu = (int) Math.round((ticks - was[0]) * 1000.0 / TICKS_PER_S / (nowMs - was[1]) * 100);
            }
            last.put(e.getKey(), new long[] {ticks, nowMs});
            out.put(e.getKey(), new Cost(Math.round(kb / 1024.0) * 1024, cpu));
        }
        last.keySet().retainAll(roots.keySet());
        return out;
    }

    private List<Long> tree(long root) {
        List<Long> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        ArrayDeque<Long> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty() && out.size() < MAX_TREE) {
            long p = todo.pop();
            if (p > 0 && seen.add(p)) {
                out.add(p);
                todo.addAll(proc.children(p));
            }
        }
        return out;
    }

    /** {@code /proc}. */
    public static Proc system() {
        Path procfs = Path.of("/proc");
        return new Proc() {
            @Override
            public long memKb(long pid) {
                long pss = field(procfs.resolve(pid + "/smaps_rollup"), "Pss:");
                return pss >= 0 ? pss : field(procfs.resolve(pid + "/status"), "VmRSS:");
            }

            @Override
            public long ticks(long pid) {
                try {
                    String stat = Files.readString(procfs.resolve(pid + "/stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
                } catch (IOException | RuntimeException e) {
                    return -1;
                }
            }

            /** The children its main thread started (where programs spawn theirs; one read, no listing). */
            @Override
            public List<Long> children(long pid) {
                List<Long> out = new ArrayList<>();
                try {
                    byte[] b = Files.readAllBytes(procfs.resolve(pid + "/task/" + pid + "/children"));
                    long n = -1;
                    for (byte c : b) {
                        if (c >= '0' && c <= '9') {
                            n = (n < 0 ? 0 : n * 10) + (c - '0');
                        } else if (n >= 0) {
                            out.add(n);
                            n = -1;
                        }
                    }
                    if (n >= 0) {
                        out.add(n);
                    }
                } catch (IOException e) {
                    // the process went
                }
                return out;
            }
        };
    }

    /** The number after {@code name} in a /proc file of "Name:   123 kB" lines; -1 when not there. */
    private static long field(Path file, String name) {
        try {
            String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
            int at = text.startsWith(name) ? 0 : text.indexOf("\n" + name);
            if (at < 0) {
                return -1;
            }
            long n = 0;
            for (int k = at + name.length() + (at == 0 ? 0 : 1); k < text.length() && text.charAt(k) != '\n'; k++) {
                char c = text.charAt(k);
                if (c >= '0' && c <= '9') {
                    n = n * 10 + (c - '0');
                }
            }
            return n;
        } catch (IOException | RuntimeException e) {
            return -1; // not there, or not readable
        }
    }
}
