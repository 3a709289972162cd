package dev.muxbar.sidebar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.muxbar.sidebar.render.GitMark;
import dev.muxbar.testing.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitInfoTest {

    @TempDir
    Path tmp;

    private void git(String... args) throws Exception {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = tmp.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }

    @Test
    void branchDirtyAndDetachedFromARealRepository() throws Exception {
        git("init", "-q", "-b", "feature/x");
        git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "--allow-empty", "-m", "one");
        Files.writeString(tmp.resolve("f.txt"), "a");
        git("add", "f.txt");
        git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "-m", "two");
        Path sub = Files.createDirectories(tmp.resolve("deep/er"));

        AtomicReference<Map<String, GitMark>> seen = new AtomicReference<>(Map.of());
        try (GitInfo info = new GitInfo(seen::set)) {
            info.update(Map.of("$0", sub.toString(), "$1", "/"));
            Poll.until(
                    5_000,
                    () -> seen.get().containsKey("$0"),
                    "clean branch",
                    () -> seen.get().toString());
            assertEquals(new GitMark("feature/x", false), seen.get().get("$0"));
            assertNull(seen.get().get("$1"), "not a repository");

            Files.writeString(tmp.resolve("f.txt"), "changed");
            git("add", "f.txt"); // touches the index: the dirty check runs again
            info.update(Map.of("$0", sub.toString()));
            Poll.until(
                    5_000,
                    () -> new GitMark("feature/x", true).equals(seen.get().get("$0")),
                    "dirty",
                    () -> seen.get().toString());

            git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "-m", "three");
            git("checkout", "-q", "--detach", "HEAD~1");
            info.update(Map.of("$0", sub.toString()));
            Poll.until(
                    5_000,
                    () -> seen.get().get("$0") != null
                            && seen.get().get("$0").branch().length() == 7
                            && !seen.get().get("$0").dirty(),
                    "detached",
                    () -> seen.get().toString());
        }
    }

    /** A repository on branch main with f.txt committed. */
    private void repoWithOneCommit() throws Exception {
        git("init", "-q", "-b", "main");
        Files.writeString(tmp.resolve("f.txt"), "a");
        git("add", "f.txt");
        git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "-m", "one");
    }

    /** A repository whose own config would run programs (as an unpacked archive's can): nothing runs. */
    @Test
    void anUntrustedRepositorysConfigRunsNothing() throws Exception {
        repoWithOneCommit();
        Path marker = tmp.resolve("ran");
        Path hook = tmp.resolve("hook.sh");
        Files.writeString(hook, "#!/bin/sh\necho \"$0 $*\" >> '" + marker + "'\nexit 0\n");
        Files.setPosixFilePermissions(hook, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        git("config", "core.fsmonitor", hook.toString());
        Files.writeString(tmp.resolve("f.txt"), "changed");
        Path gitDir = tmp.resolve(".git");
        // Make sure the fixture is real: plain git status does run the fsmonitor program.
        git("status", "--porcelain");
        assertEquals(true, Files.exists(marker), "plain git runs core.fsmonitor");
        Files.delete(marker);

        assertEquals(true, GitInfo.dirty(gitDir), "still tells a changed tree");
        assertEquals(false, Files.exists(marker), "core.fsmonitor did not run");

        Files.writeString(tmp.resolve(".gitattributes"), "* filter=evil\n");
        git("config", "filter.evil.clean", hook + " clean");
        assertEquals(false, GitInfo.safeToRunGit(gitDir));
        assertEquals(false, GitInfo.dirty(gitDir), "no mark where git would run a filter");
        assertEquals(false, Files.exists(marker), "the filter did not run");
    }

    @Test
    void editingATrackedFileShowsDirtyOnceTheRecheckIsDue() throws Exception {
        repoWithOneCommit();
        AtomicReference<Map<String, GitMark>> seen = new AtomicReference<>(Map.of());
        try (GitInfo info = new GitInfo(seen::set, 0)) { // every model re-checks
            info.update(Map.of("$0", tmp.toString()));
            Poll.until(
                    5_000,
                    () -> new GitMark("main", false).equals(seen.get().get("$0")),
                    "clean",
                    () -> seen.get().toString());
            Files.writeString(tmp.resolve("f.txt"), "edited, not added: HEAD and index unchanged");
            info.update(Map.of("$0", tmp.toString()));
            Poll.until(
                    5_000,
                    () -> new GitMark("main", true).equals(seen.get().get("$0")),
                    "dirty",
                    () -> seen.get().toString());
        }
    }

    @Test
    void aGitFileOfAWorktreeIsFollowed() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("repo/.git/worktrees/w"));
        Files.writeString(real.resolve("HEAD"), "ref: refs/heads/wt-branch\n");
        Path wt = Files.createDirectories(tmp.resolve("wt"));
        Files.writeString(wt.resolve(".git"), "gitdir: " + real + "\n");
        assertEquals(real, GitInfo.findGitDir(wt.toString()));
        assertEquals("wt-branch", GitInfo.branch(real));
        assertNull(GitInfo.findGitDir("relative/path"));
    }
}
