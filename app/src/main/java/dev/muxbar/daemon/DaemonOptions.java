package dev.muxbar.daemon;

import dev.muxbar.config.Paths;
import dev.muxbar.model.Choices;
import dev.muxbar.theme.Appearance;
import dev.muxbar.theme.ThemeService;
import dev.muxbar.theme.ThemeStore;
import dev.muxbar.theme.Themes;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.TmuxGateway;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The plugin's tmux options the daemon reads once, at start, and what each means for it. */
record DaemonOptions(Map<String, String> values) {

    /** The options read. */
    static final List<String> NAMES = List.of(
            "@muxbar-bound-keys",
            "@muxbar-width",
            "@muxbar-position",
            "@muxbar-theme",
            "@muxbar-theme-mode",
            "@muxbar-theme-dark",
            "@muxbar-theme-light",
            "@muxbar-debug",
            "@muxbar-notify-command",
            "@muxbar-notify-terminal",
            "@muxbar-notify-on",
            "@muxbar-context-warn",
            "@muxbar-web-listen",
            "@muxbar-web-hosts",
            "@muxbar-web-behind-proxy",
            "@muxbar-web-tls",
            "@muxbar-agent-files",
            "@muxbar-hosts",
            "@muxbar-ssh-config",
            "@muxbar-remote-command",
            "@muxbar-resume",
            "@muxbar-resume-env",
            "@muxbar-hibernate-after",
            "@muxbar-worktree-dir");

    /**
     * {@link #NAMES} in one round trip: {@code display-message -p '#{@muxbar-width}<TAB>#{…}'} prints
     * each value ("" when unset) separated by tabs, e.g. {@code "\t30\tright\tnord\t\t\t"}.
     */
    static DaemonOptions read(TmuxGateway gateway) throws Exception {
        List<String> v = gateway.send(Commands.globalOptions(NAMES)).get(2, TimeUnit.SECONDS);
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            out.put(NAMES.get(i), v.get(i));
        }
        return new DaemonOptions(Map.copyOf(out));
    }

    String get(String name) {
        return values.getOrDefault(name, "");
    }

    /** {@code @muxbar-debug}: a line per agent transition in the log. */
    boolean debug() {
        return List.of("on", "1", "yes", "true").contains(get("@muxbar-debug"));
    }

    /** {@code @muxbar-agent-files off}: hooks and screens only. */
    boolean agentFiles() {
        return !get("@muxbar-agent-files").equals("off");
    }

    /** The theme service: these options, saved picks, and in auto mode the system's appearance. */
    ThemeService themeService(Paths paths, Executor loop, Consumer<String> log) {
        ThemeService.Options o = new ThemeService.Options(
                get("@muxbar-theme"), get("@muxbar-theme-mode"), get("@muxbar-theme-dark"), get("@muxbar-theme-light"));
        ThemeService t = new ThemeService(
                new Themes(Paths.configDir(System.getenv()).resolve("themes")),
                new ThemeStore(paths.stateDir().resolve("theme.json"), log),
                o,
                o.auto() ? Appearance.detect(System.getenv(), log) : Appearance.unavailable("auto mode is off"),
                loop,
                log);
        log.accept("theme " + t.current().name() + (o.auto() ? " (auto mode)" : ""));
        return t;
    }

    /**
     * The sidebar choices the options give: width and edge from {@code @muxbar-width} /
     * {@code @muxbar-position}. A width chosen in the sidebar (saved) wins, and the daemon tells
     * tmux the width it uses ({@code @muxbar-width}).
     */
    Choices choices() {
        Choices d = Choices.DEFAULT;
        int width = parseInt(get("@muxbar-width"), d.width());
        return new Choices(d.sidebars(), width, width, get("@muxbar-position").equals("right"), null, "");
    }

    private static int parseInt(String s, int fallback) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
