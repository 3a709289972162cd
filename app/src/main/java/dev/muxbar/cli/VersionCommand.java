package dev.muxbar.cli;

import picocli.CommandLine.Command;

@Command(name = "version", mixinStandardHelpOptions = true, description = "Print muxbar's version.")
final class VersionCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("muxbar " + Main.version());
    }
}
