package dev.muxbar.cli;

import dev.muxbar.hosts.Host;
import dev.muxbar.hosts.HostCheck;
import dev.muxbar.hosts.HostStore;
import dev.muxbar.hosts.ProcessRunner;
import dev.muxbar.hosts.Ssh;
import dev.muxbar.tmux.TmuxProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code muxbar hosts add|remove|list|check NAME}: the user's SSH hosts with a muxbar of their own (kept in
 * the state dir, beside {@code @muxbar-hosts}), and a check of what works on the way to one. The ssh
 * config is the user's own, or {@code @muxbar-ssh-config} / {@code MUXBAR_SSH_CONFIG}; the remote muxbar
 * is {@code muxbar} on the remote PATH, or {@code @muxbar-remote-command} / {@code MUXBAR_REMOTE_COMMAND}.
 */
@Command(
        name = "hosts",
        mixinStandardHelpOptions = true,
        description = "The SSH hosts whose muxbar this one shows: add, remove, list, check.")
final class HostsCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add NAME (an ssh alias or [user@]host).")
    int add(@Parameters(paramLabel = "NAME") String name) throws IOException {
        Host h = host(name);
        if (h == null) {
            return 2;
        }
        boolean added = store().add(h);
        System.out.println(
                added
                        ? "added " + h.name() + " (check it: muxbar hosts check " + h.name() + ")"
                        : h.name() + " is there already");
        return 0;
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove NAME.")
    int remove(@Parameters(paramLabel = "NAME") String name) throws IOException {
        Host h = host(name);
        if (h == null) {
            return 2;
        }
        if (!store().remove(h)) {
            System.err.println("muxbar: no host " + h.name() + " was added (muxbar hosts list)");
            return 1;
        }
        System.out.println("removed " + h.name());
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The hosts: added ones and @muxbar-hosts.")
    int list(@Mixin Target target) {
        List<String> lines = new ArrayList<>();
        store().load().forEach(h -> lines.add(h.name() + "  (muxbar hosts add)"));
        for (String word : option(target, "@muxbar-hosts").split("\\s+")) {
            if (!word.isEmpty()) {
                try {
                    lines.add(new Host(word).name() + "  (@muxbar-hosts)");
                } catch (IllegalArgumentException e) {
                    lines.add("left out of @muxbar-hosts: " + e.getMessage());
                }
            }
        }
        System.out.println(lines.isEmpty() ? "no hosts (add one: muxbar hosts add NAME)" : String.join("\n", lines));
        return 0;
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = "What works on the way to NAME: ssh without a prompt, its muxbar, version, daemons.")
    int check(@Mixin Target target, @Parameters(paramLabel = "NAME") String name) throws IOException {
        Host h = host(name);
        if (h == null) {
            return 2;
        }
        String config = setting(target, "@muxbar-ssh-config", "MUXBAR_SSH_CONFIG");
        HostCheck.Report r = new HostCheck(
                        new Ssh(config.isEmpty() ? null : Path.of(config)),
                        new ProcessRunner(),
                        setting(target, "@muxbar-remote-command", "MUXBAR_REMOTE_COMMAND"),
                        Main.version())
                .check(h);
        r.lines().forEach(System.out::println);
        return r.ok() ? 0 : 1;
    }

    private static Host host(String name) {
        try {
            return new Host(name);
        } catch (IllegalArgumentException e) {
            System.err.println("muxbar: " + e.getMessage());
            return null;
        }
    }

    private static HostStore store() {
        return new HostStore(HostStore.file(System.getenv()), m -> System.err.println("muxbar: " + m));
    }

    /** The environment variable when set, else the tmux option (when a tmux server answers), else "". */
    private static String setting(Target target, String option, String variable) {
        String env = System.getenv().getOrDefault(variable, "");
        return env.isEmpty() ? option(target, option) : env;
    }

    private static String option(Target target, String name) {
        try {
            return TmuxProcess.globalOption(target.address(), name);
        } catch (IOException | RuntimeException e) {
            return ""; // no tmux server here: no options
        }
    }
}
