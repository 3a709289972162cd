package dev.muxbar.resume;

import dev.muxbar.model.Model;
import dev.muxbar.model.Scheduler;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.PlaceCommands;
import dev.muxbar.tmux.TmuxGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Starts a new agent: optionally in a git worktree of its own ({@code git worktree add}, with hooks
 * and fsmonitor off so no repository code runs through muxbar), in a tmux session named after the
 * repository and branch (or the user's name for it), its launch line typed into the session's shell,
 * and its first prompt typed once the agent shows ready in its pane (idle, or asking a question).
 * Nothing is half made: a worktree path that exists, a session name in use, an unknown agent kind or a
 * missing git stops it before anything is created. Git runs on {@code io}, tmux through the gateway.
 */
public final class Starter {

    /** What to start: the agent kind, a worktree branch (and the ref it starts from), or a directory. */
    public record Request(
            String agent, String branch, String base, String dir, String session, String prompt, List<String> args) {}

    private final TmuxGateway tmux;
    private final Scheduler scheduler;
    private final Executor loop;
    private final Executor io;
    private final Kinds kinds;
    private final String worktreeDir; // @muxbar-worktree-dir ("" beside the repository)
    private final Consumer<String> log;
    private final ReadyPrompts prompts;

    public Starter(
            TmuxGateway tmux,
            Scheduler scheduler,
            Executor loop,
            Executor io,
            Kinds kinds,
            String worktreeDir,
            ReadyPrompts prompts,
            Consumer<String> log) {
        this.prompts = prompts;
        this.tmux = tmux;
        this.scheduler = scheduler;
        this.loop = loop;
        this.io = io;
        this.kinds = kinds;
        this.worktreeDir = worktreeDir == null ? "" : worktreeDir.strip();
        this.log = log;
    }

    /** Starts it; completes with a line saying where, or fails with why nothing was made. */
    public CompletableFuture<String> start(Request r, Model m) {
        Kind k = kinds.of(r.agent()).orElse(null);
        if (k == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no agent kind " + r.agent()));
        }
        if (r.dir() == null || !r.dir().startsWith("/")) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("a directory is needed (absolute)"));
        }
        return CompletableFuture.supplyAsync(() -> place(r, m), io)
                .thenComposeAsync(
                        where -> {
                            String name = where[1];
                            List<String> argv = new ArrayList<>(k.launch());
                            argv.addAll(r.args());
                            String line = ResumeLine.of(where[0], Map.of(), argv);
                            return tmux.send(PlaceCommands.session(name, r.agent(), where[0]))
                                    .thenApplyAsync(
                                            ids -> {
                                                String[] f = ids.split(" ");
                                                if (f.length != 3) {
                                                    throw new IllegalStateException("tmux made no session: " + ids);
                                                }
                                                if (r.branch() != null) {
                                                    tmux.send(
                                                            Commands.sessionOption(f[0], "@muxbar-worktree", where[0]));
                                                }
                                                tmux.send(Commands.sendText(f[2], line))
                                                        .thenCompose(v ->
                                                                tmux.send(Commands.sendKeys(f[2], List.of("Enter"))));
                                                if (r.prompt() != null
                                                        && !r.prompt().isBlank()) {
                                                    prompts.add(f[2], r.prompt());
                                                }
                                                log.accept("new " + r.agent() + " in " + f[2] + " (" + name + "): "
                                                        + line);
                                                return "started " + r.agent() + " in session " + name + " (" + where[0]
                                                        + ")";
                                            },
                                            loop);
                        },
                        loop);
    }

    /**
     * Removes the worktree at {@code path} (its branch stays) — only when nothing in it is uncommitted
     * and its branch is merged into the main worktree's branch or pushed to its upstream; otherwise it
     * stays, and the failure says why. Git on {@code io}.
     */
    public CompletableFuture<String> removeWorktree(String path) {
        return CompletableFuture.supplyAsync(
                () -> {
                    Path tree = Path.of(path);
                    if (!Files.isDirectory(tree)) {
                        return "no worktree at " + path + " any more";
                    }
                    if (!git(tree, List.of("status", "--porcelain")).isBlank()) {
                        throw new IllegalArgumentException(
                                "kept the worktree " + path + ": it has uncommitted changes");
                    }
                    String main = git(tree, List.of("worktree", "list", "--porcelain"))
                            .lines()
                            .filter(l -> l.startsWith("branch "))
                            .findFirst()
                            .map(l -> l.substring("branch ".length()))
                            .orElse("");
                    boolean merged = !main.isEmpty() && ancestor(tree, main);
                    boolean pushed = pushed(tree);
                    if (!merged && !pushed) {
                        throw new IllegalArgumentException(
                                "kept the worktree " + path + ": its branch is neither merged nor pushed");
                    }
                    String top = git(tree, List.of("rev-parse", "--path-format=absolute", "--git-common-dir"))
                            .strip();
                    git(Path.of(top).getParent(), List.of("worktree", "remove", "--", path));
                    return "removed the worktree " + path + " (its branch stays)";
                },
                io);
    }

    private static boolean ancestor(Path tree, String ref) {
        try {
            git(tree, List.of("merge-base", "--is-ancestor", "HEAD", ref));
            return true;
        } catch (IllegalArgumentException notAncestor) {
            return false;
        }
    }

    private static boolean pushed(Path tree) {
        try {
            return git(tree, List.of("rev-list", "--count", "@{u}..HEAD"))
                    .strip()
                    .equals("0");
        } catch (IllegalArgumentException noUpstream) {
            return false;
        }
    }

    /** The session's name ({@code --session}, else {@code fallback}) as tmux keeps it; refused when in use. */
    private static String free(Request r, String fallback, Model m) {
        String name = sessionName(r.session() != null && !r.session().isBlank() ? r.session() : fallback);
        if (m.snapshot().sessions().stream().anyMatch(s -> s.name().equals(name))) {
            throw new IllegalArgumentException("a session " + name + " exists already");
        }
        return name;
    }

    /** tmux's own rule: no '.' nor ':' in a session name. */
    static String sessionName(String name) {
        return name.replace('.', '_').replace(':', '_');
    }

    /**
     * [directory, session name]: the worktree made for the branch, or the directory; nothing is made
     * when the session's name is taken.
     */
    private String[] place(Request r, Model m) {
        Path dir = Path.of(r.dir());
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no directory " + dir);
        }
        if (r.branch() == null || r.branch().isBlank()) {
            return new String[] {
                dir.toString(),
                free(r, dir.getFileName() == null ? "agent" : dir.getFileName().toString(), m)
            };
        }
        if (!r.branch().matches("[A-Za-z0-9._/-]{1,100}")
                || r.branch().startsWith("-")
                || r.branch().contains("..")) {
            throw new IllegalArgumentException("not a branch name muxbar makes a worktree for: " + r.branch());
        }
        String top = git(dir, List.of("rev-parse", "--show-toplevel")).strip();
        Path repo = Path.of(top);
        String base = repo.getFileName().toString();
        String slug = r.branch().replace('/', '-');
        String name = free(r, base + "/" + r.branch(), m); // before anything is made
        Path into = worktreeDir.isEmpty()
                ? repo.resolveSibling(base + "-" + slug)
                : Path.of(worktreeDir.replaceFirst("^~", System.getProperty("user.home")))
                        .resolve(base + "-" + slug);
        if (Files.exists(into)) {
            throw new IllegalArgumentException("the worktree path exists already: " + into);
        }
        boolean exists = !git(repo, List.of("branch", "--list", r.branch())).isBlank();
        List<String> add = new ArrayList<>(List.of("worktree", "add"));
        if (exists) {
            add.addAll(List.of("--", into.toString(), r.branch()));
        } else {
            add.addAll(List.of("-b", r.branch(), "--", into.toString()));
            if (r.base() != null && !r.base().isBlank()) {
                add.add(r.base());
            }
        }
        git(repo, add);
        return new String[] {into.toString(), name};
    }

    /** git with no repository code run: hooks and fsmonitor off; fails with git's last line. */
    static String git(Path in, List<String> args) {
        List<String> cmd = new ArrayList<>(
                List.of("git", "-c", "core.hooksPath=/dev/null", "-c", "core.fsmonitor=false", "-C", in.toString()));
        cmd.addAll(args);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readNBytes(1 << 16), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("git " + args.get(0) + " took over 30 s");
            }
            if (p.exitValue() != 0) {
                String[] lines = out.strip().split("\n");
                throw new IllegalArgumentException("git " + args.get(0) + ": " + lines[lines.length - 1]);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("git is not there: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
