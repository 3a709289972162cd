package dev.muxbar.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code muxbar.jar}. */
@Command(
        name = "muxbar",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "A sidebar of tmux sessions and coding agents, served by one daemon per tmux server.",
        subcommands = {
            ServerCommand.class,
            DaemonsCommand.class,
            HostsCommand.class,
            StatusCommand.class,
            ExplainCommand.class,
            AnswerCommand.class,
            ReplyCommand.class,
            ResumeCommand.class,
            HibernateCommand.class,
            AgentsCommand.class,
            NewCommand.class,
            UsageCommand.class,
            WebCommand.class,
            EventsCommand.class,
            WaitCommand.class,
            MetaCommand.class,
            DoctorCommand.class,
            OrderCommand.class,
            ToggleCommand.class,
            UninstallCommand.class,
            HooksCommand.class,
            ThemesCommand.class,
            VersionCommand.class,
            ResurrectCommand.class,
            CompletionCommand.class,
            InstallCliCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    public static void main(String[] args) throws Exception {
        java.util.Optional<DaemonArgs> daemon = DaemonArgs.parse(args);
        if (daemon.isPresent()) { // the daemon starts without loading picocli (see DaemonArgs)
            System.exit(ServerCommand.runDaemon(daemon.get().target()));
        }
        int code = new CommandLine(new Main())
                .setExecutionExceptionHandler(Main::failed)
                .setParameterExceptionHandler(Main::badArguments)
                .execute(args);
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

    /**
     * An unknown command gets one suggestion, the nearest command name by edit distance (a swap of
     * two letters counts as one edit): picocli's own suggested {@code status or uninstall} for
     * {@code stauts}. Everything else is picocli's message and the usage.
     */
    static int badArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        if (e instanceof CommandLine.UnmatchedArgumentException u
                && !u.getUnmatched().isEmpty()
                && !cmd.getSubcommands().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            String typed = u.getUnmatched().get(0);
            String best = nearest(typed, cmd.getSubcommands().keySet());
            cmd.getErr()
                    .println("muxbar: no command '" + typed + "'"
                            + (best == null ? "" : "; did you mean '" + cmd.getCommandName() + " " + best + "'?")
                            + " (muxbar --help lists them)");
            return 2;
        }
        cmd.getErr().println(e.getMessage());
        cmd.usage(cmd.getErr());
        return 2;
    }

    /** The name nearest to {@code typed} within 2 edits (a transposition is one), or null. */
    static String nearest(String typed, java.util.Collection<String> names) {
        String best = null;
        int bestDistance = 3;
        for (String n : names) {
            int d = distance(typed.toLowerCase(java.util.Locale.ROOT), n);
            if (d < bestDistance) {
                best = n;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
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
