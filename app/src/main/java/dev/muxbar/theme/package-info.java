/** Colour themes as data: semantic roles loaded and validated from {@code themes/*.json}. */
package dev.muxbar.theme;
