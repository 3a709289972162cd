/**
 * Coding agents in panes: signals from hooks, transcripts and screen rules, ranked and collapsed by
 * one tracker into the statuses the sidebar shows.
 */
package dev.muxbar.agents;
