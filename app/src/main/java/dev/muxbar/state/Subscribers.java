package dev.muxbar.state;

import dev.muxbar.model.Model;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The model's subscribers: each behind a {@link ConflatingSlot} (a slow one skips to the newest
 * model), and offered a model only when the part it follows changed. Offers come from the loop;
 * subscribing may happen on any thread.
 */
final class Subscribers {

    private final List<Subscription> all = new CopyOnWriteArrayList<>();

    /**
     * Adds a subscriber that is offered a model only when {@code part} of it differs (by equals,
     * compared on the loop) from the part of the last model it was offered ({@code null}: every
     * model): one that writes the order file wakes no thread for the 200 agent changes a second that
     * leave the order alone. It gets the current model at once when there is one — read after it
     * was added, so a model published meanwhile reaches it one way or the other.
     */
    ConflatingSlot<Model> add(
            Executor executor,
            Consumer<Model> consumer,
            Function<Model, ?> part,
            java.util.function.Supplier<Model> current) {
        Subscription s = new Subscription(new ConflatingSlot<>(executor, consumer), part);
        all.add(s);
        Model m = current.get();
        if (m != null) {
            s.offer(m);
        }
        return s.slot;
    }

    void remove(ConflatingSlot<Model> slot) {
        all.removeIf(s -> s.slot == slot);
    }

    /** Offers {@code m} to every subscriber whose part of it changed. */
    void offer(Model m) {
        for (Subscription s : all) {
            s.offer(m);
        }
    }

    /** A subscriber's slot and the part of the model it follows. */
    private static final class Subscription {
        final ConflatingSlot<Model> slot;
        final Function<Model, ?> part; // null: every model
        private Object last; // the part last offered; offers come from the loop, and from subscribe on any thread

        Subscription(ConflatingSlot<Model> slot, Function<Model, ?> part) {
            this.slot = slot;
            this.part = part;
        }

        synchronized void offer(Model m) {
            if (part != null) {
                Object p = part.apply(m);
                if (p.equals(last)) {
                    return;
                }
                last = p;
            }
            slot.offer(m);
        }
    }
}
