package dev.muxbar.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host names, the hosts file, the ssh command lines and the check's steps (a fake ssh). */
class HostsTest {

    @TempDir
    Path tmp;

    @Test
    void aHostIsANameSshTakesSafely() {
        for (String ok : List.of("devbox", "gpu-1", "me@10.1.2.3", "build.example.com", "fe80::1", "me_2@h")) {
            assertEquals(ok, new Host(ok).name());
        }
        for (String bad : List.of(
                "",
                "-oProxyCommand=touch /tmp/x",
                "a b",
                "$(id)",
                "a;b",
                "it's",
                "a\nb",
                "#{host}",
                "a|b",
                "h@@x",
                "ünï",
                "x".repeat(300))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Host(bad), bad);
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
    }

    @Test
    void theHostsFileKeepsAddedHostsOnceAndAnUnreadableOneIsKeptAside() throws Exception {
        Path file = tmp.resolve("state/muxbar/hosts.json");
        List<String> log = new ArrayList<>();
        HostStore store = new HostStore(file, log::add);
        assertEquals(List.of(), store.load());
        assertTrue(store.add(new Host("devbox")));
        assertTrue(store.add(new Host("me@gpu-1")));
        assertFalse(store.add(new Host("devbox")), "once");
        assertEquals(List.of(new Host("devbox"), new Host("me@gpu-1")), new HostStore(file, log::add).load());
        assertTrue(store.remove(new Host("devbox")));
        assertFalse(store.remove(new Host("devbox")));
        assertEquals(List.of(new Host("me@gpu-1")), store.load());
        Files.writeString(file, "{\"hosts\": [\"ok\", \"-oProxyCommand=x\"]}");
        assertEquals(List.of(new Host("ok")), store.load(), "a bad name in the file is left out");
        Files.writeString(file, "{not json");
        assertEquals(List.of(), store.load());
        try (var aside = Files.list(file.getParent())) {
            assertTrue(
                    aside.anyMatch(p -> p.getFileName().toString().startsWith("hosts.json.corrupt")), log.toString());
        }
    }

    @Test
    void sshNeverPromptsAndQuotesEveryArgumentForTheRemoteShell() {
        List<String> argv = new Ssh(Path.of("/cfg")).command(new Host("devbox"), Ssh.line(null, "it's", "$(x)"));
        assertEquals(
                List.of(
                        "ssh",
                        "-F",
                        "/cfg",
                        "-o",
                        "BatchMode=yes",
                        "-o",
                        "ConnectTimeout=10",
                        "-o",
                        "ServerAliveInterval=5",
                        "-o",
                        "ServerAliveCountMax=3",
                        "--",
                        "devbox",
                        "muxbar 'it'\\''s' '$(x)'"),
                argv);
        assertEquals("~/bin/muxbar 'version'", Ssh.line(" ~/bin/muxbar ", "version"), "the user's own command as is");
    }

    /** A fake ssh: answers by the remote line. */
    private static HostCheck.Runner ssh(java.util.function.Function<String, HostCheck.Ran> byLine) {
        return (argv, timeout) -> byLine.apply(argv.get(argv.size() - 1));
    }

    private static HostCheck.Ran ok(String out) {
        return new HostCheck.Ran(0, out, "", 42);
    }

    @Test
    void aCheckSaysWhatWorksStepByStep() throws Exception {
        HostCheck good = new HostCheck(
                new Ssh(null),
                ssh(line -> switch (line) {
                    case "true" -> ok("");
                    case "command -v muxbar" -> ok("/home/me/.local/bin/muxbar\n");
                    case "muxbar 'version'" -> ok("muxbar 0.2.0\n");
                    case "muxbar 'daemons' '--json'" -> ok("[{\"tmux\":\"/tmp/tmux-1000/default\",\"pid\":7}]");
                    default -> throw new AssertionError(line);
                }),
                null,
                "0.2.0");
        HostCheck.Report r = good.check(new Host("devbox"));
        assertTrue(r.ok(), r.lines().toString());
        assertEquals(
                List.of(
                        "ok       ssh devbox: reached without a prompt (42 ms)",
                        "ok       muxbar on devbox: /home/me/.local/bin/muxbar",
                        "ok       version on devbox: 0.2.0",
                        "ok       daemons on devbox: 1 (/tmp/tmux-1000/default)"),
                r.lines());

        HostCheck login = new HostCheck(
                new Ssh(null),
                ssh(line -> new HostCheck.Ran(255, "", "me@devbox: Permission denied (publickey).\n", 30)),
                null,
                "0.2.0");
        HostCheck.Report denied = login.check(new Host("devbox"));
        assertFalse(denied.ok());
        assertEquals(1, denied.lines().size(), "stops at the step that fails");
        assertTrue(
                denied.lines().get(0).startsWith("problem  ssh devbox: needs login"),
                denied.lines().get(0));
        assertTrue(
                denied.lines().get(0).contains("run `ssh devbox` once"),
                denied.lines().get(0));

        HostCheck none = new HostCheck(
                new Ssh(null),
                ssh(line -> line.equals("true") ? ok("") : new HostCheck.Ran(1, "", "", 1)),
                null,
                "0.2.0");
        List<String> lines = none.check(new Host("devbox")).lines();
        assertTrue(lines.get(1).startsWith("problem  no muxbar on devbox's PATH"), lines.toString());

        HostCheck hostile = new HostCheck(
                new Ssh(null),
                ssh(line -> line.equals("true")
                        ? ok("")
                        : line.endsWith("'version'") ? ok("muxbar 0.1.0") : ok("x".repeat(10_000_000))),
                "muxbar-dev",
                "0.2.0");
        List<String> h = hostile.check(new Host("devbox")).lines();
        assertTrue(h.get(1).contains("@muxbar-remote-command says: muxbar-dev"), h.toString());
        assertTrue(h.get(2).startsWith("note     version on devbox: 0.1.0 (here: 0.2.0)"), h.toString());
        assertTrue(h.get(3).startsWith("problem  cannot list the daemons"), "a 10 MB line is no list: " + h);
    }
}
