package dev.muxbar.real;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code AgentsLab AGENT DIR}: the mock model on a free loopback port, the agent's config in
 * {@code DIR/config} trusting {@code DIR/work}, and the pane environment in {@code DIR/env} (one
 * {@code KEY=VALUE} per line) for {@code scripts/agents-lab}; serves until killed ({@code scripts/agents-lab
 * --stop}, which also ends what the agents leave behind).
 */
public final class AgentsLab {

    private AgentsLab() {}

    public static void main(String[] args) throws Exception {
        String agent = args[0];
        Path dir = Path.of(args[1]);
        Path work = Files.createDirectories(dir.resolve("work"));
        Path config = dir.resolve("config");
        MockModels mock = MockModels.start(Scenario.shipped(), 0, dir.resolve("mock.log"));
        if (agent.equals("codex")) {
            RealClis.codexHome(config, mock.port(), List.of(work));
        } else {
            RealClis.claudeConfig(config, List.of(work));
        }
        StringBuilder env = new StringBuilder();
        for (Map.Entry<String, String> e :
                RealClis.env(agent, config, mock.port(), dir.resolve("run")).entrySet()) {
            if (!e.getKey().equals("MUXBAR_RUNTIME_DIR")) { // the lab's plugin-started daemon finds its own
                env.append(e.getKey()).append('=').append(e.getValue()).append('\n');
            }
        }
        Path tmp = dir.resolve("env.tmp");
        Files.writeString(tmp, env.toString());
        Files.move(tmp, dir.resolve("env"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.println("mock models on 127.0.0.1:" + mock.port() + "; scenarios: "
                + String.join(" | ", Scenario.shipped().turns().keySet()));
        Thread.currentThread().join();
    }
}
