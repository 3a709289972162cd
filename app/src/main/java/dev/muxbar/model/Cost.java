package dev.muxbar.model;

/**
 * What an agent's process tree costs the machine: its memory ({@code memKb}, proportional set size —
 * shared pages split among the processes sharing them — or resident size where that is not known) and
 * its CPU use over the last sample ({@code cpuPct}, 100 = one core). Rounded: a change within the
 * rounding is no change.
 */
public record Cost(long memKb, int cpuPct) {

    /** Memory as people read it: "812 MB", "1.2 GB". */
    public String memory() {
        return memKb >= 1024 * 1024
                ? String.format(java.util.Locale.ROOT, "%.1f GB", memKb / (1024.0 * 1024))
                : memKb / 1024 + " MB";
    }
}
