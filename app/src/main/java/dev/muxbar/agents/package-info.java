/**
 * Coding agents in panes, as pure logic: rules per agent, hook payload mapping, transcript
 * parsing, identity and places, and the one tracker that ranks and collapses signals into the
 * statuses the sidebar shows. May import {@code model} only (and {@code config} for files).
 */
package dev.muxbar.agents;
