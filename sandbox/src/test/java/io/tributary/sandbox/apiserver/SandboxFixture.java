package io.tributary.sandbox.apiserver;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

/** A started API server with the project's CRDs and the fake admission, for tests. */
final class SandboxFixture implements AutoCloseable {
    static final ResourceDefinitionContext KAFKA_TOPICS =
            new ResourceDefinitionContext.Builder()
                    .withGroup("kafka.tributary.io")
                    .withVersion("v1alpha1")
                    .withKind("KafkaTopic")
                    .withPlural("kafkatopics")
                    .withNamespaced(true)
                    .build();

    final FakeAdmission admission = new FakeAdmission();
    final ApiServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    SandboxFixture(Path workDir) {
        this(workDir, 100_000);
    }

    SandboxFixture(Path workDir, int watchHistory) {
        server =
                ApiServer.builder()
                        .admission(admission)
                        .watchHistory(watchHistory)
                        .build()
                        .start(workDir);
        server.installCrds(crdFolder());
    }

    static Path crdFolder() {
        return Path.of(System.getProperty("tributary.root", "..")).resolve("crds");
    }

    MixedOperation<
                    GenericKubernetesResource,
                    GenericKubernetesResourceList,
                    Resource<GenericKubernetesResource>>
            topics() {
        return server.client().genericKubernetesResources(KAFKA_TOPICS);
    }

    static GenericKubernetesResource topic(String name, int partitions) {
        GenericKubernetesResource topic = new GenericKubernetesResource();
        topic.setApiVersion("kafka.tributary.io/v1alpha1");
        topic.setKind("KafkaTopic");
        topic.setMetadata(
                new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(name).build());
        topic.setAdditionalProperty(
                "spec",
                Map.of("clusterRef", Map.of("name", "my-cluster"), "partitions", partitions));
        return topic;
    }

    /** A raw HTTP request to the server, for what a fabric8 client hides (headers, codes). */
    HttpResponse<String> request(
            String method, String path, String contentType, String body, String accept)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(server.url() + path))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (accept != null) {
            builder.header("Accept", accept);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return request("GET", path, null, null, null);
    }

    @Override
    public void close() {
        server.close();
    }
}
