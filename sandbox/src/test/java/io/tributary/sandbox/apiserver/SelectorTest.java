package io.tributary.sandbox.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing and matching of label and field selectors. */
class SelectorTest {
    private static final Map<String, String> KAFKA = Map.of("app", "kafka", "tier", "a");

    @Test
    void labelSelectorOperators() {
        assertThat(LabelSelector.parse("app=kafka").matches(KAFKA)).isTrue();
        assertThat(LabelSelector.parse("app==kafka").matches(KAFKA)).isTrue();
        assertThat(LabelSelector.parse("app!=kafka").matches(KAFKA)).isFalse();
        assertThat(LabelSelector.parse("app!=kafka").matches(Map.of())).isTrue();
        assertThat(LabelSelector.parse("tier in (a, b)").matches(KAFKA)).isTrue();
        assertThat(LabelSelector.parse("tier notin (a,b)").matches(KAFKA)).isFalse();
        assertThat(LabelSelector.parse("tier notin (a,b)").matches(Map.of())).isTrue();
        assertThat(LabelSelector.parse("app").matches(KAFKA)).isTrue();
        assertThat(LabelSelector.parse("!app").matches(KAFKA)).isFalse();
        assertThat(LabelSelector.parse("app=kafka,tier in (b,c)").matches(KAFKA)).isFalse();
        assertThat(LabelSelector.parse("").isEverything()).isTrue();
    }

    @Test
    void invalidLabelSelectorIsABadRequest() {
        assertThatThrownBy(() -> LabelSelector.parse("a b"))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(400));
    }

    @Test
    void labelIndexPicksTheMostSelectiveRequirement() {
        LabelIndex index = new LabelIndex();
        for (int i = 0; i < 100; i++) {
            index.add(object("o" + i, Map.of("app", "kafka", "id", "i" + i)));
        }

        assertThat(index.candidates(LabelSelector.parse("app=kafka,id=i7")))
                .containsExactly("default/o7");
        assertThat(index.candidates(LabelSelector.parse("id in (i1,i2)")))
                .containsExactlyInAnyOrder("default/o1", "default/o2");
        assertThat(index.candidates(LabelSelector.parse("app"))).hasSize(100);
        assertThat(index.candidates(LabelSelector.parse("!app"))).isNull();
    }

    @Test
    void fieldSelectorsReadAnyDottedPath() {
        StoredObject pod = object("p", Map.of());
        pod.object().putObject("spec").put("nodeName", "n1");

        assertThat(
                        FieldSelector.parse("metadata.name=p,metadata.namespace=default")
                                .matches(pod.object()))
                .isTrue();
        assertThat(FieldSelector.parse("spec.nodeName==n1").matches(pod.object())).isTrue();
        assertThat(FieldSelector.parse("spec.nodeName!=n1").matches(pod.object())).isFalse();
        assertThat(FieldSelector.parse("status.phase=").matches(pod.object())).isTrue();
        assertThat(FieldSelector.parse("metadata.name=p").equalityValue("metadata.name"))
                .isEqualTo("p");
    }

    static StoredObject object(String name, Map<String, String> labels) {
        var object = Json.MAPPER.createObjectNode();
        var metadata = object.putObject("metadata");
        metadata.put("name", name)
                .put("namespace", "default")
                .put("uid", "uid-" + name)
                .put("resourceVersion", "1");
        var labelNode = metadata.putObject("labels");
        labels.forEach(labelNode::put);
        return new StoredObject("/configmaps", object);
    }
}
