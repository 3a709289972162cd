package dev.muxbar.cli;

import java.util.Optional;

/**
 * The daemon's own command line, {@code server --foreground} with {@code -S PATH} or {@code -L NAME}
 * (as {@code scripts/ensure-daemon} and {@code muxbar server} start it), read without picocli: the
 * daemon lives for days, and picocli's ~175 classes and its command model would stay loaded in it
 * for a parse done once. Any other shape of command line goes to picocli, which explains mistakes.
 */
record DaemonArgs(String socket, String label) {

    /** The daemon's target, when {@code args} is exactly a daemon's command line. */
    static Optional<DaemonArgs> parse(String[] args) {
        if (args.length < 2 || !args[0].equals("server")) {
            return Optional.empty();
        }
        boolean foreground = false;
        String socket = null;
        String label = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--foreground") && !foreground) {
                foreground = true;
            } else if ((a.equals("-S") || a.equals("--socket")) && socket == null && i + 1 < args.length) {
                socket = args[++i];
            } else if (a.equals("-L") && label == null && i + 1 < args.length) {
                label = args[++i];
            } else {
                return Optional.empty(); // picocli's business: help, a typo, a value that looks odd
            }
        }
        return foreground ? Optional.of(new DaemonArgs(socket, label)) : Optional.empty();
    }

    /** The tmux server to serve, as {@link Target} resolves it. */
    Target target() {
        Target t = new Target();
        t.socket = socket;
        t.label = label;
        return t;
    }
}
