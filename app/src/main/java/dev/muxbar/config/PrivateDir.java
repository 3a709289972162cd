package dev.muxbar.config;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A directory only this user can use, made or checked the way tmux treats its own socket dir: it
 * must be a real directory (not a symlink), owned by this uid, with no group or other permissions.
 * Under a shared {@code /tmp} another user can create {@code muxbar-<uid>} first; such a dir is
 * refused, never chmod-ed or used (its owner could read hook payloads sent to a socket in it,
 * replace the order file the switch keys obey, or plant symlinks).
 *
 * <p>The shell scripts apply the same rule with {@code test -O} and {@code test -L}
 * ({@code muxbar_private_dir} in {@code tmux-plugin/lib.sh}).
 */
public final class PrivateDir {
    private PrivateDir() {}

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    /** Why a directory cannot be used; the message names the dir and what to do. */
    public static final class UnsafeException extends IOException {
        private static final long serialVersionUID = 1L;

        public UnsafeException(String message) {
            super(message);
        }
    }

    /**
     * Makes {@code dir} (mode 0700; its parent must exist) or checks the one that is there. A dir of
     * ours with wider permissions is narrowed to 0700; a dir of someone else's, or a symlink, is
     * refused with {@link UnsafeException}.
     */
    public static void ensure(Path dir, long uid) throws IOException {
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            // check what is there below
        }
        String refused = refusal(dir, uid);
        if (refused != null) {
            throw new UnsafeException(refused);
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
        if (!perms.equals(OWNER_ONLY)) {
            try {
                Files.setPosixFilePermissions(dir, OWNER_ONLY); // ours: we may narrow it
            } catch (IOException e) {
                throw new UnsafeException(dir + " has mode " + PosixFilePermissions.toString(perms)
                        + " and cannot be made private (" + e.getMessage() + "): run chmod 700 " + dir);
            }
        }
    }

    /**
     * Why muxbar will not use the existing {@code dir} (a symlink, not a directory, another uid's),
     * or null when it is a directory of {@code uid} (whose mode muxbar may narrow). {@code muxbar
     * doctor} asks the same.
     */
    public static String refusal(Path dir, long uid) throws IOException {
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink() || !a.isDirectory()) {
            return dir + " is " + (a.isSymbolicLink() ? "a symlink" : "not a directory")
                    + "; muxbar will not use it: remove it, or set MUXBAR_RUNTIME_DIR to a directory of yours";
        }
        long owner = ((Number) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
        if (owner != uid) {
            return dir + " belongs to uid " + owner + ", not to you (uid " + uid
                    + "); muxbar will not use it: someone else may have made it to read what you send. "
                    + "Remove it (as its owner or root), or set MUXBAR_RUNTIME_DIR to a directory of yours";
        }
        return null;
    }
}
