package io.tributary.sandbox.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** JSON patch, JSON merge patch and the strategic merge approximation. */
class PatchApplierTest {
    private static final String POD =
            """
            {"metadata":{"name":"p","finalizers":["a"],"labels":{"x":"1","y":"2"}},
             "spec":{"containers":[
               {"name":"c1","image":"i1","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],
                "ports":[{"containerPort":9092,"name":"client"}]},
               {"name":"c2","image":"i2"}],
              "tolerations":[{"key":"k1"}]}}
            """;

    @Test
    void jsonPatch() {
        ObjectNode result =
                apply(
                        PatchApplier.JSON_PATCH,
                        "[{\"op\":\"replace\",\"path\":\"/metadata/labels/x\",\"value\":\"9\"}]");
        assertThat(result.at("/metadata/labels/x").asText()).isEqualTo("9");
    }

    @Test
    void failedJsonPatchTestIsUnprocessable() {
        assertThatThrownBy(
                        () ->
                                apply(
                                        PatchApplier.JSON_PATCH,
                                        "[{\"op\":\"test\",\"path\":\"/metadata/name\",\"value\":\"q\"}]"))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(422));
    }

    @Test
    void mergePatchReplacesListsAndNullRemoves() {
        ObjectNode result =
                apply(
                        PatchApplier.MERGE_PATCH,
                        "{\"metadata\":{\"labels\":{\"y\":null}},\"spec\":{\"containers\":[{\"name\":\"only\"}]}}");
        assertThat(result.at("/metadata/labels").toString()).isEqualTo("{\"x\":\"1\"}");
        assertThat(result.at("/spec/containers")).hasSize(1);
    }

    @Test
    void strategicMergeMergesListsByKey() {
        ObjectNode result =
                apply(
                        PatchApplier.STRATEGIC_MERGE_PATCH,
                        """
                        {"metadata":{"finalizers":["b"]},
                         "spec":{"$setElementOrder/containers":[{"name":"c1"},{"name":"c2"}],
                          "containers":[{"name":"c1","env":[{"name":"B","value":"3"},{"name":"C","value":"4"}],
                                         "ports":[{"containerPort":9093,"name":"replication"}]},
                                        {"name":"c3","image":"i3"}],
                          "tolerations":[{"key":"k2"}]}}
                        """);

        assertThat(result.at("/metadata/finalizers").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(result.at("/spec/containers").findValuesAsText("name"))
                .contains("c1", "c2", "c3");
        assertThat(result.at("/spec/containers/0/image").asText()).isEqualTo("i1");
        assertThat(result.at("/spec/containers/0/env").toString())
                .isEqualTo(
                        "[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"3\"},{\"name\":\"C\",\"value\":\"4\"}]");
        assertThat(result.at("/spec/containers/0/ports")).hasSize(2);
        assertThat(result.at("/spec/tolerations").toString()).isEqualTo("[{\"key\":\"k2\"}]");
        assertThat(result.toString()).doesNotContain("$setElementOrder");
    }

    @Test
    void strategicMergeDirectives() {
        ObjectNode result =
                apply(
                        PatchApplier.STRATEGIC_MERGE_PATCH,
                        """
                        {"metadata":{"$deleteFromPrimitiveList/finalizers":["a"],"labels":{"$patch":"replace","z":"3"}},
                         "spec":{"containers":[{"name":"c2","$patch":"delete"}]}}
                        """);

        assertThat(result.at("/metadata/finalizers")).isEmpty();
        assertThat(result.at("/metadata/labels").toString()).isEqualTo("{\"z\":\"3\"}");
        assertThat(result.at("/spec/containers")).hasSize(1);
        assertThat(result.at("/spec/containers/0/name").asText()).isEqualTo("c1");
    }

    @Test
    void serverSideApplyIsRefused() {
        assertThatThrownBy(() -> apply("application/apply-patch+yaml", "{}"))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(415));
    }

    private static ObjectNode apply(String contentType, String patch) {
        try {
            ObjectNode pod = (ObjectNode) Json.MAPPER.readTree(POD);
            return PatchApplier.apply(
                    pod, contentType + "; charset=utf-8", patch.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
