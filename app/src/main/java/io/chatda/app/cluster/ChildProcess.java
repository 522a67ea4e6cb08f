package io.chatda.app.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One process of a local cluster, with its command kept so it can be started again after it died, and
 * its output appended to its own log file.
 */
final class ChildProcess {

    private static final long STOP_SECONDS = 15;

    private final String name;
    private final List<String> command;
    private final Path log;
    private final Map<String, String> environment;
    private volatile Process process;

    /** @param environment added to this process's environment (secrets go here, not on the command line) */
    ChildProcess(String name, List<String> command, Map<String, String> environment, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    /** A chatda JVM running {@code Main} with {@code args}, on this JVM's java and class path. */
    static ChildProcess chatda(
            String name, List<String> jvmOptions, List<String> args, Map<String, String> environment, Path log) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.chatda.app.Main");
        command.addAll(args);
        return new ChildProcess(name, command, environment, log);
    }

    ChildProcess start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        process = builder.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return this;
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    boolean alive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    long pid() {
        return process.pid();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** SIGTERM, a graceful stop; SIGKILL if it has not ended within 15 s. */
    void stop() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(STOP_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
