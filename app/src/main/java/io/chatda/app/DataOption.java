package io.chatda.app;

import io.chatda.suggest.QueryPolicy;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --data DIR} option shared by every command that touches stored data, and the rules by which the
 * data's query log feeds suggestions (every command that rebuilds the dictionary applies them).
 */
final class DataOption {

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "chatda-data",
            description = "data directory (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(
            names = "--suggest-min-clients",
            paramLabel = "N",
            defaultValue = "${env:CHATDA_SUGGEST_MIN_CLIENTS:-3}",
            description = "distinct clients a searched query needs before it is suggested to everyone; 1 for a "
                    + "single-user instance (default: ${DEFAULT-VALUE})")
    int suggestMinClients;

    @Option(
            names = "--suggest-max-per-client",
            paramLabel = "N",
            defaultValue = "3",
            description = "searches of one query by one client counted per day (default: ${DEFAULT-VALUE})")
    int suggestMaxPerClient;

    DataDirectory directory() {
        return new DataDirectory(data);
    }

    /**
     * The query log's suggestion rules, with the data directory's blocklist file.
     *
     * @throws UsageException for a count out of range
     */
    QueryPolicy queryPolicy() {
        try {
            return new QueryPolicy(
                    suggestMinClients, suggestMaxPerClient, directory().suggestBlocklist());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
