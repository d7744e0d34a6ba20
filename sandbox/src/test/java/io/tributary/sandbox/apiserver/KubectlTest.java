package io.tributary.sandbox.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code kubectl} against the sandbox, with nothing but {@code --kubeconfig}: apply with
 * its default (server-side) field validation, get with printer columns and short names, describe,
 * get -w, delete. Skipped, saying so, when kubectl is not on the PATH.
 */
class KubectlTest {
    private static final String TOPIC =
            """
            apiVersion: kafka.tributary.io/v1alpha1
            kind: KafkaTopic
            metadata:
              name: orders
            spec:
              clusterRef:
                name: my-cluster
              partitions: %d
            """;

    @TempDir static Path workDir;
    static SandboxFixture sandbox;
    static Kubectl kubectl;

    @BeforeAll
    static void start() {
        Optional<Path> binary = Kubectl.onPath();
        Assumptions.assumeTrue(
                binary.isPresent(), "kubectl is not on the PATH: the kubectl tests are skipped");
        sandbox = new SandboxFixture(workDir.resolve("server"));
        kubectl =
                new Kubectl(
                        binary.get(), sandbox.server.kubeconfig(), workDir.resolve("kube-cache"));
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void appliesTheCrdsAndATopicTwiceThenListsItWithItsColumns() throws Exception {
        Kubectl.Result crds = kubectl.run("apply", "-f", SandboxFixture.crdFolder().toString());
        assertThat(crds.exitCode()).as(crds.all()).isZero();
        assertThat(crds.out())
                .contains(
                        "customresourcedefinition.apiextensions.k8s.io/kafkatopics.kafka.tributary.io");

        Kubectl.Result created = kubectl.apply(TOPIC.formatted(3));
        assertThat(created.exitCode()).as(created.all()).isZero();
        assertThat(created.out()).contains("kafkatopic.kafka.tributary.io/orders created");

        Kubectl.Result updated = kubectl.apply(TOPIC.formatted(6));
        assertThat(updated.exitCode()).as(updated.all()).isZero();
        assertThat(updated.out()).contains("kafkatopic.kafka.tributary.io/orders configured");
        assertThat(sandbox.topics().withName("orders").get().getMetadata().getGeneration())
                .isEqualTo(2L);

        Kubectl.Result list = kubectl.run("get", "kt");
        assertThat(list.exitCode()).as(list.all()).isZero();
        assertThat(list.out().lines().findFirst().orElseThrow())
                .containsSubsequence(
                        "NAME", "CLUSTER", "PARTITIONS", "REPLICATION FACTOR", "READY", "AGE")
                .doesNotContain("REASON");
        assertThat(list.out()).contains("orders", "my-cluster");

        Kubectl.Result yaml = kubectl.run("get", "kafkatopic", "orders", "-o", "yaml");
        assertThat(yaml.out())
                .contains(
                        "partitions: 6",
                        "kubectl.kubernetes.io/last-applied-configuration",
                        "deletionPolicy: Delete");

        Kubectl.Result describe = kubectl.run("describe", "kt", "orders");
        assertThat(describe.exitCode()).as(describe.all()).isZero();
        assertThat(describe.out()).contains("Name:", "orders").containsPattern("Partitions:\\s+6");
    }

    @Test
    void rejectsAnInvalidTopicWithTheAdmissionMessage() throws Exception {
        kubectl.run("apply", "-f", SandboxFixture.crdFolder().toString());

        Kubectl.Result rejected = kubectl.apply(TOPIC.formatted(0).replace("orders", "bad"));

        assertThat(rejected.exitCode()).isNotZero();
        assertThat(rejected.err()).contains("spec.partitions", "greater than or equal to 1");
    }

    @Test
    void appliesAConfigMapAndAServiceAndUpdatesThem() throws Exception {
        String manifests =
                """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: broker-config
                data:
                  server.properties: "num.partitions=%s"
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: brokers
                spec:
                  clusterIP: None
                  selector:
                    app: kafka
                  ports:
                  - name: client
                    port: 9092
                """;
        Kubectl.Result created = kubectl.apply(manifests.formatted("1"));
        assertThat(created.exitCode()).as(created.all()).isZero();
        assertThat(created.out())
                .contains("configmap/broker-config created", "service/brokers created");

        Kubectl.Result updated = kubectl.apply(manifests.formatted("3"));
        assertThat(updated.out())
                .contains("configmap/broker-config configured", "service/brokers unchanged");
        assertThat(sandbox.server.client().configMaps().withName("broker-config").get().getData())
                .containsEntry("server.properties", "num.partitions=3");

        Kubectl.Result services = kubectl.run("get", "svc", "brokers");
        assertThat(services.out())
                .containsSubsequence("NAME", "TYPE", "CLUSTER-IP", "PORT(S)")
                .contains("9092/TCP");
    }

    @Test
    void getsDescribesAndDeletesPods() throws Exception {
        String pod =
                """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: broker-0
                  labels: {app: kafka}
                spec:
                  containers:
                  - name: kafka
                    image: tributary/broker:latest
                """;
        assertThat(kubectl.apply(pod).exitCode()).isZero();

        Kubectl.Result pods = kubectl.run("get", "pods");
        assertThat(pods.out())
                .containsSubsequence("NAME", "READY", "STATUS", "RESTARTS", "AGE")
                .contains("broker-0", "0/1", "Pending");

        Kubectl.Result describe = kubectl.run("describe", "pod", "broker-0");
        assertThat(describe.exitCode()).as(describe.all()).isZero();
        assertThat(describe.out()).contains("tributary/broker:latest");

        Kubectl.Result deleted = kubectl.run("delete", "pod", "broker-0");
        assertThat(deleted.exitCode()).as(deleted.all()).isZero();
        assertThat(deleted.out()).contains("pod \"broker-0\" deleted");
        assertThat(kubectl.run("get", "pod", "broker-0").err()).contains("NotFound", "broker-0");
    }

    @Test
    void watchPrintsAChange() throws Exception {
        kubectl.run("apply", "-f", SandboxFixture.crdFolder().toString());
        Process watch = kubectl.start("get", "configmaps", "-w");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = pump(watch.getInputStream(), out);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.server.watchCount() > 0);
            sandbox.server
                    .client()
                    .configMaps()
                    .resource(ObjectSemanticsTest.configMap("watched"))
                    .create();

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> out.toString(StandardCharsets.UTF_8).contains("watched"));
        } finally {
            watch.destroy();
            watch.waitFor();
            reader.join(5000);
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsSubsequence("NAME", "DATA", "AGE", "watched");
    }

    @Test
    void logsComeFromThePluggedSource() throws Exception {
        sandbox.server.podLogSource(
                r ->
                        new java.io.ByteArrayInputStream(
                                ("hello from " + r.pod() + "/" + r.container() + "\n")
                                        .getBytes(StandardCharsets.UTF_8)));
        String pod =
                """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: logger
                spec:
                  containers:
                  - name: main
                    image: busybox
                """;
        kubectl.apply(pod);

        Kubectl.Result logs = kubectl.run("logs", "logger");

        assertThat(logs.out()).isEqualTo("hello from logger/main\n");
        sandbox.server.podLogSource(null);
    }

    private static Thread pump(InputStream in, ByteArrayOutputStream out) {
        Thread thread =
                new Thread(
                        () -> {
                            try {
                                in.transferTo(
                                        new java.io.OutputStream() {
                                            @Override
                                            public void write(int b) {
                                                synchronized (out) {
                                                    out.write(b);
                                                }
                                            }
                                        });
                            } catch (java.io.IOException e) {
                                // The process was stopped.
                            }
                        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
