package dev.muxbar.agentservice;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Wakes the transcript tailer when an agent writes: one inotify watch (the JDK's WatchService, one
 * thread) over the directories the tailer reads, so a line is read within milliseconds instead of at
 * the next poll — the poll stays as the backstop that also finds directories created later. Only
 * directories that exist are watched; {@link #watch} replaces the set (bounded by live agents' dirs).
 */
final class DirWatch implements AutoCloseable {

    private final WatchService service;
    private final Map<Path, WatchKey> keys = new HashMap<>();
    private final Thread thread;

    /** {@code changed} runs on the watch thread for every batch of events; it should only post work. */
    DirWatch(Runnable changed, Consumer<String> log) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.thread = new Thread(() -> {
            try {
                while (true) {
                    WatchKey k = service.take();
                    k.pollEvents();
                    k.reset();
                    changed.run();
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                // closed: the daemon stops
            } catch (RuntimeException e) {
                log.accept("transcript watch stopped: " + e);
            }
        }, "muxbar-transcript-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Watches exactly {@code dirs} (those that exist). Called from one thread (the tailer's). */
    synchronized void watch(Set<Path> dirs) {
        keys.entrySet().removeIf(e -> {
            if (!dirs.contains(e.getKey()) || !e.getValue().isValid()) {
                e.getValue().cancel();
                return true;
            }
            return false;
        });
        for (Path d : dirs) {
            if (!keys.containsKey(d) && Files.isDirectory(d)) {
                try {
                    keys.put(d, d.register(service, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE));
                } catch (IOException e) {
                    // not watchable (inotify limit): the poll still reads it
                }
            }
        }
    }

    /** Directories watched now (for tests). */
    synchronized int size() {
        return keys.size();
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // closing anyway
        }
        thread.interrupt();
    }
}
