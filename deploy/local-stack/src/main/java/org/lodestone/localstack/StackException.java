package org.lodestone.localstack;

/** A failure the user can act on; the message names the component and what to do. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
