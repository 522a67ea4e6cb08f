package io.chatda.app;

import io.chatda.crawl.ImportException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code chatda} command line. Exit codes: 0 ok, 1 failure, 2 bad usage; errors are one line,
 * never a stack trace (set CHATDA_DEBUG=1 to see one).
 */
@Command(
        name = "chatda",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Self-hosted search with instant Korean and English suggestions.")
public final class Main implements Runnable {

    static final int USAGE = 2;
    static final int FAILURE = 1;
    /** The subcommands, in the order help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(
            DemoCommand.class,
            ServeCommand.class,
            IndexerCommand.class,
            ClusterCommand.class,
            ImportCommand.class,
            CrawlCommand.class,
            SearchCommand.class,
            SuggestCommand.class,
            StatusCommand.class,
            AnalyzeCommand.class,
            VersionCommand.class,
            CommandLine.HelpCommand.class);
    /** Set before anything touches the common pool, which reads it once. */
    private static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";
    /** Read once, when the JDK's HTTP/1.1 client first keeps a connection alive. */
    private static final String KEPT_ALIVE_PER_HOST = "http.maxConnections";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    public static void main(String[] args) {
        // With fewer than two common-pool threads (one or two cores), every async stage of a CompletableFuture
        // without an executor, such as the JDK HTTP client's, starts a new thread: a crawl of 700 pages made
        // dozens, about 0.4 s of system time (docs/performance.md).
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null
                && Runtime.getRuntime().availableProcessors() <= 2) {
            System.setProperty(COMMON_POOL_PARALLELISM, "2");
        }
        // the crawler's http fetches keep at most this many connections per host alive (the JDK's default, 5,
        // closes the rest after each request when a crawl without politeness runs more workers on one host)
        if (System.getProperty(KEPT_ALIVE_PER_HOST) == null) {
            System.setProperty(KEPT_ALIVE_PER_HOST, String.valueOf(CrawlCommand.MAX_CONCURRENCY));
        }
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the CLI with the given streams and returns the exit code (tests call this). */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        // picocli builds a command's model from its annotations when it is added, a few tens of milliseconds
        // each: a named command needs only its own (help, or no or an unknown command, gets them all)
        String first = args.length > 0 ? args[0] : "";
        List<Class<?>> needed = COMMANDS.stream()
                .filter(c -> !first.equals("help")
                        && c.getAnnotation(Command.class).name().equals(first))
                .toList();
        for (Class<?> command : needed.isEmpty() ? COMMANDS : needed) {
            cli.addSubcommand(command);
        }
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            String command = e.getCommandLine().getCommandSpec().qualifiedName();
            e.getCommandLine().getErr().printf("%s: %s (see '%s --help')%n", command, e.getMessage(), command);
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (System.getenv("CHATDA_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            String command = commandLine.getCommandSpec().qualifiedName();
            commandLine.getErr().printf("%s: %s%n", command, oneLine(e));
            return e instanceof UsageException || e instanceof ImportException ? USAGE : FAILURE;
        });
        return cli.execute(args);
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return message.lines().findFirst().orElse(message);
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    /** Supplies {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"chatda " + version() + " (Java " + Runtime.version() + ")"};
        }
    }
}
