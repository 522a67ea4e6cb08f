package io.chatda.server.core;

/** The client sent something the API can't accept; answered with 400 and the message as JSON. */
public class BadRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        super(message);
    }
}
