package io.tributary.operator.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.tributary.api.v1alpha1.SecretKeyRef;
import io.tributary.api.v1alpha1.cluster.AuthorizationSpec;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.KafkaClusterSpec;
import io.tributary.api.v1alpha1.user.AclOperation;
import io.tributary.api.v1alpha1.user.AclPatternType;
import io.tributary.api.v1alpha1.user.AclPermission;
import io.tributary.api.v1alpha1.user.AclResourceType;
import io.tributary.api.v1alpha1.user.KafkaUser;
import io.tributary.api.v1alpha1.user.UserAuthenticationType;
import io.tributary.operator.status.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every KafkaUser the operator refuses on a cluster, each with its reason and field. */
class UserSpecValidatorTest {
    private final KafkaClusterSpec secure = cluster("kafka-cluster-secure.yaml");

    @Test
    void theExampleUsersAreAcceptedOnTheSecureCluster() {
        KafkaUser scram = user("kafka-user-scram.yaml");
        assertThat(UserSpecValidator.refusals(scram, secure)).isEmpty();
        KafkaUser tls = user("kafka-user-scram.yaml");
        tls.getSpec().getAuthentication().setType(UserAuthenticationType.TLS);
        assertThat(UserSpecValidator.refusals(tls, secure)).isEmpty();
    }

    @Test
    void aclsOnAClusterWithoutAuthorizationAreRefused() {
        KafkaClusterSpec open = cluster("kafka-cluster-secure.yaml");
        open.setAuthorization(new AuthorizationSpec());
        assertRefused(
                user("kafka-user-scram.yaml"),
                open,
                "AclsNeedAuthorization",
                "spec.authorization.acls");
        open.setAuthorization(null);
        assertRefused(
                user("kafka-user-scram.yaml"),
                open,
                "AclsNeedAuthorization",
                "spec.authorization.acls");
        KafkaUser withoutAcls = user("kafka-user-scram.yaml");
        withoutAcls.getSpec().setAuthorization(null);
        assertThat(UserSpecValidator.refusals(withoutAcls, open)).isEmpty();
    }

    @Test
    void aScramUserNeedsAScramListener() {
        KafkaClusterSpec mtlsOnly = cluster("kafka-cluster-secure.yaml");
        mtlsOnly.getListeners().remove(0);
        assertRefused(
                user("kafka-user-scram.yaml"),
                mtlsOnly,
                "NoScramListener",
                "spec.authentication.type");
    }

    @Test
    void aTlsUserNeedsAMutualTlsListener() {
        KafkaClusterSpec scramOnly = cluster("kafka-cluster-secure.yaml");
        scramOnly.getListeners().remove(1);
        KafkaUser tls = user("kafka-user-scram.yaml");
        tls.getSpec().getAuthentication().setType(UserAuthenticationType.TLS);
        assertRefused(tls, scramOnly, "NoTlsAuthenticationListener", "spec.authentication.type");
    }

    @Test
    void thePasswordMayNotLiveInTheSecretTheOperatorWrites() {
        KafkaUser user = user("kafka-user-scram.yaml");
        user.getSpec()
                .getAuthentication()
                .setPasswordSecretRef(new SecretKeyRef(user.getMetadata().getName(), "password"));
        assertRefused(
                user, secure, "PasswordSecretConflict", "spec.authentication.passwordSecretRef");
    }

    @Test
    void anOperationTheResourceTypeDoesNotHaveIsRefused() {
        List<Object[]> invalid =
                List.of(
                        new Object[] {
                            AclResourceType.TOPIC, AclOperation.IDEMPOTENT_WRITE, "IdempotentWrite"
                        },
                        new Object[] {
                            AclResourceType.TOPIC, AclOperation.CLUSTER_ACTION, "ClusterAction"
                        },
                        new Object[] {AclResourceType.GROUP, AclOperation.WRITE, "Write"},
                        new Object[] {AclResourceType.CLUSTER, AclOperation.READ, "Read"},
                        new Object[] {AclResourceType.TRANSACTIONAL_ID, AclOperation.READ, "Read"});
        for (Object[] c : invalid) {
            KafkaUser user = user("kafka-user-scram.yaml");
            user.getSpec()
                    .getAuthorization()
                    .setAcls(
                            List.of(
                                    AclDiffTest.rule(
                                            (AclResourceType) c[0],
                                            c[0] == AclResourceType.CLUSTER ? null : "x",
                                            AclPatternType.LITERAL,
                                            AclPermission.ALLOW,
                                            (AclOperation) c[1])));
            List<Problem> refusals = UserSpecValidator.refusals(user, secure);
            assertThat(refusals).extracting(Problem::reason).containsExactly("InvalidAclOperation");
            assertThat(refusals.get(0).message())
                    .startsWith("spec.authorization.acls[0].operations: " + c[2] + " not valid");
        }
    }

    @Test
    void aClusterResourceHasNoNameAndNoPrefixAndOthersNeedAName() {
        KafkaUser named = user("kafka-user-scram.yaml");
        named.getSpec()
                .getAuthorization()
                .setAcls(
                        List.of(
                                AclDiffTest.rule(
                                        AclResourceType.CLUSTER,
                                        "c",
                                        AclPatternType.LITERAL,
                                        AclPermission.ALLOW,
                                        AclOperation.DESCRIBE)));
        assertRefused(named, secure, "InvalidAclResource", "spec.authorization.acls[0].resource");
        KafkaUser prefixed = user("kafka-user-scram.yaml");
        prefixed.getSpec()
                .getAuthorization()
                .setAcls(
                        List.of(
                                AclDiffTest.rule(
                                        AclResourceType.CLUSTER,
                                        null,
                                        AclPatternType.PREFIXED,
                                        AclPermission.ALLOW,
                                        AclOperation.DESCRIBE)));
        assertRefused(
                prefixed, secure, "InvalidAclResource", "spec.authorization.acls[0].resource");
        KafkaUser unnamed = user("kafka-user-scram.yaml");
        unnamed.getSpec()
                .getAuthorization()
                .setAcls(
                        List.of(
                                AclDiffTest.rule(
                                        AclResourceType.TOPIC,
                                        null,
                                        AclPatternType.LITERAL,
                                        AclPermission.ALLOW,
                                        AclOperation.READ)));
        assertRefused(
                unnamed, secure, "InvalidAclResource", "spec.authorization.acls[0].resource.name");
    }

    private static void assertRefused(
            KafkaUser user, KafkaClusterSpec cluster, String reason, String field) {
        List<Problem> refusals = UserSpecValidator.refusals(user, cluster);
        assertThat(refusals).extracting(Problem::reason).contains(reason);
        assertThat(refusals)
                .filteredOn(p -> p.reason().equals(reason))
                .allSatisfy(p -> assertThat(p.message()).startsWith(field));
    }

    static KafkaClusterSpec cluster(String file) {
        return read(file, KafkaCluster.class).getSpec();
    }

    static KafkaUser user(String file) {
        KafkaUser user = read(file, KafkaUser.class);
        user.getMetadata().setNamespace("kafka");
        user.getMetadata().setUid("6b1c0c4e-0000-4000-8000-000000000002");
        return user;
    }

    private static <T> T read(String file, Class<T> type) {
        Path path = Path.of(System.getProperty("tributary.root", ".."), "examples", file);
        try {
            return Serialization.unmarshal(Files.readString(path), type);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
