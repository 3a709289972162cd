package dev.muxbar.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.model.Cost;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An agent's cost is its whole process tree's: memory summed, CPU over the time between samples. */
class CostSamplerTest {

    private final Map<Long, long[]> procs = new HashMap<>(); // pid → {kB, ticks, parent}

    private final CostSampler.Proc fake = new CostSampler.Proc() {
        @Override
        public long memKb(long pid) {
            return procs.containsKey(pid) ? procs.get(pid)[0] : -1;
        }

        @Override
        public long ticks(long pid) {
            return procs.containsKey(pid) ? procs.get(pid)[1] : -1;
        }

        @Override
        public List<Long> children(long pid) {
            return procs.entrySet().stream()
                    .filter(e -> e.getValue()[2] == pid)
                    .map(Map.Entry::getKey)
                    .toList();
        }
    };

    @Test
    void theTreeIsSummedAndCpuIsTheShareOfTheTimeBetweenSamples() {
        procs.put(10L, new long[] {300_000, 1_000, 1}); // node
        procs.put(11L, new long[] {500_000, 500, 10}); // its child
        procs.put(12L, new long[] {40_000, 0, 11}); // a grandchild
        CostSampler s = new CostSampler(fake);
        assertEquals(Map.of("%3", new Cost(839_680, 0)), s.sample(Map.of("%3", 10L), 0), "840 000 kB rounds to 820 MB");
        procs.get(10L)[1] += 150; // 1.5 s of CPU in the 2 s between
        procs.get(11L)[1] += 50;
        assertEquals(new Cost(839_680, 100), s.sample(Map.of("%3", 10L), 2_000).get("%3"));
        procs.remove(12L);
        Map<String, Cost> after = s.sample(Map.of("%3", 10L), 4_000);
        assertTrue(after.get("%3").memKb() < 839_680, "a process gone is not counted");
        assertEquals(0, after.get("%3").cpuPct());
        assertEquals("781 MB", after.get("%3").memory());
        assertEquals("1.2 GB", new Cost(1_258_291, 0).memory());
    }

    @Test
    void aCycleOrAHugeTreeStaysBounded() {
        procs.put(1L, new long[] {1, 0, 2});
        procs.put(2L, new long[] {1, 0, 1}); // each the other's child
        assertEquals(
                new Cost(0, 0),
                new CostSampler(fake).sample(Map.of("%1", 1L), 0).get("%1"));
    }
}
