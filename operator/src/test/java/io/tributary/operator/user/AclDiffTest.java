package io.tributary.operator.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.v1alpha1.user.AclOperation;
import io.tributary.api.v1alpha1.user.AclPatternType;
import io.tributary.api.v1alpha1.user.AclPermission;
import io.tributary.api.v1alpha1.user.AclResource;
import io.tributary.api.v1alpha1.user.AclResourceType;
import io.tributary.api.v1alpha1.user.AclRule;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/** Declared ACLs as Kafka bindings, and the diff that keeps a principal's ACLs exactly so. */
class AclDiffTest {
    private static final String ALICE = "User:alice";

    @Test
    void eachOperationOfARuleIsABindingOfTheUsersPrincipal() {
        Set<AclBinding> bindings =
                DesiredAcls.of(
                        ALICE,
                        List.of(
                                rule(
                                        AclResourceType.TOPIC,
                                        "orders",
                                        AclPatternType.LITERAL,
                                        AclPermission.ALLOW,
                                        AclOperation.READ,
                                        AclOperation.WRITE),
                                rule(
                                        AclResourceType.GROUP,
                                        "orders-",
                                        AclPatternType.PREFIXED,
                                        AclPermission.ALLOW,
                                        AclOperation.READ),
                                rule(
                                        AclResourceType.CLUSTER,
                                        null,
                                        AclPatternType.LITERAL,
                                        AclPermission.ALLOW,
                                        AclOperation.IDEMPOTENT_WRITE),
                                rule(
                                        AclResourceType.TRANSACTIONAL_ID,
                                        "tx",
                                        AclPatternType.LITERAL,
                                        AclPermission.DENY,
                                        AclOperation.TWO_PHASE_COMMIT)));
        assertThat(bindings)
                .containsExactly(
                        binding(
                                ResourceType.TOPIC,
                                "orders",
                                PatternType.LITERAL,
                                org.apache.kafka.common.acl.AclOperation.READ,
                                AclPermissionType.ALLOW),
                        binding(
                                ResourceType.TOPIC,
                                "orders",
                                PatternType.LITERAL,
                                org.apache.kafka.common.acl.AclOperation.WRITE,
                                AclPermissionType.ALLOW),
                        binding(
                                ResourceType.GROUP,
                                "orders-",
                                PatternType.PREFIXED,
                                org.apache.kafka.common.acl.AclOperation.READ,
                                AclPermissionType.ALLOW),
                        binding(
                                ResourceType.CLUSTER,
                                "kafka-cluster",
                                PatternType.LITERAL,
                                org.apache.kafka.common.acl.AclOperation.IDEMPOTENT_WRITE,
                                AclPermissionType.ALLOW),
                        binding(
                                ResourceType.TRANSACTIONAL_ID,
                                "tx",
                                PatternType.LITERAL,
                                org.apache.kafka.common.acl.AclOperation.TWO_PHASE_COMMIT,
                                AclPermissionType.DENY));
    }

    @Test
    void everyApiOperationMapsToKafkasOwn() {
        for (AclOperation operation : AclOperation.values()) {
            assertThat(DesiredAcls.operation(operation).name()).isEqualTo(operation.name());
        }
    }

    @Test
    void missingBindingsAreCreatedAndUndeclaredOnesOfThePrincipalDeleted() {
        AclBinding read = topic("orders", org.apache.kafka.common.acl.AclOperation.READ, ALICE);
        AclBinding write = topic("orders", org.apache.kafka.common.acl.AclOperation.WRITE, ALICE);
        AclBinding payments =
                topic("payments", org.apache.kafka.common.acl.AclOperation.WRITE, ALICE);
        AclDiff diff = AclDiff.of(ALICE, Set.of(read, write), List.of(read, payments));
        assertThat(diff.create()).containsExactly(write);
        assertThat(diff.delete()).containsExactly(payments);
    }

    @Test
    void otherPrincipalsAreNeverTouched() {
        AclBinding bobs =
                topic("orders", org.apache.kafka.common.acl.AclOperation.READ, "User:bob");
        AclBinding alicesWildcardHost =
                topic("orders", org.apache.kafka.common.acl.AclOperation.READ, ALICE);
        AclDiff diff = AclDiff.of(ALICE, Set.of(), List.of(bobs, alicesWildcardHost));
        assertThat(diff.delete()).containsExactly(alicesWildcardHost);
        assertThat(AclDiff.of(ALICE, Set.of(), List.of(bobs)).isEmpty()).isTrue();
    }

    @Test
    void aChangedHostPatternOrPermissionIsANewBindingAndTheOldOneGoes() {
        AclBinding allow = topic("orders", org.apache.kafka.common.acl.AclOperation.READ, ALICE);
        AclBinding deny =
                new AclBinding(
                        allow.pattern(),
                        new AccessControlEntry(
                                ALICE, "*", allow.entry().operation(), AclPermissionType.DENY));
        AclBinding otherHost =
                new AclBinding(
                        allow.pattern(),
                        new AccessControlEntry(
                                ALICE,
                                "10.0.0.1",
                                allow.entry().operation(),
                                AclPermissionType.ALLOW));
        AclBinding prefixed =
                new AclBinding(
                        new ResourcePattern(ResourceType.TOPIC, "orders", PatternType.PREFIXED),
                        allow.entry());
        for (AclBinding changed : List.of(deny, otherHost, prefixed)) {
            AclDiff diff = AclDiff.of(ALICE, Set.of(changed), List.of(allow));
            assertThat(diff.create()).containsExactly(changed);
            assertThat(diff.delete()).containsExactly(allow);
        }
        assertThat(AclDiff.of(ALICE, Set.of(allow), List.of(allow)).isEmpty()).isTrue();
    }

    static AclRule rule(
            AclResourceType type,
            String name,
            AclPatternType pattern,
            AclPermission permission,
            AclOperation... operations) {
        AclResource resource = new AclResource();
        resource.setType(type);
        resource.setName(name);
        resource.setPatternType(pattern);
        AclRule rule = new AclRule();
        rule.setResource(resource);
        rule.setOperations(List.of(operations));
        rule.setPermission(permission);
        return rule;
    }

    private static AclBinding topic(
            String name, org.apache.kafka.common.acl.AclOperation operation, String principal) {
        return new AclBinding(
                new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }

    private static AclBinding binding(
            ResourceType type,
            String name,
            PatternType pattern,
            org.apache.kafka.common.acl.AclOperation operation,
            AclPermissionType permission) {
        return new AclBinding(
                new ResourcePattern(type, name, pattern),
                new AccessControlEntry(ALICE, "*", operation, permission));
    }
}
