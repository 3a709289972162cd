package dev.muxbar.state;

import dev.muxbar.model.Scheduler;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The single thread that writes state, and the daemon's one scheduler. Everything that changes the
 * model is posted here; timers fire here.
 */
public final class EventLoop implements Scheduler, Executor, AutoCloseable {

    private final ScheduledThreadPoolExecutor executor;
    private final Consumer<Throwable> onError;

    /** @param onError told about any exception a task throws; the loop goes on */
    public EventLoop(Consumer<Throwable> onError) {
        this.onError = onError;
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "muxbar-loop");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true); // cancelled timers do not pile up
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public long now() {
        return System.nanoTime() / 1_000_000L;
    }

    @Override
    public Cancellable schedule(long delayMillis, Runnable task) {
        ScheduledFuture<?> f = executor.schedule(guard(task), Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public void execute(Runnable task) {
        if (!executor.isShutdown()) {
            executor.execute(guard(task));
        }
    }

    /** Tasks are guarded one by one so a failing task never kills the loop thread. */
    private Runnable guard(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                onError.accept(e);
            }
        };
    }

    /**
     * Runs {@code task} on the loop and waits for it (bounded); false when it did not finish in time.
     * For shutdown steps that must happen in order on the loop before the gateway closes.
     */
    public boolean runAndWait(Runnable task, long timeoutMillis) {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        execute(() -> {
            try {
                task.run();
            } finally {
                done.complete(null);
            }
        });
        try {
            done.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Lets queued tasks finish (timers are dropped), then stops the thread; at most a second. */
    @Override
    public void close() {
        executor.shutdown(); // queued tasks still run; delayed ones are cancelled by policy
        try {
            if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }
}
