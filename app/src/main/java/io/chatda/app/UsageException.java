package io.chatda.app;

/** The user asked for something that can't be done as given; the CLI prints the message and exits with 2. */
public class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
