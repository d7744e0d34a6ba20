package io.tributary.sandbox.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every CEL rule in the generated CRDs would be accepted by a real API server: it compiles, its
 * reason is one the API server allows, and its fieldPath names a field of the schema.
 */
class CrdRulesTest {
    private static final Set<String> ALLOWED_REASONS =
            Set.of(
                    "FieldValueInvalid",
                    "FieldValueForbidden",
                    "FieldValueRequired",
                    "FieldValueDuplicate");

    /** A rule with the schema node it sits on and that node's path. */
    record Rule(String kind, String path, JsonNode rule, JsonNode schema) {
        @Override
        public String toString() {
            return kind + " " + path + ": " + rule.path("rule").asText();
        }
    }

    static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        for (Map.Entry<String, JsonNode> crd : RepositoryFiles.crdsByKind().entrySet()) {
            for (JsonNode version : crd.getValue().path("spec").path("versions")) {
                collect(crd.getKey(), version.path("schema").path("openAPIV3Schema"), "", rules);
            }
        }
        return rules;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void compilesWithAnAllowedReasonAndAnExistingFieldPath(Rule rule) {
        assertThatCode(() -> CelRules.compile(rule.rule().path("rule").asText()))
                .doesNotThrowAnyException();
        if (rule.rule().has("messageExpression")) {
            assertThatCode(() -> CelRules.compile(rule.rule().path("messageExpression").asText()))
                    .doesNotThrowAnyException();
        }
        if (rule.rule().has("reason")) {
            assertThat(ALLOWED_REASONS).contains(rule.rule().path("reason").asText());
        }
        if (rule.rule().has("fieldPath")) {
            JsonNode target = rule.schema();
            for (String part : rule.rule().path("fieldPath").asText().substring(1).split("\\.")) {
                target = target.path("properties").path(part);
            }
            assertThat(target.isMissingNode()).as("fieldPath of %s names a field", rule).isFalse();
        }
        assertThat(rule.rule().has("message") || rule.rule().has("messageExpression"))
                .as("%s explains itself", rule)
                .isTrue();
    }

    private static void collect(String kind, JsonNode schema, String path, List<Rule> out) {
        for (JsonNode rule : schema.path("x-kubernetes-validations")) {
            out.add(new Rule(kind, path, rule, schema));
        }
        schema.path("properties")
                .properties()
                .forEach(p -> collect(kind, p.getValue(), path + "." + p.getKey(), out));
        if (schema.has("items")) {
            collect(kind, schema.path("items"), path + "[]", out);
        }
    }
}
