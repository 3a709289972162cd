package dev.muxbar.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code muxbar completion bash|zsh|fish}: a completion script for the shell, on stdout. Bash and
 * zsh get picocli's generated script (zsh runs it through bashcompinit); fish gets {@code complete}
 * lines for the commands and their options.
 */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Print a shell completion script: bash, zsh or fish.",
            "bash: source <(muxbar completion bash)   zsh: source <(muxbar completion zsh)",
            "fish: muxbar completion fish > ~/.config/fish/completions/muxbar.fish"
        })
final class CompletionCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash, zsh or fish")
    String shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        switch (shell.toLowerCase(Locale.ROOT)) {
            case "bash":
                System.out.print(AutoComplete.bash("muxbar", root));
                return 0;
            case "zsh":
                // picocli's script works in zsh once bash completion is emulated.
                System.out.println("autoload -U +X compinit && compinit");
                System.out.println("autoload -U +X bashcompinit && bashcompinit");
                System.out.print(AutoComplete.bash("muxbar", root));
                return 0;
            case "fish":
                System.out.print(fish(root));
                return 0;
            default:
                System.err.println("muxbar completion: no completion for '" + shell + "' (bash, zsh or fish)");
                return 2;
        }
    }

    /** {@code complete} lines: commands when none is typed yet, then each command's options. */
    static String fish(CommandLine root) {
        StringBuilder out = new StringBuilder("# muxbar completions for fish (muxbar completion fish)\n");
        out.append("complete -c muxbar -f\n");
        for (var e : root.getSubcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (sub.usageMessage().hidden()) {
                continue;
            }
            out.append("complete -c muxbar -n '__fish_use_subcommand' -a ")
                    .append(e.getKey())
                    .append(" -d ")
                    .append(quote(first(sub.usageMessage().description())))
                    .append('\n');
            for (OptionSpec o : sub.options()) {
                if (o.hidden()) {
                    continue;
                }
                out.append("complete -c muxbar -n '__fish_seen_subcommand_from ")
                        .append(e.getKey())
                        .append('\'');
                for (String name : o.names()) {
                    out.append(name.startsWith("--") ? " -l " + name.substring(2) : " -s " + name.substring(1));
                }
                out.append(" -d ").append(quote(first(o.description()))).append('\n');
            }
        }
        return out.toString();
    }

    private static String first(String[] lines) {
        return lines.length == 0 ? "" : lines[0];
    }

    /** A fish single-quoted word. */
    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
