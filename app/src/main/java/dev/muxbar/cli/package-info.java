/**
 * The {@code muxbar} command line (picocli): server, status, doctor, order, themes, hooks,
 * uninstall, resurrect, version, and the benchmark harnesses. One-shot JVM. May import anything
 * but must not be imported.
 */
package dev.muxbar.cli;
