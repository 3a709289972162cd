package dev.muxbar.testing;

import dev.muxbar.model.OrderBook;
import dev.muxbar.model.Scheduler;
import dev.muxbar.state.Core;
import dev.muxbar.state.CoreParts;
import dev.muxbar.state.CoreTiming;
import dev.muxbar.tmux.FakeTmux;
import java.util.concurrent.Executor;

/** A {@link Core} that reads a {@link FakeTmux}, with the default timing and no parts: what most tests need. */
public final class Cores {
    private Cores() {}

    public static Core over(FakeTmux tmux, Scheduler scheduler, Executor loop) {
        return new Core(
                scheduler,
                loop,
                tmux::refresh,
                tmux::paneProcesses,
                OrderBook.EMPTY,
                CoreTiming.DEFAULT,
                m -> {},
                CoreParts.NONE);
    }
}
