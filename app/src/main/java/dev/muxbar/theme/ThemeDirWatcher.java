package dev.muxbar.theme;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;

/**
 * Tells when files in the user's theme dir change (inotify through the JDK's watch service, one
 * thread). Until the dir exists, its nearest existing ancestor is watched, so a dir made later counts.
 */
final class ThemeDirWatcher implements AutoCloseable {

    private final Path dir;
    private final Runnable onChange;
    private volatile WatchService service;

    ThemeDirWatcher(Path dir, Runnable onChange) {
        this.dir = dir;
        this.onChange = onChange;
    }

    void start() {
        Thread t = new Thread(this::run, "theme-watch");
        t.setDaemon(true);
        t.start();
    }

    private void run() {
        try (WatchService ws = FileSystems.getDefault().newWatchService()) {
            service = ws;
            Path watched = null;
            while (true) {
                // Watch the dir, or (until it exists) its nearest existing ancestor, one level at a time.
                Path target = nearestExisting(dir);
                if (target == null) {
                    return;
                }
                if (!target.equals(watched)) {
                    target.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                    if (watched != null && target.equals(dir)) {
                        onChange.run(); // files may have landed before the watch did
                    }
                    watched = target;
                }
                WatchKey k = ws.take();
                k.pollEvents();
                k.reset();
                if (watched.equals(dir)) {
                    onChange.run();
                }
            }
        } catch (IOException | ClosedWatchServiceException e) {
            // no watching: user themes are still read on every listing
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
