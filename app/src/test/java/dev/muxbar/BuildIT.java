package dev.muxbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./mvnw}: building with only a JDK — a pinned, checksummed Maven, fetched once. */
class BuildIT {

    @TempDir
    Path tmp;

    private final Path root =
            Path.of(System.getProperty("muxbar.root", ".")).toAbsolutePath().normalize();

    private record Run(int exit, String output) {}

    private Run mvnw(Map<String, String> env, String... args) throws Exception {
        List<String> cmd =
                new java.util.ArrayList<>(List.of(root.resolve("mvnw").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "mvnw finished");
        return new Run(p.exitValue(), out);
    }

    @Test
    void aDownloadWithoutThePinnedChecksumInstallsNothing() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "not maven".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Path home = tmp.resolve("m2");
            Run r = mvnw(
                    Map.of(
                            "MAVEN_USER_HOME",
                            home.toString(),
                            "MUXBAR_MAVEN_URL",
                            "http://127.0.0.1:" + server.getAddress().getPort() + "/maven2"),
                    "-v");
            assertEquals(1, r.exit(), r.output());
            assertTrue(r.output().contains("does not have the SHA-512"), r.output());
            assertFalse(Files.exists(home.resolve("wrapper/apache-maven-3.9.16")), "nothing installed");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theRealOneIsFetchedOnceAndRuns() throws Exception {
        Map<String, String> env = Map.of("MAVEN_USER_HOME", tmp.resolve("m2").toString());
        Run first = mvnw(env, "-v");
        assertEquals(0, first.exit(), first.output());
        assertTrue(first.output().contains("Apache Maven 3.9.16"), first.output());
        Run second = mvnw(env, "-v");
        assertFalse(second.output().contains("downloading"), "kept: " + second.output());
    }

    /** Without Java the launcher says what to install on this system, in one line. */
    @Test
    void noJavaGetsTheFixForThisSystem() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : List.of("sh", "sed", "dirname", "tr", "uname", "cat", "find", "head", "readlink")) {
            for (String dir : List.of("/usr/bin", "/bin")) {
                if (Files.isExecutable(Path.of(dir, tool)) && !Files.exists(bin.resolve(tool))) {
                    Files.createSymbolicLink(bin.resolve(tool), Path.of(dir, tool));
                }
            }
        }
        ProcessBuilder pb = new ProcessBuilder(
                        bin.resolve("sh").toString(),
                        root.resolve("scripts/muxbar").toString(),
                        "version")
                .redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(Map.of("HOME", tmp.toString(), "PATH", bin.toString()));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.waitFor(), out);
        assertTrue(
                out.startsWith("muxbar: Java not found: ")
                        && out.contains("install")
                        && out.lines().count() == 1,
                out);
    }
}
