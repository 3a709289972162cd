package dev.muxbar.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteTest {

    private static String dest(String... argv) {
        Remote r = Remote.of(List.of(argv));
        return r == null ? null : r.destination();
    }

    @Test
    void sshNamesItsDestinationAfterItsOptions() {
        assertEquals("devbox", dest("ssh", "devbox"));
        assertEquals("devbox", dest("/usr/bin/ssh", "-t", "me@devbox", "tmux", "attach"));
        assertEquals("10.1.2.3", dest("ssh", "-p", "2222", "-i", "/k/id", "-o", "BatchMode=yes", "me@10.1.2.3"));
        assertEquals("gpu-1", dest("ssh", "-p2222", "-4v", "-J", "bastion", "gpu-1"));
        assertEquals("gpu-1", dest("ssh", "-tt", "-l", "me", "gpu-1"));
        assertEquals("host", dest("ssh", "ssh://me@host:2200"));
        assertEquals("::1", dest("ssh", "me@[::1]:22"));
        assertEquals("fe80::1", dest("ssh", "fe80::1"));
        assertEquals("box", dest("ssh", "-F", "/tmp/cfg", "--", "box", "ls"));
        assertEquals("devbox", dest("autossh", "-M", "0", "-p", "22", "devbox"));
        assertNull(dest("ssh", "-V"));
        assertNull(dest("ssh"));
    }

    @Test
    void moshEtContainersAndPods() {
        assertEquals("devbox", dest("mosh-client", "-#", "devbox | 192.0.2.7 60001", "192.0.2.7", "60001"));
        assertEquals("devbox", dest("mosh-client", "-#", "--ssh=ssh -p 22 me@devbox | x", "192.0.2.7", "60001"));
        assertEquals("192.0.2.7", dest("mosh-client", "192.0.2.7", "60001"));
        assertEquals("devbox", dest("et", "me@devbox:8080"));
        assertEquals("web", dest("docker", "exec", "-it", "-u", "root", "-w", "/src", "web", "bash"));
        assertEquals("web", dest("docker", "exec", "--env=A=1", "-it", "web", "claude"));
        assertEquals("dev", dest("podman", "run", "-it", "--rm", "-v", "a:b", "--name", "dev", "ubuntu", "bash"));
        assertEquals("ubuntu", dest("docker", "run", "-it", "--rm", "-v", "a:b", "ubuntu", "bash"));
        assertNull(dest("docker", "ps"), "not a way into a container");
        assertEquals("api-7f9", dest("kubectl", "exec", "-n", "prod", "-it", "pod/api-7f9", "-c", "app", "--", "sh"));
        assertNull(dest("kubectl", "logs", "api"));
        assertNull(dest("vim", "devbox"));
    }

    @Test
    void aDestinationIsPrintableAndShort() {
        assertEquals("evil$(rm-rf)", dest("ssh", "evil$(rm -rf)"), "kept as text, spaces dropped");
        assertEquals("ab", dest("ssh", "a\u001b\nb"));
        assertEquals(Remote.MAX, dest("ssh", "x".repeat(10_000)).length());
        assertNull(dest("ssh", "me@"));
    }
}
