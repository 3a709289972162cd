package dev.muxbar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Raw latency samples for the report's distribution plots: when {@code BENCH_SAMPLES_DIR} is set, a
 * series is saved there as {@code NAME.txt}, one millisecond figure per line. Otherwise nothing.
 */
final class Samples {
    private Samples() {}

    static void save(String name, List<Double> ms) {
        String dir = System.getenv("BENCH_SAMPLES_DIR");
        if (dir == null || dir.isEmpty() || ms.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(Path.of(dir));
            Files.writeString(
                    Path.of(dir, name.replaceAll("[^A-Za-z0-9._-]+", "-") + ".txt"),
                    ms.stream()
                            .map(d -> String.format(java.util.Locale.ROOT, "%.3f", d))
                            .collect(Collectors.joining("\n", "", "\n")));
        } catch (IOException e) {
            System.err.println("samples: cannot save " + name + ": " + e);
        }
    }
}
