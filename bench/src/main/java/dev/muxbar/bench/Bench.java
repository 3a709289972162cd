package dev.muxbar.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The benchmark harnesses, run by {@code scripts/bench/*} next to the product jar:
 * {@code java -cp app/target/muxbar.jar:bench/target/muxbar-bench.jar dev.muxbar.bench.Bench bench-agents …}.
 * They drive tmux and the daemon as users do, so they are not part of muxbar itself.
 */
@Command(
        name = "muxbar-bench",
        mixinStandardHelpOptions = true,
        subcommands = {
            BenchCommand.class,
            BenchSidebarCommand.class,
            BenchSwitchCommand.class,
            BenchAgentsCommand.class,
            BenchEventsCommand.class,
            BenchHostsCommand.class,
            BenchCostsCommand.class,
            BenchUsageCommand.class,
            PlotCommand.class
        })
public final class Bench implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
