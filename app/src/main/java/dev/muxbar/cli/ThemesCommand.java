package dev.muxbar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muxbar.api.ApiClient;
import dev.muxbar.config.Paths;
import dev.muxbar.theme.Color;
import dev.muxbar.theme.Rgb;
import dev.muxbar.theme.Role;
import dev.muxbar.theme.Theme;
import dev.muxbar.theme.Themes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code muxbar themes list|set NAME|show NAME}. */
@Command(
        name = "themes",
        mixinStandardHelpOptions = true,
        description = "List, choose and inspect colour themes.",
        subcommands = {ThemesCommand.ListThemes.class, ThemesCommand.SetTheme.class, ThemesCommand.ShowTheme.class})
final class ThemesCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    static Themes local() {
        return new Themes(Paths.configDir(System.getenv()).resolve("themes"));
    }

    /** {@code muxbar themes list}: every theme, the active one marked, broken user files named. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List the themes (* active, from the daemon).")
    static final class ListThemes implements Callable<Integer> {
        @Mixin
        Target target;

        @Override
        public Integer call() throws Exception {
            String active = null;
            try (ApiClient api = new ApiClient(target.paths().socket())) {
                if (api.alive()) {
                    ApiClient.Answer a = api.get("/themes");
                    JsonNode n = new ObjectMapper().readTree(a.body());
                    active = n.path("theme").asText(null);
                    if (n.path("mode").asText().equals("auto")) {
                        System.out.println(
                                "# auto mode: " + n.path("appearance").asText() + " appearance ("
                                        + n.path("appearanceSource").asText() + ")");
                    }
                } else {
                    System.out.println(
                            "# no daemon runs for " + target.address().socket() + ": nothing is active");
                }
            }
            Themes themes = local();
            for (Themes.Entry e : themes.all().values()) {
                Theme t = e.theme();
                System.out.printf(
                        "%s %-22s %-6s%s%n",
                        t.name().equals(active) ? "*" : " ", t.name(), t.appearance(), e.user() ? "  " + e.file() : "");
            }
            for (String p : themes.problems()) {
                System.out.println("! " + p);
            }
            return themes.problems().isEmpty() ? 0 : 1;
        }
    }

    /** {@code muxbar themes set NAME}: shows it on every sidebar now and keeps it. */
    @Command(name = "set", mixinStandardHelpOptions = true, description = "Use a theme on every sidebar (saved).")
    static final class SetTheme implements Callable<Integer> {
        @Mixin
        Target target;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws Exception {
            try (ApiClient api = new ApiClient(target.paths().socket())) {
                if (!api.alive()) {
                    System.err.println("muxbar: no daemon runs for "
                            + target.address().socket() + " (or set @muxbar-theme in ~/.tmux.conf)");
                    return 1;
                }
                ApiClient.Answer a = api.post("/theme?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
                if (a.status() != 200) {
                    System.err.println("muxbar: "
                            + new ObjectMapper()
                                    .readTree(a.body())
                                    .path("error")
                                    .asText(a.body()));
                    return 1;
                }
                System.out.println("theme " + name);
                return 0;
            }
        }
    }

    /** {@code muxbar themes show NAME}: its roles and colours (swatches on a terminal), or why it is broken. */
    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Show a theme's colours, or what is wrong with its file.")
    static final class ShowTheme implements Callable<Integer> {
        @Mixin
        Target target; // accepted like the other subcommands; the files read are the user's own

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            Themes themes = local();
            Theme t;
            try {
                t = themes.get(name);
            } catch (IllegalArgumentException e) {
                System.err.println("muxbar: " + e.getMessage());
                return 1;
            }
            Themes.Entry e = themes.all().get(name);
            boolean tty = System.console() != null;
            System.out.println(t.name() + " (" + t.appearance() + (e.user() ? ", " + e.file() : ", built in") + ")");
            if (!t.description().isEmpty()) {
                System.out.println(t.description());
            }
            for (String role : Theme.ROLES) {
                Color c = t.color(Role.of(role));
                System.out.printf("  %-13s %-14s %s%n", role, c, tty ? swatch(c, t.color(Role.BACKGROUND)) : "");
            }
            if (!t.glyphs().isEmpty()) {
                System.out.println("  glyphs: " + t.glyphs());
            }
            return 0;
        }

        private static String swatch(Color c, Color bg) {
            return c instanceof Rgb r && bg instanceof Rgb b
                    ? String.format(
                            "\033[48;2;%d;%d;%dm\033[38;2;%d;%d;%dm ■■■ \033[0m",
                            b.r(), b.g(), b.b(), r.r(), r.g(), r.b())
                    : "";
        }
    }
}
