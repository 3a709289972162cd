/** The {@code muxbar} command line (picocli): server, status, doctor, order, version. One-shot JVM. */
package dev.muxbar.cli;
