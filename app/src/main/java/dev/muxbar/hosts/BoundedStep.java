package dev.muxbar.hosts;

import dev.muxbar.model.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * One short ssh step of a {@link HostLink} (listing the remote daemons, a forward), bounded: it is
 * killed once it has run {@link #STEP_MS} or written over {@link ProcessRunner#MAX_OUTPUT} to its
 * output file — a remote that hangs or pours out output never holds the link, nor fills the disk. Its
 * size is looked at every {@link #GUARD_MS} while it runs (one stat). On the loop.
 */
final class BoundedStep {

    static final long STEP_MS = 15_000;
    static final long GUARD_MS = 200;

    private final HostLink.Spawned spawned;
    private final Path out;
    private final Scheduler scheduler;
    private final long started;
    private Scheduler.Cancellable guard;
    private String why; // why it was ended, or null

    private BoundedStep(HostLink.Spawned spawned, Path out, Scheduler scheduler) {
        this.spawned = spawned;
        this.out = out;
        this.scheduler = scheduler;
        this.started = scheduler.now();
    }

    /** Watches {@code spawned}; {@code done} gets its exit code (-1: none) and why it was ended (null: it ended). */
    static void run(
            HostLink.Spawned spawned, Path out, Scheduler scheduler, Executor loop, BiConsumer<Integer, String> done) {
        BoundedStep step = new BoundedStep(spawned, out, scheduler);
        step.guard = scheduler.every(GUARD_MS, step::check);
        spawned.exit()
                .whenComplete((code, err) -> loop.execute(() -> {
                    step.guard.cancel();
                    done.accept(code == null ? -1 : code, step.why);
                }));
    }

    private void check() {
        if (why == null && scheduler.now() - started > STEP_MS) {
            why = "no answer within " + STEP_MS / 1000 + " s";
        } else if (why == null && size(out) > ProcessRunner.MAX_OUTPUT) {
            why = "the muxbar there printed over " + ProcessRunner.MAX_OUTPUT / 1024 + " KB";
        }
        if (why != null) {
            spawned.kill();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // not written yet
        }
    }
}
