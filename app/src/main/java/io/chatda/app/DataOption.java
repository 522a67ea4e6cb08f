package io.chatda.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option shared by every command that touches stored data. */
final class DataOption {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "chatda-data",
            description = "data directory (default: ${DEFAULT-VALUE})")
    Path data;

    DataDirectory directory() {
        return new DataDirectory(data);
    }
}
