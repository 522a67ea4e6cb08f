package io.chatda.crawl;

/** A path given to the importer can't be read or isn't a supported kind of file. */
public class ImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
