package dev.muxbar.sidebar;

import dev.muxbar.sidebar.render.GitMark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Git branch and dirty mark of directories, computed on its own thread and cached.
 *
 * <p>The branch comes from reading {@code .git/HEAD} (no process). The dirty mark needs
 * {@code git status --porcelain -uno} (hardened: see {@link #dirty}), which runs only when the repository's HEAD or index changed
 * since the last check, so an idle daemon starts no process. At most {@link #MAX_REPOS} repositories
 * are remembered.
 */
final class GitInfo implements AutoCloseable {

    /** What a row shows: the branch (or a short commit when detached) and whether the tree is dirty. */
    static final int MAX_REPOS = 128;
    /**
     * Editing a tracked file changes neither HEAD nor the index, so the dirty mark is also re-checked
     * when it is this old, at most that often per repository, and only while models arrive (activity).
     */
    static final long RECHECK_MS = 10_000;

    private record Seen(FileTime head, FileTime index, long checkedAt, GitMark git) {}

    private final ExecutorService worker = dev.muxbar.state.Threads.lazy("muxbar-git", 1);
    private final dev.muxbar.state.ConflatingSlot<Map<String, String>> requests =
            new dev.muxbar.state.ConflatingSlot<>(worker, this::check);
    private final Map<Path, Seen> repos = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Seen> eldest) {
            return size() > MAX_REPOS;
        }
    };
    /**
     * cwd → its .git dir, so the tree is walked once per cwd, not on every model. Only found
     * repositories are remembered: a later {@code git init} must still be noticed.
     */
    private final Map<String, Path> gitDirs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Path> eldest) {
            return size() > 4 * MAX_REPOS;
        }
    };

    private final Consumer<Map<String, GitMark>> onChange;
    private final long recheckMillis;
    private Map<String, GitMark> last = Map.of();

    /** @param onChange session id → git info, called on the git thread when anything changed */
    GitInfo(Consumer<Map<String, GitMark>> onChange) {
        this(onChange, RECHECK_MS);
    }

    GitInfo(Consumer<Map<String, GitMark>> onChange, long recheckMillis) {
        this.onChange = onChange;
        this.recheckMillis = recheckMillis;
    }

    /** The sessions' working directories (session id → cwd); never blocks. */
    void update(Map<String, String> cwdBySession) {
        requests.offer(Map.copyOf(cwdBySession));
    }

    private void check(Map<String, String> cwdBySession) {
        Map<String, GitMark> out = new HashMap<>();
        for (Map.Entry<String, String> e : cwdBySession.entrySet()) {
            Path gitDir = gitDirs.computeIfAbsent(e.getValue(), GitInfo::findGitDir); // null is not stored
            if (gitDir != null) {
                GitMark g = git(gitDir);
                if (g != null) {
                    out.put(e.getKey(), g);
                }
            }
        }
        if (!out.equals(last)) {
            last = Map.copyOf(out);
            onChange.accept(last);
        }
    }

    /** The .git directory for a working directory: walks up; a {@code .git} file points elsewhere (worktrees). */
    static Path findGitDir(String cwd) {
        if (cwd == null || cwd.isEmpty() || !cwd.startsWith("/")) {
            return null;
        }
        for (Path p = Path.of(cwd); p != null; p = p.getParent()) {
            Path dotGit = p.resolve(".git");
            if (Files.isDirectory(dotGit)) {
                return dotGit;
            }
            if (Files.isRegularFile(dotGit)) {
                try {
                    String s = Files.readString(dotGit).trim(); // "gitdir: /path/to/repo/.git/worktrees/x"
                    return s.startsWith("gitdir: ") ? p.resolve(s.substring(8)).normalize() : null;
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private GitMark git(Path gitDir) {
        FileTime head = mtime(gitDir.resolve("HEAD"));
        FileTime index = mtime(gitDir.resolve("index"));
        Seen seen = repos.get(gitDir);
        long now = System.nanoTime() / 1_000_000;
        if (seen != null
                && java.util.Objects.equals(seen.head(), head)
                && java.util.Objects.equals(seen.index(), index)
                && now - seen.checkedAt() < recheckMillis) {
            return seen.git();
        }
        String branch = branch(gitDir);
        if (branch == null) {
            return null;
        }
        GitMark g = new GitMark(branch, dirty(gitDir));
        repos.put(gitDir, new Seen(head, index, now, g));
        return g;
    }

    /** "ref: refs/heads/main" → main; a detached HEAD → its first 7 hex digits. */
    static String branch(Path gitDir) {
        try {
            String head = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8)
                    .trim();
            if (head.startsWith("ref: ")) {
                String ref = head.substring(5);
                return ref.startsWith("refs/heads/") ? ref.substring(11) : ref;
            }
            return head.length() >= 7 ? head.substring(0, 7) : head;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Whether tracked files differ from HEAD. A repository's own config can make git run programs:
     * {@code core.fsmonitor} during {@code git status}, filter drivers ({@code filter.*.clean}) on
     * files whose stat data changed, and includes can pull in either. A directory the user only
     * {@code cd}-ed into (an unpacked archive, someone else's checkout) must not run code through
     * muxbar: fsmonitor is switched off on the command line, and a repository whose config has
     * filters or includes gets no dirty mark at all (git is not run there).
     */
    static boolean dirty(Path gitDir) {
        Path work = gitDir.getFileName().toString().equals(".git") ? gitDir.getParent() : null;
        if (work == null || !safeToRunGit(gitDir)) {
            return false; // a worktree's gitdir: the work tree is not derivable cheaply; no mark
        }
        try {
            Process p = new ProcessBuilder(statusCommand(work))
                    .redirectErrorStream(true)
                    .start();
            p.getOutputStream().close();
            long bytes = p.getInputStream()
                    .transferTo(java.io.OutputStream.nullOutputStream()); // drain: a full pipe would stall git
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0 && bytes > 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code git status} that neither runs fsmonitor hooks nor writes the index (no lock taken). */
    static List<String> statusCommand(Path work) {
        return List.of(
                "git",
                "--no-optional-locks",
                "-c",
                "core.fsmonitor=false",
                "-c",
                "core.untrackedCache=false",
                "-C",
                work.toString(),
                "status",
                "--porcelain",
                "-uno",
                "--ignore-submodules");
    }

    /** False when the repository's config (or its worktree config) defines filters or includes. */
    static boolean safeToRunGit(Path gitDir) {
        for (String name : List.of("config", "config.worktree")) {
            Path f = gitDir.resolve(name);
            if (!Files.exists(f)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String l = line.strip().toLowerCase(java.util.Locale.ROOT);
                    if (l.startsWith("[filter") || l.startsWith("[include")) {
                        return false;
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                return false; // unreadable (or not text): do not guess
            }
        }
        return true;
    }

    private static FileTime mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
