package dev.muxbar.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The runtime dir of one tmux server and the persistent state dir.
 *
 * <p>Runtime dir: {@code $MUXBAR_RUNTIME_DIR}, else
 * {@code ${XDG_RUNTIME_DIR:-${TMPDIR:-/tmp}}/muxbar-<uid>/<key>} where {@code <key>} is the tmux
 * socket path with every byte outside {@code [A-Za-z0-9._-]} turned into {@code _} and leading
 * {@code _} removed; a key longer than 48 characters becomes {@code h<cksum>-<last 32 characters>}
 * so the socket path stays under the 108-byte limit. {@code tmux-plugin/lib.sh} computes the same.
 */
public record Paths(Path runtimeDir, Path stateDir) {

    public static final int MAX_KEY = 48;

    public static Paths of(Map<String, String> env, long uid, Path tmuxSocket) {
        String key = key(tmuxSocket.toString());
        Path runtime;
        String override = env.getOrDefault("MUXBAR_RUNTIME_DIR", "");
        if (!override.isEmpty()) {
            runtime = Path.of(override);
        } else {
            String base = env.getOrDefault("XDG_RUNTIME_DIR", "");
            if (base.isEmpty()) {
                base = env.getOrDefault("TMPDIR", "");
            }
            if (base.isEmpty()) {
                base = "/tmp";
            }
            runtime = Path.of(base, "muxbar-" + uid, key);
        }
        String xdgState = env.getOrDefault("XDG_STATE_HOME", "");
        Path stateBase = xdgState.isEmpty() ? home(env).resolve(".local").resolve("state") : Path.of(xdgState);
        return new Paths(runtime, stateBase.resolve("muxbar").resolve(key));
    }

    /** The user's own files (agent rules, themes): {@code $XDG_CONFIG_HOME/muxbar}, else {@code ~/.config/muxbar}. */
    public static Path configDir(Map<String, String> env) {
        String xdg = env.getOrDefault("XDG_CONFIG_HOME", "");
        return (xdg.isEmpty() ? home(env).resolve(".config") : Path.of(xdg)).resolve("muxbar");
    }

    /**
     * The user's home: {@code $HOME}, else Java's {@code user.home} (from the passwd entry). The
     * state, config and agent dirs all start here, as the user's programs decide it.
     */
    public static Path home(Map<String, String> env) {
        String h = env.getOrDefault("HOME", "");
        return Path.of(h.isEmpty() ? System.getProperty("user.home") : h);
    }

    static String key(String socketPath) {
        StringBuilder sb = new StringBuilder();
        for (byte b : socketPath.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
            sb.append(ok ? c : '_');
        }
        String k = sb.toString().replaceFirst("^_+", "");
        if (k.length() > MAX_KEY) {
            k = "h" + Cksum.of(socketPath) + "-" + k.substring(k.length() - 32);
        }
        return k;
    }

    public Path socket() {
        return runtimeDir.resolve("daemon.sock");
    }

    public Path lock() {
        return runtimeDir.resolve("daemon.lock");
    }

    public Path orderFile() {
        return runtimeDir.resolve("order");
    }

    public Path log() {
        return runtimeDir.resolve("daemon.log");
    }

    public Path orderState() {
        return stateDir.resolve("order.json");
    }

    /**
     * Makes the runtime dir, or checks the one that is there, with {@link PrivateDir}: its
     * {@code muxbar-<uid>} parent (which sits in a shared dir such as {@code /tmp}) and the dir itself
     * must be real directories of this uid with mode 0700; anything else is refused.
     */
    public void createRuntimeDir() throws IOException {
        createRuntimeDir(Uid.real());
    }

    void createRuntimeDir(long uid) throws IOException {
        Path parent = runtimeDir.getParent();
        if (parent != null && parent.getFileName().toString().startsWith("muxbar-")) {
            if (parent.getParent() != null) {
                Files.createDirectories(parent.getParent()); // e.g. a TMPDIR that does not exist yet
            }
            PrivateDir.ensure(parent, uid);
        } else if (parent != null) {
            Files.createDirectories(parent); // MUXBAR_RUNTIME_DIR under a dir of the user's choice
        }
        PrivateDir.ensure(runtimeDir, uid);
    }

    /**
     * Makes the state dir (custom order, hidden sessions, theme and sidebar choices). A daemon that
     * could not keep what the user chose does not start: the message names the dir and why.
     */
    public void createStateDir() throws IOException {
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.FileSystemException f && f.getReason() != null
                    ? f.getReason()
                    : e instanceof java.nio.file.FileAlreadyExistsException
                            ? "a file is in the way: " + e.getMessage()
                            : e.toString();
            throw new IOException(
                    "cannot create the state dir " + stateDir + ": " + why
                            + " (set XDG_STATE_HOME to a directory you can write)",
                    e);
        }
    }
}
