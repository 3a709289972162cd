package dev.muxbar.agents;

import dev.muxbar.model.Agent;
import java.util.List;

/**
 * Why a row shows what it shows, for {@code muxbar explain} and bug reports: the row, the evidence
 * that set its status (a hook event, a transcript line's kind, a registry field, a screen rule, or a
 * guess from silence), how long ago, whether hooks speak for it, its open tool calls, and its last
 * transitions (oldest first; ages in ms before now).
 */
public record Explanation(Agent row, String evidence, long ageMs, long quietMs, boolean hooked, int openTools,
                          List<Step> transitions) {

    /** One change of status. */
    public record Step(long agoMs, String from, String to, String source, String evidence) {}
}
