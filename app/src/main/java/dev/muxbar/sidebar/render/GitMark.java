package dev.muxbar.sidebar.render;

/** A session's git branch and whether its work tree has changes, as a session row shows them. */
public record GitMark(String branch, boolean dirty) {}
