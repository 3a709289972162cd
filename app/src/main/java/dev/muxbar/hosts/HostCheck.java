package dev.muxbar.hosts;

import dev.muxbar.json.Json;
import dev.muxbar.json.Node;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code muxbar hosts check NAME}: one line per step of what works — ssh reaches the host without a
 * prompt, a muxbar is there (on the remote {@code PATH}, or the user's {@code @muxbar-remote-command}),
 * its version, its daemons (one per tmux server there) — each {@code ok}, {@code note} or
 * {@code problem … — fix: …}. A step that fails ends the check. Runs ssh through {@link Runner}, so
 * the steps are tested without a network.
 */
public final class HostCheck {

    /** What one command did. */
    public record Ran(int exit, String out, String err, long millis) {}

    /** Runs a command (an argument vector) to its end, or kills it after {@code timeoutMs}. */
    public interface Runner {
        Ran run(List<String> argv, long timeoutMs) throws IOException;
    }

    static final long STEP_TIMEOUT_MS = (Ssh.CONNECT_TIMEOUT_S + 10) * 1_000L;

    private final Ssh ssh;
    private final Runner runner;
    private final String remoteCommand;
    private final String localVersion;

    /** {@code remoteCommand}: the user's {@code @muxbar-remote-command}, or null for {@code muxbar} on the PATH. */
    public HostCheck(Ssh ssh, Runner runner, String remoteCommand, String localVersion) {
        this.ssh = ssh;
        this.runner = runner;
        this.remoteCommand = remoteCommand == null || remoteCommand.isBlank() ? null : remoteCommand.strip();
        this.localVersion = localVersion;
    }

    /** The lines of the check, and whether every step worked. */
    public record Report(List<String> lines, boolean ok) {}

    public Report check(Host h) throws IOException {
        List<String> lines = new ArrayList<>();
        Ran reach = runner.run(ssh.command(h, "true"), STEP_TIMEOUT_MS);
        if (reach.exit() != 0) {
            String said = lastLine(reach.err());
            boolean login = said.contains("Permission denied")
                    || said.contains("Host key verification failed")
                    || said.contains("password")
                    || said.contains("passphrase");
            lines.add(
                    login
                            ? "problem  ssh " + h.name() + ": needs login (" + said + ") — fix: run `ssh " + h.name()
                                    + "` once (keys in the agent, the host key in known_hosts); muxbar never prompts"
                            : "problem  ssh " + h.name() + ": " + (said.isEmpty() ? "exit " + reach.exit() : said)
                                    + " — fix: check the name, the network and ~/.ssh/config (`ssh -v " + h.name()
                                    + "`)");
            return new Report(lines, false);
        }
        lines.add("ok       ssh " + h.name() + ": reached without a prompt (" + reach.millis() + " ms)");
        String where = remoteCommand;
        if (where == null) {
            Ran found = runner.run(ssh.command(h, "command -v muxbar"), STEP_TIMEOUT_MS);
            if (found.exit() != 0 || found.out().isBlank()) {
                lines.add("problem  no muxbar on " + h.name() + "'s PATH — fix: install muxbar there, or set "
                        + "@muxbar-remote-command to the command that runs it");
                return new Report(lines, false);
            }
            where = found.out().strip().lines().findFirst().orElse("muxbar");
            lines.add("ok       muxbar on " + h.name() + ": " + where);
        } else {
            lines.add("ok       muxbar on " + h.name() + ": run as @muxbar-remote-command says: " + where);
        }
        Ran version = runner.run(ssh.command(h, Ssh.line(remoteCommand, "version")), STEP_TIMEOUT_MS);
        String v = clean(firstLine(version.out()).replaceFirst("^muxbar ", ""));
        if (version.exit() != 0 || v.isEmpty()) {
            lines.add("problem  muxbar on " + h.name() + " does not run (" + lastLine(version.err()) + ") — fix: run `"
                    + (remoteCommand == null ? "muxbar" : remoteCommand) + " doctor` there");
            return new Report(lines, false);
        }
        lines.add((v.equals(localVersion) ? "ok       " : "note     ") + "version on " + h.name() + ": " + v
                + (v.equals(localVersion) ? "" : " (here: " + localVersion + ")"));
        Ran daemons = runner.run(ssh.command(h, Ssh.line(remoteCommand, "daemons", "--json")), STEP_TIMEOUT_MS);
        Node list = parse(daemons.out());
        if (daemons.exit() != 0 || list == null || !list.isArray()) {
            lines.add("problem  cannot list the daemons on " + h.name() + " (" + lastLine(daemons.err())
                    + ") — fix: update muxbar there to this version");
            return new Report(lines, false);
        }
        List<String> servers = new ArrayList<>();
        list.forEach(d -> servers.add(clean(d.path("tmux").asText("?"))));
        lines.add(
                servers.isEmpty()
                        ? "note     no daemon runs on " + h.name()
                                + " yet (it starts with tmux and the muxbar plugin there)"
                        : "ok       daemons on " + h.name() + ": " + servers.size() + " (" + String.join(", ", servers)
                                + ")");
        return new Report(lines, true);
    }

    private static Node parse(String s) {
        try {
            return Json.parse(s == null ? "" : s.strip());
        } catch (RuntimeException | IOException e) {
            return null;
        }
    }

    /** Text from the remote, as it may be printed here: no control characters, at most 120 characters. */
    static String clean(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().filter(c -> !Character.isISOControl(c)).limit(120).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.strip().lines().findFirst().orElse("").strip();
    }

    private static String lastLine(String s) {
        List<String> ls = s == null ? List.of() : s.strip().lines().toList();
        String l = ls.isEmpty() ? "" : ls.get(ls.size() - 1).strip();
        return l.length() > 200 ? l.substring(0, 200) + "…" : l;
    }
}
