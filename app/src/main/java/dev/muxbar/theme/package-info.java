/**
 * Colour themes as data ({@code themes/*.json}, validated, optional roles filled), the 256-colour
 * fallback, user themes, and which theme is active (picks, tmux options, system appearance).
 */
package dev.muxbar.theme;
