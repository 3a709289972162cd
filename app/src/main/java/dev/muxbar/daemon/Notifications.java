package dev.muxbar.daemon;

import dev.muxbar.tmux.Notification;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The gateway's notifications, handed to every subscriber in the order they subscribed. The gateway
 * is connected before the parts that consume its notifications exist (they need the gateway);
 * notifications before the first subscriber are dropped, which loses nothing: the loop's first
 * refresh reads everything. Called on the gateway's reader thread.
 */
final class Notifications implements Consumer<Notification> {

    private final List<Consumer<Notification>> subscribers = new CopyOnWriteArrayList<>();
    private final List<Runnable> onReconnect = new CopyOnWriteArrayList<>();

    void add(Consumer<Notification> subscriber) {
        subscribers.add(subscriber);
    }

    void onReconnect(Runnable r) {
        onReconnect.add(r);
    }

    @Override
    public void accept(Notification n) {
        for (Consumer<Notification> s : subscribers) {
            s.accept(n);
        }
    }

    /** The control client re-attached (tmux detached it): notifications may have been missed. */
    void reconnected() {
        onReconnect.forEach(Runnable::run);
    }
}
