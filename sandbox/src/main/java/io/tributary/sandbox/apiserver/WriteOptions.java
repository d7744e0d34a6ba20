package io.tributary.sandbox.apiserver;

import io.tributary.sandbox.admission.FieldValidation;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of one write request and what it collects on the way: the {@code fieldValidation} and
 * {@code dryRun} parameters, and the warnings for the response's {@code Warning} headers.
 */
record WriteOptions(FieldValidation fieldValidation, boolean dryRun, List<String> warnings) {

    static WriteOptions of(FieldValidation fieldValidation, boolean dryRun) {
        return new WriteOptions(fieldValidation, dryRun, new ArrayList<>());
    }

    /** Writes the API server makes itself (garbage collection, namespace cleanup...). */
    static WriteOptions internal() {
        return of(FieldValidation.IGNORE, false);
    }
}
