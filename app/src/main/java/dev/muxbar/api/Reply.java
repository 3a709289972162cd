package dev.muxbar.api;

import dev.muxbar.json.Json;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/** An API answer: status and JSON body ({@code etag} set only for cacheable reads). */
record Reply(int status, String body, String etag) {
    Reply(int status, String body) {
        this(status, body, null);
    }

    static Reply ok(String body) {
        return new Reply(200, body);
    }

    static Reply error(int status, String message) {
        return new Reply(status, Json.error(message));
    }

    /**
     * Waits at most {@link ApiServer#LOOP_TIMEOUT_MS} for work handed to the event loop: its value
     * becomes {@code done}'s reply, its failure {@code failed}'s; a timeout is a 503 (a request never
     * waits on the loop or tmux for long).
     */
    static <T> Reply await(CompletableFuture<T> answer, Function<T, Reply> done, Function<Throwable, Reply> failed) {
        try {
            return done.apply(answer.get(ApiServer.LOOP_TIMEOUT_MS, TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            return failed.apply(e.getCause());
        } catch (TimeoutException e) {
            return busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(503, "interrupted");
        }
    }

    /** A failure of loop work that is not the caller's fault. */
    static Reply busy(Throwable cause) {
        return busy();
    }

    /** The loop did not answer in time (or failed through no fault of the caller). */
    static Reply busy() {
        return error(503, "the daemon is busy; try again");
    }
}
