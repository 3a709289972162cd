package dev.muxbar.state;

import dev.muxbar.state.Snapshot.Session;
import java.util.List;

/**
 * What subscribers receive: the snapshot, the order book, and the sessions in shown order
 * (line N of the ordering file is {@code shown.get(N-1)}).
 */
public record Model(Snapshot snapshot, OrderBook order, List<Session> shown) {
    public Model {
        shown = List.copyOf(shown);
    }

    public static Model of(Snapshot snapshot, OrderBook order) {
        return new Model(snapshot, order, order.ordered(snapshot));
    }
}
