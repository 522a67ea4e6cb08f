package io.chatda.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code chatda demo}: import the bundled corpus (once per corpus version) and serve it. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Import the bundled sample corpus and serve it on http://localhost:8080.")
final class DemoCommand implements Callable<Integer> {

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
        var out = spec.commandLine().getOut();
        Library library = Library.open(data.directory(), data.queryPolicy());
        try {
            DemoCorpus.bundled()
                    .importInto(
                            library, data.directory(), out, spec.commandLine().getErr());
        } catch (RuntimeException e) {
            library.close();
            throw e;
        }
        Serving.serveUntilStopped(library, data.directory(), listenPort, serving, out);
        return 0;
    }
}
