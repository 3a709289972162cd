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
 * The watch and its threads exist only while there is something to watch: a server without agents
 * has none.
 */
final class DirWatch implements AutoCloseable {

    private final Runnable changed;
    private final Consumer<String> log;
    private final Map<Path, WatchKey> keys = new HashMap<>();
    private WatchService service; // null while nothing is watched
    private boolean failed; // the JDK could not watch: the poll alone reads

    /** {@code changed} runs on the watch thread for every batch of events; it should only post work. */
    DirWatch(Runnable changed, Consumer<String> log) {
        this.changed = changed;
        this.log = log;
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
            if (!keys.containsKey(d) && Files.isDirectory(d) && start()) {
                try {
                    keys.put(
                            d,
                            d.register(
                                    service,
                                    StandardWatchEventKinds.ENTRY_MODIFY,
                                    StandardWatchEventKinds.ENTRY_CREATE));
                } catch (IOException e) {
                    // not watchable (inotify limit): the poll still reads it
                }
            }
        }
        if (keys.isEmpty()) {
            close(); // nothing to watch: no thread waits for nothing
        }
    }

    /** Directories watched now (for tests). */
    synchronized int size() {
        return keys.size();
    }

    @Override
    public synchronized void close() {
        keys.values().forEach(WatchKey::cancel);
        keys.clear();
        if (service != null) {
            try {
                service.close(); // ends the thread's take()
            } catch (IOException e) {
                // closing anyway
            }
            service = null;
        }
    }

    private boolean start() {
        if (service != null || failed) {
            return service != null;
        }
        try {
            WatchService s = FileSystems.getDefault().newWatchService();
            service = s;
            Thread thread = new Thread(
                    () -> {
                        try {
                            while (true) {
                                WatchKey k = s.take();
                                k.pollEvents();
                                k.reset();
                                changed.run();
                            }
                        } catch (InterruptedException | ClosedWatchServiceException e) {
                            // closed: nothing to watch any more, or the daemon stops
                        } catch (RuntimeException e) {
                            log.accept("transcript watch stopped: " + e);
                        }
                    },
                    "muxbar-transcript-watch");
            thread.setDaemon(true);
            thread.start();
            return true;
        } catch (IOException e) {
            failed = true;
            log.accept("no file watch (" + e.getMessage() + "): transcripts are read every " + AgentService.TAIL_MS
                    + " ms");
            return false;
        }
    }
}
