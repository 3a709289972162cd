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
 * thread). If the dir does not exist yet, its parent is watched until it appears.
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
            boolean watchingDir = register(ws);
            if (!watchingDir && !Files.isDirectory(dir.getParent())) {
                return; // neither exists: the next `muxbar themes list` or picker still reads the dir
            }
            while (true) {
                WatchKey k = ws.take();
                k.pollEvents();
                k.reset();
                if (!watchingDir && Files.isDirectory(dir)) {
                    watchingDir = register(ws);
                }
                onChange.run();
            }
        } catch (IOException | ClosedWatchServiceException e) {
            // no watching: user themes are still read on every listing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Watches the dir, else its parent; true when the dir itself is watched. */
    private boolean register(WatchService ws) throws IOException {
        var kinds = new java.nio.file.WatchEvent.Kind<?>[] {StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE};
        if (Files.isDirectory(dir)) {
            dir.register(ws, kinds);
            return true;
        }
        if (Files.isDirectory(dir.getParent())) {
            dir.getParent().register(ws, kinds);
        }
        return false;
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
