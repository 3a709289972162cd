package dev.muxbar.theme;

import java.util.function.Consumer;

/**
 * What the system appearance watchers share: a daemon thread named {@code appearance} that
 * reports on its own, the source they read, and going unavailable with a reason (logged once).
 */
abstract class WatcherThread implements Appearance {

    private final Consumer<String> log;
    private volatile String source;
    private volatile boolean available = true;

    WatcherThread(String source, Consumer<String> log) {
        this.source = source;
        this.log = log;
    }

    @Override
    public final String source() {
        return source;
    }

    @Override
    public final boolean available() {
        return available;
    }

    @Override
    public final void start(Consumer<Boolean> onDark) {
        Thread t = new Thread(() -> run(onDark), "appearance");
        t.setDaemon(true);
        t.start();
    }

    /** Reports the appearance until closed (on the watcher thread). */
    abstract void run(Consumer<Boolean> onDark);

    void reading(String what) {
        source = what;
    }

    void fail(String why) {
        available = false;
        source = "unavailable: " + why;
        log.accept("appearance " + source + "; auto theme mode stays on dark");
    }
}
