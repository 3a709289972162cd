package dev.muxbar.hooks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/muxbar-statusline} as Claude Code runs it ({@code /bin/sh -c COMMAND}, the JSON on
 * stdin): the user's command gets stdin whole, byte for byte (also 3 MB, more than a pipe holds), its
 * output and exit status come back unchanged, stderr too; without one it prints nothing. No muxbar
 * daemon is found here (private runtime dirs): the copy to muxbar is never waited for.
 */
class StatusLineScriptIT {

    @TempDir
    Path tmp;

    private record Run(int exit, byte[] out, byte[] err) {}

    private Run run(byte[] stdin, String... args) throws Exception {
        Path script = Path.of(System.getProperty("muxbar.root"), "scripts", "muxbar-statusline");
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(script.toString()));
        cmd.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("TMUX");
        pb.environment()
                .put(
                        "MUXBAR_RUNTIME_DIR",
                        Files.createDirectories(tmp.resolve("run")).toString());
        pb.environment()
                .put(
                        "XDG_RUNTIME_DIR",
                        Files.createDirectories(tmp.resolve("xdg")).toString());
        pb.environment().put("OUT", tmp.resolve("got").toString());
        Process p = pb.start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (java.io.IOException e) {
                return e.toString().getBytes(StandardCharsets.UTF_8);
            }
        });
        CompletableFuture<Void> feed = CompletableFuture.runAsync(() -> {
            try (var in = p.getOutputStream()) {
                in.write(stdin);
            } catch (java.io.IOException e) {
                // the command did not read it all: its business, as with Claude
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        feed.join();
        return new Run(p.waitFor(), out.toByteArray(), err.join());
    }

    @Test
    void theUsersCommandGetsStdinWholeAndItsOutputAndExitStatusPassThrough() throws Exception {
        String user = "printf 'line one\\n\\033[31mred\\033[0m ü\\n\\n'; cat > \"$OUT\"; printf 'oops' >&2; exit 3";
        byte[] json = ("{\"session_id\":\"s\",\"note\":\"it's $(touch PWNED) #{pane_id} ü\"}\n\n")
                .getBytes(StandardCharsets.UTF_8);
        Run r = run(json, user);
        assertEquals(3, r.exit());
        assertEquals("line one\n\033[31mred\033[0m ü\n\n", new String(r.out(), StandardCharsets.UTF_8));
        assertEquals("oops", new String(r.err(), StandardCharsets.UTF_8));
        assertArrayEquals(json, Files.readAllBytes(tmp.resolve("got")), "stdin byte for byte, trailing newlines too");
        assertEquals(false, Files.exists(Path.of("PWNED")), "the JSON's text never reaches a shell");

        byte[] big = new byte[3 << 20];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i % 251);
        }
        Run large = run(big, "cat > \"$OUT\"; printf done");
        assertEquals(0, large.exit());
        assertEquals("done", new String(large.out(), StandardCharsets.UTF_8));
        assertArrayEquals(big, Files.readAllBytes(tmp.resolve("got")));
    }

    @Test
    void withoutACommandItPrintsNothing() throws Exception {
        Run r = run("{\"session_id\":\"s\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(0, r.exit());
        assertEquals("", new String(r.out(), StandardCharsets.UTF_8));
        Run notJson = run("not json at all".getBytes(StandardCharsets.UTF_8), "printf kept");
        assertEquals("kept", new String(notJson.out(), StandardCharsets.UTF_8), "not JSON: the user's line still runs");
    }
}
