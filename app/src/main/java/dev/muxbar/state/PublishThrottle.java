package dev.muxbar.state;

import dev.muxbar.model.Scheduler;

/**
 * Hands new models to subscribers at most once per frame (runs on the event loop only).
 *
 * <p>A change after a quiet frame (nothing delivered within the last {@code frame} ms) is delivered
 * at once: a lone hook event or a session switch reaches the sidebars without waiting. A change
 * within a frame of the last delivery arms one timer for the end of that frame; changes meanwhile
 * only replace the model the timer will deliver. Under 200 agent events a second the subscribers —
 * sidebars, status-line options, the event stream, key bindings, the order file — then run ~60 times
 * a second instead of 200, each time on the newest model, while a sidebar could not show more than
 * one frame in 16 ms anyway (its painter draws at most once per frame).
 *
 * <p>Why a throttle and not a debounce: under a steady stream a debounce would never fire; here the
 * newest model is at most one frame old. Readers of {@link Core#model()} are not throttled: they see
 * the newest model at once (an API call reads its own write).
 */
final class PublishThrottle {

    private final Scheduler scheduler;
    private final long frame;
    private final Runnable deliver;
    private long lastDelivery = Long.MIN_VALUE / 2;
    private Scheduler.Cancellable timer;
    private boolean stopped;
    private long deliveries;

    /** {@code deliver} hands the newest model to every subscriber. */
    PublishThrottle(Scheduler scheduler, long frameMillis, Runnable deliver) {
        this.scheduler = scheduler;
        this.frame = frameMillis;
        this.deliver = deliver;
    }

    /** The newest model changed: delivered now, or at the end of the current frame. */
    void changed() {
        if (stopped || timer != null) {
            return; // the armed timer delivers the newest model
        }
        long wait = lastDelivery + frame - scheduler.now();
        if (wait <= 0) {
            deliverNow();
            return;
        }
        timer = scheduler.schedule(wait, () -> {
            timer = null;
            if (!stopped) {
                deliverNow();
            }
        });
    }

    private void deliverNow() {
        lastDelivery = scheduler.now();
        deliveries++;
        deliver.run();
    }

    /** Models handed to subscribers so far. */
    long deliveries() {
        return deliveries;
    }

    void stop() {
        stopped = true;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
