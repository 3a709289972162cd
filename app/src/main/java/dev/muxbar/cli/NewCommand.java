package dev.muxbar.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.muxbar.api.ApiClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code muxbar new AGENT [--worktree BRANCH [--base REF]] [--dir DIR] [--session NAME] [--prompt TEXT]
 * [-- AGENT-ARGS]}: a new agent in a session of its own — in a new git worktree of the repository
 * around DIR (the current directory by default) when a branch is given — with its first prompt typed
 * once it is ready. Exit 0 started, 1 refused (nothing made), 2 bad input or no daemon.
 */
@Command(
        name = "new",
        mixinStandardHelpOptions = true,
        description =
                "Start an agent in a session of its own, optionally in a new git worktree, and give it a first prompt.")
final class NewCommand implements Callable<Integer> {

    @Mixin
    Target target;

    @Parameters(index = "0", paramLabel = "AGENT", description = "claude, codex, gemini, opencode, aider, …")
    String agent;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "AGENT-ARGS", description = "After --: for the agent.")
    List<String> args = new ArrayList<>();

    @Option(names = "--worktree", paramLabel = "BRANCH", description = "A new worktree on BRANCH (made if need be).")
    String branch;

    @Option(names = "--base", paramLabel = "REF", description = "Where a new branch starts (default: HEAD).")
    String base;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where (default: here).")
    Path dir;

    @Option(names = "--session", paramLabel = "NAME", description = "The session's name (default: repo/branch).")
    String session;

    @Option(names = "--prompt", paramLabel = "TEXT", description = "Typed once the agent is ready.")
    String prompt;

    @Override
    public Integer call() throws Exception {
        ObjectNode body = CliJson.MAPPER
                .createObjectNode()
                .put("agent", agent)
                .put(
                        "dir",
                        (dir == null ? Path.of("") : dir)
                                .toAbsolutePath()
                                .normalize()
                                .toString());
        if (branch != null) {
            body.put("branch", branch);
        }
        if (base != null) {
            body.put("base", base);
        }
        if (session != null) {
            body.put("session", session);
        }
        if (prompt != null) {
            body.put("prompt", prompt);
        }
        ArrayNode a = body.putArray("args");
        args.forEach(a::add);
        try (ApiClient api = new ApiClient(target.paths().socket())) {
            if (!api.alive()) {
                System.err.println("muxbar: no daemon runs for this tmux server");
                return 2;
            }
            ApiClient.Answer r = api.post("/agents/new", body.toString());
            if (r.status() != 200) {
                System.err.println("muxbar: " + Panes.error(r.body()));
                return r.status() == 409 ? 1 : 2;
            }
            System.out.println(
                    "muxbar: " + CliJson.MAPPER.readTree(r.body()).path("said").asText());
            return 0;
        }
    }
}
