/**
 * Living with tmux-resurrect: its save file rewritten so that muxbar's sidebars are not saved as
 * the user's panes (pure text in, text out). May import {@code dev.muxbar.tmux} (layouts, pane
 * places) and {@code dev.muxbar.config}; nothing else of muxbar.
 */
package dev.muxbar.resurrect;
