package dev.muxbar.resume;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How one agent CLI is brought back, as data ({@code resume-kinds.json}, overridable by the user's
 * {@code resume.json}): the words that resume a conversation by id ({@code resume}, {@code {id}} in
 * place of it) or its latest one in the directory ({@code latest}), the flags that take a value
 * ({@code valueFlags}: their value is not a prompt), the arguments a started agent had that must not
 * come back ({@code drop}: a one-shot prompt, an earlier resume), subcommands that carried an id
 * ({@code subcommands}: dropped with it), whether bare words were a prompt ({@code positionals}:
 * {@code drop}) or files and directories ({@code keep}), the keys that end it cleanly ({@code quit})
 * and the environment variables that decide where it keeps its data ({@code env}), and the words that
 * start a new one ({@code launch}; its name by default).
 */
public record Kind(
        String name,
        List<String> resume,
        List<String> latest,
        Set<String> valueFlags,
        Set<String> drop,
        Set<String> subcommands,
        boolean keepPositionals,
        List<String> quit,
        List<String> env,
        List<String> launch) {

    /** Interpreters a CLI may run under: its program is then the interpreter and the script. */
    static final Set<String> INTERPRETERS =
            Set.of("node", "nodejs", "bun", "deno", "python", "python3", "sh", "bash", "dash", "zsh");

    /**
     * The argv that brings the agent back: its program as it was started, its flags (with their
     * values) but not a one-shot prompt nor an earlier resume, then the resume words ({@code id}
     * null: its latest conversation here).
     */
    public List<String> resumeArgv(List<String> started, String id) {
        if (started.isEmpty()) {
            throw new IllegalArgumentException("no command line to resume " + name + " from");
        }
        int program = INTERPRETERS.contains(base(started.get(0)))
                        && started.size() > 1
                        && !started.get(1).startsWith("-")
                ? 2
                : 1;
        List<String> out = new ArrayList<>(started.subList(0, program));
        List<String> args = started.subList(program, started.size());
        boolean subcommandSeen = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String flag = a.contains("=") && a.startsWith("-") ? a.substring(0, a.indexOf('=')) : a;
            boolean takesValue = valueFlags.contains(flag) && !a.contains("=");
            if (a.equals("--")) {
                break; // what follows is for the prompt or the program's own arguments: not again
            }
            if (drop.contains(flag)) {
                i += takesValue && i + 1 < args.size() && !args.get(i + 1).startsWith("-") ? 1 : 0;
                continue;
            }
            if (a.startsWith("-") && a.length() > 1) {
                out.add(a);
                if (takesValue && i + 1 < args.size()) {
                    out.add(args.get(++i));
                }
                continue;
            }
            if (!subcommandSeen && subcommands.contains(a)) {
                subcommandSeen = true; // "codex resume ID": the id goes with it
                if (i + 1 < args.size() && !args.get(i + 1).startsWith("-")) {
                    i++;
                }
                continue;
            }
            if (keepPositionals) {
                out.add(a);
            }
        }
        for (String w : id == null ? latest : resume) {
            out.add(w.equals("{id}") ? id : w);
        }
        return out;
    }

    private static String base(String program) {
        return Path.of(program).getFileName() == null
                ? program
                : Path.of(program).getFileName().toString();
    }
}
