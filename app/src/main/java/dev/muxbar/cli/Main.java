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
        int code = new CommandLine(new Main()).setExecutionExceptionHandler(Main::failed).execute(args);
        System.exit(code);
    }

    /**
     * A command that fails on the file system (a runtime dir someone else owns, a socket that is not
     * there) says so in one line, not with a stack trace.
     */
    private static int failed(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof java.io.IOException) {
            cmd.getErr().println("muxbar: " + e.getMessage());
            return 1;
        }
        throw e;
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
