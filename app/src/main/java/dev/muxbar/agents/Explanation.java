package dev.muxbar.agents;

import dev.muxbar.model.Agent;
import java.util.List;

/**
 * Why a row shows what it shows, for {@code muxbar explain} and bug reports: the row, the evidence
 * that set its status (a hook event, a transcript line's kind, a registry field, a screen rule, or a
 * guess from silence), how long ago, whether hooks speak for it, its open tool calls, and its last
 * transitions (oldest first; ages in ms before now).
 */
public record Explanation(
        Agent row, String evidence, long ageMs, long quietMs, boolean hooked, int openTools, List<Step> transitions) {

    /** One change of status. */
    public record Step(long agoMs, String from, String to, String source, String evidence) {}

    /** Of the rows (of one pane, or all when {@code pane} is null), by pane number then agent. */
    static List<Explanation> of(java.util.Collection<Row> rows, String pane, long now) {
        List<Explanation> out = new java.util.ArrayList<>();
        for (Row i : rows) {
            if (pane != null && !pane.equals(i.pane)) {
                continue;
            }
            List<Step> steps = new java.util.ArrayList<>();
            for (Row.Transition t : i.transitions()) {
                steps.add(new Step(
                        now - t.at(),
                        t.from() == null ? null : t.from().label(),
                        t.to().label(),
                        t.source().label(),
                        t.evidence()));
            }
            out.add(new Explanation(
                    i.view(),
                    i.evidence,
                    now - i.since,
                    now - i.heard,
                    i.hooked,
                    i.openTools.size(),
                    List.copyOf(steps)));
        }
        out.sort(java.util.Comparator.comparing(
                        (Explanation x) -> Places.paneNumber(x.row().pane()))
                .thenComparing(x -> x.row().agent()));
        return out;
    }
}
