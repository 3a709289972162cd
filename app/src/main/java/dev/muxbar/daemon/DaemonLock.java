package dev.muxbar.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code daemon.lock}: one daemon per tmux server. The holder has an fcntl lock on it and writes
 * {@code <pid> <start>} into it for the shell scripts, which cannot see fcntl locks.
 */
final class DaemonLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DaemonLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when another process holds it (opened without following a symlink). */
    static java.util.Optional<DaemonLock> acquire(Path file) throws IOException {
        FileChannel channel = FileChannel.open(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            return java.util.Optional.empty();
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(
                line(ProcessHandle.current().pid(), Path.of("/proc/self/stat")).getBytes(StandardCharsets.UTF_8)));
        return java.util.Optional.of(new DaemonLock(channel, lock));
    }

    /**
     * What the lock file says about its holder: {@code <pid> <start>}, where start is field 22 of
     * {@code /proc/<pid>/stat} (clock ticks since boot), or {@code -} where there is no /proc. Pid and
     * start time together tell whether the holder still runs, where a pid alone may have been reused.
     */
    static String line(long pid, Path stat) {
        String start = "-";
        try {
            String s = Files.readString(stat);
            // "<pid> (<comm>) <state> <ppid> …": comm may hold spaces and ')', so count after the last ')'
            String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split(" ");
            start = f[19];
        } catch (IOException | RuntimeException e) {
            // no /proc (macOS): the scripts ask the socket instead
        }
        return pid + " " + start + "\n";
    }

    /**
     * The holder's pid as the file says. Only for a process that does NOT hold the lock: closing any
     * descriptor of a file drops the fcntl locks a process holds on it.
     */
    static String holder(Path file) {
        try {
            return Files.readString(file).trim().split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // exiting anyway
        }
    }
}
