package io.chatda.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code chatda version}. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the version of chatda and of Java.")
final class VersionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().printf("chatda %s (Java %s)%n", Main.version(), Runtime.version());
        return 0;
    }
}
