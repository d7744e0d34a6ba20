package io.tributary.operator.user;

import static io.tributary.api.v1alpha1.user.AclOperation.ALL;
import static io.tributary.api.v1alpha1.user.AclOperation.ALTER;
import static io.tributary.api.v1alpha1.user.AclOperation.ALTER_CONFIGS;
import static io.tributary.api.v1alpha1.user.AclOperation.CLUSTER_ACTION;
import static io.tributary.api.v1alpha1.user.AclOperation.CREATE;
import static io.tributary.api.v1alpha1.user.AclOperation.DELETE;
import static io.tributary.api.v1alpha1.user.AclOperation.DESCRIBE;
import static io.tributary.api.v1alpha1.user.AclOperation.DESCRIBE_CONFIGS;
import static io.tributary.api.v1alpha1.user.AclOperation.IDEMPOTENT_WRITE;
import static io.tributary.api.v1alpha1.user.AclOperation.READ;
import static io.tributary.api.v1alpha1.user.AclOperation.TWO_PHASE_COMMIT;
import static io.tributary.api.v1alpha1.user.AclOperation.WRITE;

import io.tributary.api.v1alpha1.cluster.AuthorizationType;
import io.tributary.api.v1alpha1.cluster.KafkaClusterSpec;
import io.tributary.api.v1alpha1.cluster.ListenerAuthentication;
import io.tributary.api.v1alpha1.user.AclOperation;
import io.tributary.api.v1alpha1.user.AclPatternType;
import io.tributary.api.v1alpha1.user.AclResourceType;
import io.tributary.api.v1alpha1.user.AclRule;
import io.tributary.api.v1alpha1.user.KafkaUser;
import io.tributary.api.v1alpha1.user.KafkaUserSpec;
import io.tributary.api.v1alpha1.user.UserAuthenticationType;
import io.tributary.operator.status.Problem;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the operator refuses in a KafkaUser, given its cluster: nothing is changed in Kafka while a
 * refusal stands. The CRD's rules catch the ACL mistakes already; they are checked again here since
 * an older CRD may be installed. Pure.
 */
public final class UserSpecValidator {
    /** The operations Kafka defines for each resource type. */
    static final Map<AclResourceType, Set<AclOperation>> OPERATIONS =
            Map.of(
                    AclResourceType.TOPIC,
                    EnumSet.of(
                            READ,
                            WRITE,
                            CREATE,
                            DELETE,
                            ALTER,
                            DESCRIBE,
                            DESCRIBE_CONFIGS,
                            ALTER_CONFIGS,
                            ALL),
                    AclResourceType.GROUP,
                    EnumSet.of(READ, DESCRIBE, DELETE, ALL),
                    AclResourceType.CLUSTER,
                    EnumSet.of(
                            CREATE,
                            CLUSTER_ACTION,
                            DESCRIBE_CONFIGS,
                            ALTER_CONFIGS,
                            IDEMPOTENT_WRITE,
                            ALTER,
                            DESCRIBE,
                            ALL),
                    AclResourceType.TRANSACTIONAL_ID,
                    EnumSet.of(DESCRIBE, WRITE, TWO_PHASE_COMMIT, ALL));

    private UserSpecValidator() {}

    public static List<Problem> refusals(KafkaUser user, KafkaClusterSpec cluster) {
        KafkaUserSpec spec = user.getSpec();
        String clusterName = spec.getClusterRef().getName();
        List<Problem> problems = new ArrayList<>();
        UserAuthenticationType type = spec.getAuthentication().getType();
        if (type == UserAuthenticationType.SCRAM_SHA_512
                && !hasListener(cluster, ListenerAuthentication.SCRAM_SHA_512)) {
            problems.add(
                    new Problem(
                            "NoScramListener",
                            "spec.authentication.type is scram-sha-512 but KafkaCluster %s has no listener with authentication scram-sha-512"
                                    .formatted(clusterName)));
        }
        if (type == UserAuthenticationType.TLS
                && !hasListener(cluster, ListenerAuthentication.TLS)) {
            problems.add(
                    new Problem(
                            "NoTlsAuthenticationListener",
                            "spec.authentication.type is tls but KafkaCluster %s has no listener with authentication tls"
                                    .formatted(clusterName)));
        }
        if (spec.getAuthentication().getPasswordSecretRef() != null
                && spec.getAuthentication()
                        .getPasswordSecretRef()
                        .getName()
                        .equals(user.getMetadata().getName())) {
            problems.add(
                    new Problem(
                            "PasswordSecretConflict",
                            "spec.authentication.passwordSecretRef.name %s is the Secret the operator writes the user's credentials to; keep the password in another Secret"
                                    .formatted(user.getMetadata().getName())));
        }
        List<AclRule> acls = acls(spec);
        boolean authorized =
                cluster.getAuthorization() != null
                        && cluster.getAuthorization().getType() == AuthorizationType.SIMPLE;
        if (!acls.isEmpty() && !authorized) {
            problems.add(
                    new Problem(
                            "AclsNeedAuthorization",
                            "spec.authorization.acls: KafkaCluster %s has no authorization (spec.authorization.type: simple), so ACLs would not be enforced"
                                    .formatted(clusterName)));
        }
        for (int i = 0; i < acls.size(); i++) {
            problems.addAll(aclProblems(i, acls.get(i)));
        }
        return problems;
    }

    static List<AclRule> acls(KafkaUserSpec spec) {
        return spec.getAuthorization() == null ? List.of() : spec.getAuthorization().getAcls();
    }

    private static List<Problem> aclProblems(int index, AclRule rule) {
        List<Problem> problems = new ArrayList<>();
        AclResourceType type = rule.getResource().getType();
        Set<AclOperation> allowed = OPERATIONS.get(type);
        List<AclOperation> invalid =
                rule.getOperations().stream().filter(o -> !allowed.contains(o)).toList();
        if (!invalid.isEmpty()) {
            problems.add(
                    new Problem(
                            "InvalidAclOperation",
                            "spec.authorization.acls[%d].operations: %s not valid on a %s resource"
                                    .formatted(index, names(invalid), camel(type.name(), false))));
        }
        boolean cluster = type == AclResourceType.CLUSTER;
        if (cluster
                && (rule.getResource().getName() != null
                        || rule.getResource().getPatternType() == AclPatternType.PREFIXED)) {
            problems.add(
                    new Problem(
                            "InvalidAclResource",
                            "spec.authorization.acls[%d].resource: the cluster resource has no name and a literal pattern"
                                    .formatted(index)));
        }
        if (!cluster && rule.getResource().getName() == null) {
            problems.add(
                    new Problem(
                            "InvalidAclResource",
                            "spec.authorization.acls[%d].resource.name is required for a %s resource"
                                    .formatted(index, camel(type.name(), false))));
        }
        return problems;
    }

    private static String names(List<AclOperation> operations) {
        return operations.stream()
                .map(o -> camel(o.name(), true))
                .collect(Collectors.joining(", "));
    }

    /** An enum constant as the API writes it: IDEMPOTENT_WRITE is IdempotentWrite. */
    static String camel(String constant, boolean capitalFirst) {
        StringBuilder out = new StringBuilder();
        for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
            out.append(
                    out.length() == 0 && !capitalFirst
                            ? word
                            : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return out.toString();
    }

    private static boolean hasListener(KafkaClusterSpec cluster, ListenerAuthentication kind) {
        return cluster.getListeners().stream().anyMatch(l -> l.getAuthentication() == kind);
    }
}
