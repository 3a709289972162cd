package dev.muxbar.cli;

import dev.muxbar.api.ApiClient;
import dev.muxbar.config.Paths;
import dev.muxbar.tmux.TmuxProcess;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code muxbar doctor}: one line per check, {@code ok} or {@code problem} with the fix. */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description = "Check tmux, Java, the runtime dir, the daemon and curl.")
final class DoctorCommand implements Callable<Integer> {

    @Mixin
    Target target;

    private int problems;

    @Override
    public Integer call() throws Exception {
        checkTmux();
        int java = Runtime.version().feature();
        line(java >= 17, "java " + Runtime.version(), "install a JDK 17 or newer, or point MUXBAR_JAVA at one");
        Paths paths = target.paths();
        if (Files.exists(paths.runtimeDir(), LinkOption.NOFOLLOW_LINKS)) {
            String refused = dev.muxbar.config.PrivateDir.refusal(paths.runtimeDir(), dev.muxbar.config.Uid.real());
            if (refused != null) {
                line(false, "runtime dir " + paths.runtimeDir(), refused);
            } else {
                String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(paths.runtimeDir()));
                line(
                        perms.equals("rwx------"),
                        "runtime dir " + paths.runtimeDir() + " (" + perms + ")",
                        "chmod 700 " + paths.runtimeDir());
            }
        } else {
            line(true, "runtime dir " + paths.runtimeDir() + " (created when the daemon starts)", "");
        }
        boolean alive;
        try (ApiClient api = new ApiClient(paths.socket())) {
            alive = api.alive();
            Path sock = target.address().socket();
            if (!alive && !tmuxServerAnswers(sock)) {
                line(
                        false,
                        "no tmux server runs at " + sock,
                        "start tmux first: with the plugin loaded (see README, Install) the daemon starts with it");
            } else {
                line(
                        alive,
                        "daemon " + (alive ? "answers on " + paths.socket() : "not running for " + sock),
                        "start it: muxbar server " + (target.label != null ? "-L " + target.label : ""));
            }
            if (alive) {
                checkTheme(api);
            }
        }
        checkKeys();
        checkAgentFiles();
        boolean curl = onPath("curl");
        line(
                curl,
                "curl " + (curl ? "found" : "not found"),
                "install curl (the shell scripts use it to reach the daemon)");
        return problems == 0 ? 0 : 1;
    }

    private static boolean tmuxServerAnswers(Path socket) {
        return TmuxProcess.answers(socket);
    }

    private void checkTmux() {
        String v = TmuxProcess.version();
        if (v.isEmpty()) {
            line(false, "tmux not found", "install tmux 3.2 or newer");
            return;
        }
        Matcher m = Pattern.compile("(\\d+)\\.(\\d+)").matcher(v);
        boolean ok = m.find()
                && (Integer.parseInt(m.group(1)) > 3
                        || Integer.parseInt(m.group(1)) == 3 && Integer.parseInt(m.group(2)) >= 2);
        line(ok, v + " (need 3.2 or newer)", "upgrade tmux to 3.2 or newer");
    }

    /** The active theme; in auto mode whether the system appearance can be read; broken user theme files. */
    private void checkTheme(ApiClient api) throws java.io.IOException {
        com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(api.get("/themes").body());
        String theme = "theme " + n.path("theme").asText();
        if (n.path("mode").asText().equals("auto")) {
            String source = n.path("appearanceSource").asText();
            line(
                    !source.startsWith("unavailable"),
                    theme + " (auto mode: " + n.path("appearance").asText() + ", " + source + ")",
                    "auto mode cannot read the system appearance here and stays on dark; on Linux it needs gdbus and a "
                            + "desktop portal on the session bus, or set @muxbar-theme-mode fixed");
        } else {
            line(true, theme, "");
        }
        for (com.fasterxml.jackson.databind.JsonNode p : n.path("problems")) {
            line(
                    false,
                    "theme file left out: " + p.asText(),
                    "correct the field it names (themes/schema.json documents them)");
        }
    }

    /** Keys the plugin left to the user's own bindings (it never replaces them). */
    private void checkKeys() {
        try {
            String skipped = TmuxProcess.globalOption(target.address(), "@muxbar-skipped-keys");
            if (!skipped.isEmpty()) {
                System.out.println("note     keys left to your own bindings: " + skipped
                        + " (unbind them and re-source ~/.tmux.conf to give them to muxbar)");
            }
        } catch (java.io.IOException e) {
            // tmux missing: reported above
        }
    }

    /**
     * Where this shell's agents keep their files. The daemon reads each agent's own directories from
     * its process environment where {@code /proc} allows it; elsewhere only from its own environment.
     */
    private void checkAgentFiles() {
        dev.muxbar.config.AgentDirs here = dev.muxbar.config.AgentDirs.of(System.getenv());
        String off = "";
        try {
            off = TmuxProcess.globalOption(target.address(), "@muxbar-agent-files");
        } catch (java.io.IOException e) {
            // tmux missing: reported above
        }
        String dirs = "Claude Code " + here.claude() + ", Codex " + here.codex() + " (as this shell sets them)";
        if (off.equals("off")) {
            System.out.println(
                    "note     agent files not read (@muxbar-agent-files off): hooks and screens only; " + dirs);
        } else if (Files.isReadable(Path.of("/proc/self/environ"))) {
            line(true, "agent files: " + dirs + "; the daemon finds each agent's own in its environment", "");
        } else {
            line(
                    true,
                    "agent files: " + dirs + "; the daemon reads only its own CLAUDE_CONFIG_DIR / CODEX_HOME / HOME"
                            + " (set them with tmux setenv -g if your shell rc changes them)",
                    "");
        }
    }

    private void line(boolean ok, String what, String fix) {
        if (ok) {
            System.out.println("ok       " + what);
        } else {
            problems++;
            System.out.println("problem  " + what + " — fix: " + fix);
        }
    }

    static boolean onPath(String exe) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && new File(dir, exe).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
