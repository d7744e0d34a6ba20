package io.tributary.sandbox.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributesBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What leader election needs from the API server: self reviews (JOSDK checks it may use Leases
 * first; the sandbox allows everything) and Leases with optimistic concurrency.
 */
class AccessReviewsAndLeasesTest {
    @TempDir static Path workDir;
    static SandboxFixture sandbox;
    static KubernetesClient client;

    @BeforeAll
    static void start() {
        sandbox = new SandboxFixture(workDir);
        client = sandbox.server.client();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aRulesReviewAllowsEverything() {
        SelfSubjectRulesReview review =
                client.resource(
                                new SelfSubjectRulesReviewBuilder()
                                        .withNewSpec()
                                        .withNamespace("default")
                                        .endSpec()
                                        .build())
                        .create();

        assertThat(review.getSpec().getNamespace()).isEqualTo("default");
        assertThat(review.getStatus().getResourceRules())
                .singleElement()
                .satisfies(
                        rule -> {
                            assertThat(rule.getVerbs()).containsExactly("*");
                            assertThat(rule.getApiGroups()).containsExactly("*");
                            assertThat(rule.getResources()).containsExactly("*");
                        });
    }

    @Test
    void anAccessReviewIsAllowed() {
        SelfSubjectAccessReview review =
                client.resource(
                                new SelfSubjectAccessReviewBuilder()
                                        .withNewSpec()
                                        .withResourceAttributes(
                                                new ResourceAttributesBuilder()
                                                        .withVerb("delete")
                                                        .withResource("pods")
                                                        .build())
                                        .endSpec()
                                        .build())
                        .create();

        assertThat(review.getStatus().getAllowed()).isTrue();
    }

    @Test
    void leasesAreCreatedAndUpdatedWithOptimisticConcurrency() {
        Lease created =
                client.leases()
                        .resource(
                                new LeaseBuilder()
                                        .withNewMetadata()
                                        .withName("leader")
                                        .endMetadata()
                                        .withNewSpec()
                                        .withHolderIdentity("a")
                                        .withLeaseDurationSeconds(15)
                                        .endSpec()
                                        .build())
                        .create();
        Lease taken =
                client.leases()
                        .resource(
                                new LeaseBuilder(created)
                                        .editSpec()
                                        .withHolderIdentity("b")
                                        .endSpec()
                                        .build())
                        .update();

        assertThat(client.leases().withName("leader").get().getSpec().getHolderIdentity())
                .isEqualTo("b");
        assertThatThrownBy(
                        () ->
                                client.leases()
                                        .resource(
                                                new LeaseBuilder(created)
                                                        .editSpec()
                                                        .withHolderIdentity("c")
                                                        .endSpec()
                                                        .build())
                                        .update())
                .isInstanceOf(KubernetesClientException.class)
                .satisfies(
                        e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(409));
        assertThat(taken.getMetadata().getResourceVersion())
                .isNotEqualTo(created.getMetadata().getResourceVersion());
    }
}
