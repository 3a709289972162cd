package dev.muxbar.model;

import java.util.Locale;

/**
 * What a waiting agent waits for: a permission to run a tool, an answer to its question
 * (Claude's AskUserQuestion, an MCP elicitation), or the approval of a plan (ExitPlanMode). Each has
 * its own badge and words, because each asks something different of the user.
 */
public enum Wait {
    PERMISSION,
    QUESTION,
    PLAN;

    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The wait a tool call means when it waits: AskUserQuestion asks, ExitPlanMode shows a plan, others ask leave. */
    public static Wait ofTool(String tool) {
        if (tool == null) {
            return PERMISSION;
        }
        return switch (tool) {
            case "AskUserQuestion" -> QUESTION;
            case "ExitPlanMode" -> PLAN;
            default -> PERMISSION;
        };
    }
}
