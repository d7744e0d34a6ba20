package io.tributary.operator.user;

import io.tributary.api.v1alpha1.user.AclOperation;
import io.tributary.api.v1alpha1.user.AclPatternType;
import io.tributary.api.v1alpha1.user.AclPermission;
import io.tributary.api.v1alpha1.user.AclResourceType;
import io.tributary.api.v1alpha1.user.AclRule;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * A user's declared ACLs as Kafka's bindings: one per operation, for the user's principal. Pure.
 */
public final class DesiredAcls {
    /** The name Kafka gives the cluster resource. */
    static final String CLUSTER_NAME = "kafka-cluster";

    private DesiredAcls() {}

    /** The principal of a user: {@code User:<name>}, for SCRAM and certificate users alike. */
    public static String principal(String username) {
        return "User:" + username;
    }

    public static Set<AclBinding> of(String principal, List<AclRule> rules) {
        Set<AclBinding> bindings = new LinkedHashSet<>();
        for (AclRule rule : rules) {
            ResourcePattern pattern =
                    new ResourcePattern(
                            resourceType(rule.getResource().getType()),
                            rule.getResource().getType() == AclResourceType.CLUSTER
                                    ? CLUSTER_NAME
                                    : rule.getResource().getName(),
                            rule.getResource().getPatternType() == AclPatternType.PREFIXED
                                    ? PatternType.PREFIXED
                                    : PatternType.LITERAL);
            for (AclOperation operation : rule.getOperations()) {
                bindings.add(
                        new AclBinding(
                                pattern,
                                new AccessControlEntry(
                                        principal,
                                        rule.getHost(),
                                        operation(operation),
                                        rule.getPermission() == AclPermission.DENY
                                                ? AclPermissionType.DENY
                                                : AclPermissionType.ALLOW)));
            }
        }
        return bindings;
    }

    static ResourceType resourceType(AclResourceType type) {
        return switch (type) {
            case TOPIC -> ResourceType.TOPIC;
            case GROUP -> ResourceType.GROUP;
            case CLUSTER -> ResourceType.CLUSTER;
            case TRANSACTIONAL_ID -> ResourceType.TRANSACTIONAL_ID;
        };
    }

    static org.apache.kafka.common.acl.AclOperation operation(AclOperation operation) {
        return switch (operation) {
            case ALL -> org.apache.kafka.common.acl.AclOperation.ALL;
            case READ -> org.apache.kafka.common.acl.AclOperation.READ;
            case WRITE -> org.apache.kafka.common.acl.AclOperation.WRITE;
            case CREATE -> org.apache.kafka.common.acl.AclOperation.CREATE;
            case DELETE -> org.apache.kafka.common.acl.AclOperation.DELETE;
            case ALTER -> org.apache.kafka.common.acl.AclOperation.ALTER;
            case DESCRIBE -> org.apache.kafka.common.acl.AclOperation.DESCRIBE;
            case CLUSTER_ACTION -> org.apache.kafka.common.acl.AclOperation.CLUSTER_ACTION;
            case DESCRIBE_CONFIGS -> org.apache.kafka.common.acl.AclOperation.DESCRIBE_CONFIGS;
            case ALTER_CONFIGS -> org.apache.kafka.common.acl.AclOperation.ALTER_CONFIGS;
            case IDEMPOTENT_WRITE -> org.apache.kafka.common.acl.AclOperation.IDEMPOTENT_WRITE;
            case TWO_PHASE_COMMIT -> org.apache.kafka.common.acl.AclOperation.TWO_PHASE_COMMIT;
        };
    }
}
