package dev.muxbar.agents;

import dev.muxbar.json.Node;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What the API may ask of the usage book's owner: take an agent's own report, read the days kept. */
public interface UsageDesk {

    /** Claude's statusLine JSON (muxbar's tee forwards it); applied later, on the owner's thread. */
    void statusLine(Node json);

    /** A statusLine body that was refused (not a JSON object, too large): logged, at most once a minute. */
    void statusLineRefused(String why);

    /** The days' rows from {@code from} on. */
    CompletableFuture<List<UsageLedger.Row>> usageSince(LocalDate from);
}
