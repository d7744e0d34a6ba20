package io.tributary.sandbox.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery, OpenAPI v3 and Table output, as kubectl reads them. */
class DiscoveryAndTablesTest {
    @TempDir static Path workDir;
    static SandboxFixture sandbox;

    @BeforeAll
    static void start() {
        sandbox = new SandboxFixture(workDir);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void builtInGroupsAndResources() throws Exception {
        assertThat(json("/version").path("gitVersion").asText()).startsWith("v1.32");
        assertThat(json("/api").path("versions").toString()).isEqualTo("[\"v1\"]");
        assertThat(json("/apis").path("groups").findValuesAsText("name"))
                .contains(
                        "apps",
                        "policy",
                        "coordination.k8s.io",
                        "events.k8s.io",
                        "rbac.authorization.k8s.io",
                        "apiextensions.k8s.io",
                        "kafka.tributary.io");

        JsonNode core = json("/api/v1");
        assertThat(core.path("resources").findValuesAsText("name"))
                .contains(
                        "namespaces",
                        "pods",
                        "pods/status",
                        "pods/log",
                        "services",
                        "services/status",
                        "endpoints",
                        "configmaps",
                        "secrets",
                        "persistentvolumeclaims",
                        "serviceaccounts",
                        "events");
        assertThat(json("/apis/apps/v1").path("resources").findValuesAsText("name"))
                .contains(
                        "statefulsets",
                        "statefulsets/status",
                        "statefulsets/scale",
                        "controllerrevisions");
        assertThat(json("/apis/coordination.k8s.io/v1").path("resources").findValuesAsText("name"))
                .contains("leases");
    }

    @Test
    void crdsAppearInDiscoveryWithTheirNames() throws Exception {
        JsonNode resources = json("/apis/kafka.tributary.io/v1alpha1").path("resources");
        JsonNode topics = find(resources, "kafkatopics");

        assertThat(topics.path("kind").asText()).isEqualTo("KafkaTopic");
        assertThat(topics.path("singularName").asText()).isEqualTo("kafkatopic");
        assertThat(topics.path("namespaced").asBoolean()).isTrue();
        assertThat(topics.path("shortNames").toString()).isEqualTo("[\"kt\"]");
        assertThat(topics.path("verbs").toString()).contains("watch", "patch");
        assertThat(find(resources, "kafkatopics/status").path("verbs").toString())
                .isEqualTo("[\"get\",\"patch\",\"update\"]");
    }

    @Test
    void aCrdCreatedAtRunTimeIsEstablishedAndServedUntilDeleted() throws Exception {
        CustomResourceDefinition crd =
                new CustomResourceDefinitionBuilder()
                        .withNewMetadata()
                        .withName("widgets.example.com")
                        .endMetadata()
                        .withNewSpec()
                        .withGroup("example.com")
                        .withScope("Cluster")
                        .withNewNames()
                        .withKind("Widget")
                        .withPlural("widgets")
                        .withSingular("widget")
                        .withShortNames("wd")
                        .endNames()
                        .addNewVersion()
                        .withName("v1")
                        .withServed(true)
                        .withStorage(true)
                        .withNewSchema()
                        .withNewOpenAPIV3Schema()
                        .withType("object")
                        .withXKubernetesPreserveUnknownFields(true)
                        .endOpenAPIV3Schema()
                        .endSchema()
                        .endVersion()
                        .endSpec()
                        .build();
        var created =
                sandbox.server
                        .client()
                        .apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .resource(crd)
                        .create();
        assertThat(created.getStatus().getConditions())
                .anyMatch(c -> c.getType().equals("Established") && c.getStatus().equals("True"));

        assertThat(
                        find(json("/apis/example.com/v1").path("resources"), "widgets")
                                .path("namespaced")
                                .asBoolean())
                .isFalse();
        assertThat(
                        sandbox.request(
                                        "POST",
                                        "/apis/example.com/v1/widgets",
                                        "application/json",
                                        "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w\"}}",
                                        null)
                                .statusCode())
                .isEqualTo(201);

        sandbox.server
                .client()
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName("widgets.example.com")
                .delete();
        assertThat(sandbox.get("/apis/example.com/v1").statusCode()).isEqualTo(404);
        assertThat(sandbox.get("/apis/example.com/v1/widgets").statusCode()).isEqualTo(404);
    }

    @Test
    void openApiV3DeclaresServerSideFieldValidation() throws Exception {
        JsonNode index = json("/openapi/v3");
        String url =
                index.path("paths")
                        .path("apis/kafka.tributary.io/v1alpha1")
                        .path("serverRelativeURL")
                        .asText();
        assertThat(url).startsWith("/openapi/v3/apis/kafka.tributary.io/v1alpha1?hash=");
        assertThat(index.path("paths").has("api/v1")).isTrue();

        JsonNode document = json(url);
        JsonNode patch =
                document.path("paths")
                        .path(
                                "/apis/kafka.tributary.io/v1alpha1/namespaces/{namespace}/kafkatopics/{name}")
                        .path("patch");
        assertThat(patch.path("x-kubernetes-group-version-kind").path("kind").asText())
                .isEqualTo("KafkaTopic");
        assertThat(patch.path("parameters").findValuesAsText("name")).contains("fieldValidation");
        assertThat(
                        document.path("components")
                                .path("schemas")
                                .path("io.tributary.kafka.v1alpha1.KafkaTopic")
                                .path("properties")
                                .has("spec"))
                .isTrue();
    }

    @Test
    void customResourcesAsATableWithTheirPrinterColumns() throws Exception {
        sandbox.topics().resource(SandboxFixture.topic("tabled", 3)).create();
        sandbox.request(
                "PATCH",
                "/apis/kafka.tributary.io/v1alpha1/namespaces/default/kafkatopics/tabled/status",
                "application/merge-patch+json",
                "{\"status\":{\"partitions\":3,\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"reason\":\"Ok\"}]}}",
                null);

        var response =
                sandbox.request(
                        "GET",
                        "/apis/kafka.tributary.io/v1alpha1/namespaces/default/kafkatopics",
                        null,
                        null,
                        "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
        JsonNode table = Json.MAPPER.readTree(response.body());

        assertThat(table.path("kind").asText()).isEqualTo("Table");
        assertThat(table.path("columnDefinitions").findValuesAsText("name"))
                .containsExactly(
                        "Name",
                        "Cluster",
                        "Topic",
                        "Partitions",
                        "Replication factor",
                        "Ready",
                        "Reason",
                        "Age");
        JsonNode cells = table.path("rows").path(0).path("cells");
        assertThat(cells.path(0).asText()).isEqualTo("tabled");
        assertThat(cells.path(1).asText()).isEqualTo("my-cluster");
        assertThat(cells.path(3).asLong()).isEqualTo(3);
        assertThat(cells.path(5).asText()).isEqualTo("True");
        assertThat(cells.path(7).asText()).matches("\\d+s");
        assertThat(table.path("rows").path(0).path("object").path("kind").asText())
                .isEqualTo("PartialObjectMetadata");
    }

    @Test
    void builtInsAsATable() throws Exception {
        var response =
                sandbox.request(
                        "GET",
                        "/api/v1/namespaces",
                        null,
                        null,
                        "application/json;as=Table;v=v1;g=meta.k8s.io");
        JsonNode table = Json.MAPPER.readTree(response.body());

        assertThat(table.path("columnDefinitions").findValuesAsText("name"))
                .containsExactly("Name", "Status", "Age");
        assertThat(table.path("rows").findValues("cells").get(0).path(1).asText())
                .isEqualTo("Active");
    }

    private static JsonNode json(String path) throws Exception {
        var response = sandbox.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Json.MAPPER.readTree(response.body());
    }

    private static JsonNode find(JsonNode resources, String name) {
        for (JsonNode resource : resources) {
            if (resource.path("name").asText().equals(name)) {
                return resource;
            }
        }
        throw new AssertionError("no resource " + name + " in " + resources);
    }
}
