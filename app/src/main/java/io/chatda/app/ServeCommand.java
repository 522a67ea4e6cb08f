package io.chatda.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code chatda serve}: serve what the data directory holds. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve search, suggestions and the web page over HTTP/1.1 and h2c.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    DataOption data;
    @Mixin
    PortOption port;
    @Mixin
    ServeOptions serving;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int listenPort = port.validated();
        serving.settings(listenPort); // bad options are a usage error before the data is opened
        Serving.serveUntilStopped(Library.open(data.directory(), data.queryPolicy()), data.directory(), listenPort, serving,
                spec.commandLine().getOut());
        return 0;
    }
}
