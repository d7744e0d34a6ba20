package io.tributary.sandbox.admission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles and evaluates the CEL expressions of {@code x-kubernetes-validations}, with {@code self}
 * and {@code oldSelf} bound as the API server binds them and the standard macros and string
 * extensions ({@code join}, ...) it offers. Compiled programs are cached by expression.
 */
final class CelRules {
    private static final Cel CEL =
            CelFactory.standardCelBuilder()
                    .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                    .addCompilerLibraries(CelExtensions.strings(), CelExtensions.lists())
                    .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.lists())
                    .addVar("self", SimpleType.DYN)
                    .addVar("oldSelf", SimpleType.DYN)
                    .build();

    private static final Map<String, CelRuntime.Program> PROGRAMS = new ConcurrentHashMap<>();

    private CelRules() {}

    /** Compiles an expression; throws with the compiler's message when it does not compile. */
    static CelRuntime.Program compile(String expression) {
        return PROGRAMS.computeIfAbsent(
                expression,
                e -> {
                    try {
                        CelAbstractSyntaxTree ast = CEL.compile(e).getAst();
                        return CEL.createProgram(ast);
                    } catch (CelValidationException | CelEvaluationException ex) {
                        throw new IllegalArgumentException(
                                "CEL expression does not compile: " + e + ": " + ex.getMessage(),
                                ex);
                    }
                });
    }

    /** Whether the expression refers to {@code oldSelf}: a transition rule. */
    static boolean isTransitionRule(String expression) {
        return expression.contains("oldSelf");
    }

    /**
     * Evaluates an expression with {@code self} (and {@code oldSelf} when not null) bound to the
     * JSON values given.
     */
    static Object evaluate(String expression, JsonNode self, JsonNode oldSelf)
            throws CelEvaluationException {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("self", toCel(self));
        if (oldSelf != null) {
            variables.put("oldSelf", toCel(oldSelf));
        }
        return compile(expression).eval(variables);
    }

    /** A JSON value as the Java value CEL expects: Long, Double, String, Boolean, List, Map. */
    static Object toCel(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.asLong();
        } else if (value.isNumber()) {
            return value.asDouble();
        } else if (value.isTextual()) {
            return value.asText();
        } else if (value.isBoolean()) {
            return value.asBoolean();
        } else if (value.isArray()) {
            List<Object> list = new ArrayList<>(value.size());
            value.forEach(item -> list.add(toCel(item)));
            return list;
        } else if (value.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            value.properties().forEach(e -> map.put(e.getKey(), toCel(e.getValue())));
            return map;
        }
        return dev.cel.common.values.NullValue.NULL_VALUE;
    }
}
