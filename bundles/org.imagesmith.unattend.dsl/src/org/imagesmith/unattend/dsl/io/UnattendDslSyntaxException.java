package org.imagesmith.unattend.dsl.io;

import java.io.IOException;
import java.util.List;

/** Answer-file language text that does not parse; the message names the file and the first error's position. */
public class UnattendDslSyntaxException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient List<SyntaxError> errors;

    /** An exception for the errors (at least one) of the text called name. */
    public UnattendDslSyntaxException(String name, List<SyntaxError> errors) {
        super(name + ":" + errors.get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more syntax errors)" : ""));
        this.errors = List.copyOf(errors);
    }

    /** All syntax errors, in text order. */
    public List<SyntaxError> errors() {
        return errors;
    }
}
