package dev.muxbar.daemon;

import dev.muxbar.config.Paths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where this checkout's scripts are, and the runtime files a daemon leaves when its server is gone. */
public final class Checkout {
    private Checkout() {}

    /** {@code scripts/sidebar-pane} of this checkout: {@code $MUXBAR_ROOT}, else three levels above the jar. */
    public static Path sidebarScript() throws java.net.URISyntaxException {
        String root = System.getenv("MUXBAR_ROOT");
        Path base = root != null && !root.isEmpty()
                ? Path.of(root)
                : Path.of(Checkout.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI())
                        .getParent()
                        .getParent()
                        .getParent(); // app/target/muxbar.jar → checkout
        return base.resolve("scripts").resolve("sidebar-pane").toAbsolutePath().normalize();
    }

    /** Removes the runtime files of a daemon whose tmux server is gone (the dir too, when empty). */
    static void forgetRuntime(Paths paths) {
        deleteQuietly(paths.orderFile());
        deleteQuietly(paths.log());
        deleteQuietly(paths.log().resolveSibling("daemon.log.1"));
        deleteQuietly(paths.runtimeDir().resolve("daemon.out")); // ensure-daemon's capture of the start
        deleteQuietly(paths.lock());
        deleteQuietly(paths.runtimeDir());
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a dir with files we did not make stays
        }
    }

    /** Stops an executor (null: none), waiting a second for what runs. */
    static void shutdown(java.util.concurrent.ExecutorService io) {
        if (io == null) {
            return;
        }
        io.shutdown();
        try {
            io.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
