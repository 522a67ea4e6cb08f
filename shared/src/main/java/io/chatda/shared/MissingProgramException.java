package io.chatda.shared;

/** A program the cluster needs is not installed; the message names the Debian package that has it. */
public final class MissingProgramException extends RuntimeException {

    public MissingProgramException(String program, String debianPackage) {
        super(program + " is not installed: install it with `sudo apt-get install " + debianPackage + "`");
    }
}
