package dev.muxbar.state;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Worker threads that exist only while there is work: an idle daemon keeps no thread for the
 * order file, git marks or painting (each comes back with the next task, in FIFO order).
 */
public final class Threads {
    private Threads() {}

    /** How long an idle worker waits for the next task before its thread ends. */
    public static final long IDLE_SECONDS = 20;

    /**
     * At most {@code threads} daemon threads named {@code name} (numbered when more than one), tasks
     * run in submission order (one thread: one after another).
     */
    public static ThreadPoolExecutor lazy(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                threads, threads, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, threads == 1 ? name : name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
