/**
 * What one sidebar shows and how keys change it, pure: its {@code View} (cursor, filter, mode), the
 * view modes — each one type with its keys, the rows it draws over the list and its footer
 * ({@code Mode}: {@code ListMode}, {@code ConfirmKill}, {@code NamePrompt}, {@code WidthMode},
 * {@code ThemePicker}, {@code HelpMode}, {@code AnswerMode}, {@code ReplyMode}, {@code PeekMode}) —
 * the frame ({@code Renderer}, {@code ListLayout}), keys as data ({@code KeyTable}, {@code LineEdit})
 * and what keys ask for ({@code Command}). Add a view mode here: one file and its name in
 * {@code Mode}'s {@code permits}. May import {@code sidebar.render}, {@code model}, {@code agents},
 * {@code text}, {@code theme} and {@code act} (what a reply may be).
 */
package dev.muxbar.sidebar.view;
