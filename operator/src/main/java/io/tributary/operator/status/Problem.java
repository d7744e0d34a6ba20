package io.tributary.operator.status;

/**
 * Something the operator refuses or warns about: a CamelCase reason a person can act on and a
 * message that names the field.
 */
public record Problem(String reason, String message) {}
