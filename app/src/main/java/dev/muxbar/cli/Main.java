package dev.muxbar.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code muxbar.jar}. */
@Command(name = "muxbar", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A sidebar of tmux sessions and coding agents, served by one daemon per tmux server.",
        subcommands = {ServerCommand.class, StatusCommand.class, DoctorCommand.class, OrderCommand.class,
                ToggleCommand.class, UninstallCommand.class, HooksCommand.class, ThemesCommand.class,
                VersionCommand.class, BenchCommand.class, BenchSidebarCommand.class, BenchSwitchCommand.class, BenchAgentsCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).execute(args);
        System.exit(code);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** The version from the jar manifest ("dev" when run from classes). */
    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"muxbar " + version()};
        }
    }
}
