package dev.muxbar.resume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worktree goes with its session only when nothing would be lost: clean, and its branch merged or
 * pushed; otherwise it stays and the answer says why. Against a real git repository.
 */
class WorktreeRemovalTest {

    @TempDir
    Path tmp;

    private final Starter starter = new Starter(null, null, Runnable::run, Runnable::run, null, "", null, m -> {});

    private static void git(Path in, String... args) throws Exception {
        List<String> cmd =
                new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", in.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    private static String why(Throwable e) {
        return e instanceof ExecutionException && e.getCause() != null
                ? e.getCause().getMessage()
                : e.getMessage();
    }

    @Test
    void onlyACleanMergedOrPushedWorktreeGoes() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("app"));
        git(repo, "init", "-q", "-b", "main");
        Files.writeString(repo.resolve("a"), "1\n");
        git(repo, "add", "a");
        git(repo, "commit", "-q", "-m", "one");
        Path tree = tmp.resolve("app-fix");
        git(repo, "worktree", "add", "-q", "-b", "fix", tree.toString());

        Files.writeString(tree.resolve("a"), "2\n");
        Exception dirty = assertThrows(
                Exception.class, () -> starter.removeWorktree(tree.toString()).get());
        assertTrue(why(dirty).contains("uncommitted changes"), why(dirty));
        git(tree, "commit", "-q", "-am", "two");
        Exception unmerged = assertThrows(
                Exception.class, () -> starter.removeWorktree(tree.toString()).get());
        assertTrue(why(unmerged).contains("neither merged nor pushed"), why(unmerged));
        assertTrue(Files.isDirectory(tree), "kept");

        git(repo, "merge", "-q", "--ff-only", "fix");
        assertEquals(
                "removed the worktree " + tree + " (its branch stays)",
                starter.removeWorktree(tree.toString()).get());
        assertTrue(!Files.exists(tree));
    }
}
