package io.tributary.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelVarDecl;
import dev.cel.common.ast.CelReference;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelOptionalLibrary;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Judges an object with a {@link FluxHealthCheck} as Flux's kustomize-controller does (fluxcd/pkg
 * {@code runtime/cel}, RFC-0009): a {@code status.observedGeneration} that differs from {@code
 * metadata.generation} is in progress before any expression runs; then {@code inProgress}, {@code
 * failed} and {@code current} are tried in that order and the first that is true decides; none true
 * is in progress. The object's top-level fields are the expressions' variables, so one the object
 * lacks (a status not written yet) is an evaluation error, which Flux reports as an unknown status
 * and keeps waiting on. Flux only parses the expressions; CEL for Java evaluates checked ones, so
 * here the five top-level fields of a Kubernetes object are declared, untyped.
 */
final class FluxStatusEvaluator {
    /** kstatus statuses as Flux's health check sees them. */
    enum Status {
        CURRENT,
        FAILED,
        IN_PROGRESS,
        UNKNOWN
    }

    /** The status, and for {@link Status#UNKNOWN} the evaluation error. */
    record Result(Status status, String error) {
        static Result of(Status status) {
            return new Result(status, "");
        }
    }

    private static final List<String> TOP_LEVEL_FIELDS =
            List.of("apiVersion", "kind", "metadata", "spec", "status");

    // What Flux's CEL environment offers that these expressions use: the standard macros,
    // optional field selection (`.?field`, `orValue`) and cross-type numeric comparisons.
    private static final Cel CEL =
            CelFactory.standardCelBuilder()
                    .setOptions(
                            CelOptions.current()
                                    .enableHeterogeneousNumericComparisons(true)
                                    .build())
                    .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                    .addCompilerLibraries(CelOptionalLibrary.INSTANCE, CelExtensions.strings())
                    .addRuntimeLibraries(CelOptionalLibrary.INSTANCE, CelExtensions.strings())
                    .addVarDeclarations(
                            TOP_LEVEL_FIELDS.stream()
                                    .map(name -> CelVarDecl.newVarDeclaration(name, SimpleType.DYN))
                                    .toList())
                    .build();

    private static final Map<String, CelAbstractSyntaxTree> COMPILED = new ConcurrentHashMap<>();

    private FluxStatusEvaluator() {}

    static Result evaluate(FluxHealthCheck check, JsonNode object) {
        JsonNode observed = object.path("status").path("observedGeneration");
        JsonNode generation = object.path("metadata").path("generation");
        if (observed.isIntegralNumber()
                && generation.isIntegralNumber()
                && observed.asLong() != generation.asLong()) {
            return Result.of(Status.IN_PROGRESS);
        }
        Map<String, Object> variables = variables(object);
        List<Map.Entry<String, Status>> order =
                List.of(
                        Map.entry(check.inProgress(), Status.IN_PROGRESS),
                        Map.entry(check.failed(), Status.FAILED),
                        Map.entry(check.current(), Status.CURRENT));
        for (Map.Entry<String, Status> step : order) {
            if (step.getKey().isBlank()) {
                continue;
            }
            CelAbstractSyntaxTree ast = compiled(step.getKey());
            Object value;
            try {
                value = CEL.createProgram(ast).eval(variables);
            } catch (CelEvaluationException e) {
                return unknown(ast, variables, e.getMessage());
            }
            if (!(value instanceof Boolean)) {
                return unknown(
                        ast, variables, "failed to evaluate CEL expression as boolean: " + value);
            }
            if ((Boolean) value) {
                return Result.of(step.getValue());
            }
        }
        return Result.of(Status.IN_PROGRESS);
    }

    /** Compiles an expression; throws with the compiler's message when it does not compile. */
    static CelAbstractSyntaxTree compile(String expression) throws CelValidationException {
        return CEL.compile(expression).getAst();
    }

    private static CelAbstractSyntaxTree compiled(String expression) {
        return COMPILED.computeIfAbsent(
                expression,
                e -> {
                    try {
                        return compile(e);
                    } catch (CelValidationException ex) {
                        throw new IllegalArgumentException("does not compile: " + e, ex);
                    }
                });
    }

    /**
     * An expression that could not be decided. cel-go, Flux's CEL, says {@code no such
     * attribute(s)} for a variable the object lacks; CEL for Java leaves it unknown, so name it
     * here the same way.
     */
    private static Result unknown(
            CelAbstractSyntaxTree ast, Map<String, Object> variables, String error) {
        Set<String> missing =
                ast.getReferenceMap().values().stream()
                        .map(CelReference::name)
                        .filter(TOP_LEVEL_FIELDS::contains)
                        .filter(name -> !variables.containsKey(name))
                        .collect(Collectors.toCollection(TreeSet::new));
        return new Result(
                Status.UNKNOWN,
                missing.isEmpty() ? error : "no such attribute(s): " + String.join(", ", missing));
    }

    private static Map<String, Object> variables(JsonNode object) {
        Map<String, Object> variables = new LinkedHashMap<>();
        object.properties().forEach(e -> variables.put(e.getKey(), toCel(e.getValue())));
        return variables;
    }

    /** A JSON value as CEL sees it: Long, Double, String, Boolean, List, Map or null. */
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
        return NullValue.NULL_VALUE;
    }
}
