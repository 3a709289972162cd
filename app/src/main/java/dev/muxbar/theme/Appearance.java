package dev.muxbar.theme;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The system's dark/light appearance, for {@code @muxbar-theme-mode auto}. One watcher per daemon:
 * on macOS the CoreFoundation preference re-read when the global preferences file changes; on Linux
 * the freedesktop colour-scheme setting through one long-lived {@code gdbus monitor}. Never a fork
 * per check.
 */
public interface Appearance extends AutoCloseable {

    /** Where the appearance comes from, or why it cannot be known (for {@code muxbar doctor}). */
    String source();

    /** False when the system's appearance cannot be read here; auto mode then stays on dark. */
    boolean available();

    /**
     * Starts watching: {@code onDark} gets the current appearance (true: dark) as soon as it is
     * known and again on every change, on the watcher's own thread.
     */
    void start(Consumer<Boolean> onDark);

    @Override
    void close();

    /** The watcher for this system, or one that says why there is none. */
    static Appearance detect(Map<String, String> env, Consumer<String> log) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("mac")) {
            return new MacAppearance(Path.of(env.getOrDefault("HOME", "/"), "Library", "Preferences"), log);
        }
        String gdbus = onPath(env, "gdbus");
        if (gdbus == null) {
            return unavailable("no gdbus on PATH (install libglib2.0-bin) to read the freedesktop colour-scheme");
        }
        boolean bus = !env.getOrDefault("DBUS_SESSION_BUS_ADDRESS", "").isEmpty()
                || !env.getOrDefault("XDG_RUNTIME_DIR", "").isEmpty()
                        && Files.exists(Path.of(env.get("XDG_RUNTIME_DIR"), "bus"));
        if (!bus) {
            return unavailable("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS unset, no $XDG_RUNTIME_DIR/bus)");
        }
        return new FreedesktopAppearance(gdbus, log);
    }

    /** An appearance that is never known, with the reason. */
    static Appearance unavailable(String why) {
        return new Appearance() {
            @Override
            public String source() {
                return "unavailable: " + why;
            }

            @Override
            public boolean available() {
                return false;
            }

            @Override
            public void start(Consumer<Boolean> onDark) {
                // nothing to watch
            }

            @Override
            public void close() {
                // nothing started
            }
        };
    }

    private static String onPath(Map<String, String> env, String name) {
        for (String dir : env.getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        return null;
    }
}
