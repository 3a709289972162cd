package dev.muxbar.theme;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.function.Predicate;

/**
 * Tells when files of one dir change (inotify, or the platform's equivalent, through the JDK's watch
 * service; one thread). Used for the user's theme dir and macOS's preferences dir. Until the dir
 * exists, its nearest existing ancestor is watched instead, so a dir made later still counts.
 */
final class DirWatcher implements AutoCloseable {

    private final Path dir;
    private final Predicate<String> names;
    private final Runnable onChange;
    private volatile WatchService service;

    /** {@code names}: which file names in the dir matter; {@code onChange} runs on the watcher's thread. */
    DirWatcher(Path dir, Predicate<String> names, Runnable onChange) {
        this.dir = dir;
        this.names = names;
        this.onChange = onChange;
    }

    /**
     * Registers the watch now (a change after this returns is seen) and waits for events on a thread
     * of that name. If nothing can be watched, nothing runs: lookups still read the dir.
     */
    void start(String threadName) {
        Path target = nearestExisting(dir);
        if (target == null) {
            return;
        }
        try {
            WatchService ws = FileSystems.getDefault().newWatchService();
            service = ws;
            WatchKey key = register(ws, target);
            Thread t = new Thread(() -> loop(ws, target, key), threadName);
            t.setDaemon(true);
            t.start();
        } catch (IOException e) {
            close(); // nothing to watch
        }
    }

    private static WatchKey register(WatchService ws, Path target) throws IOException {
        return target.register(
                ws,
                StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
    }

    private void loop(WatchService ws, Path watched, WatchKey key) {
        try (ws) {
            boolean ours = false;
            while (true) {
                // Move down to the dir (or the nearest ancestor of it that exists now). Checked again after
                // each registration: a child made just before it would send no event.
                for (Path target = nearestExisting(dir); !watched.equals(target); target = nearestExisting(dir)) {
                    if (target == null) {
                        return;
                    }
                    key.cancel(); // an ancestor's events no longer matter
                    key = register(ws, target);
                    watched = target;
                    ours |= target.equals(dir); // files may have landed before the watch did
                }
                if (ours) {
                    onChange.run();
                }
                WatchKey k = ws.take();
                ours = false;
                for (WatchEvent<?> e : k.pollEvents()) {
                    ours |= k == key && watched.equals(dir) && names.test(String.valueOf(e.context()));
                }
                k.reset();
            }
        } catch (IOException | ClosedWatchServiceException e) {
            // no watching: lookups still read the dir
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path nearestExisting(Path p) {
        for (Path at = p; at != null; at = at.getParent()) {
            if (Files.isDirectory(at)) {
                return at;
            }
        }
        return null;
    }

    @Override
    public void close() {
        WatchService ws = service;
        if (ws != null) {
            try {
                ws.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
