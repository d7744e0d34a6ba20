package io.tributary.api.v1alpha1.user;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** One ACL of a user: operations allowed or denied on a resource, from a host. */
@JsonPropertyOrder({"resource", "operations", "host", "permission"})
@ValidationRule(
        value =
                "self.resource.type != 'topic' || self.operations.all(o, o in "
                        + AclRule.TOPIC
                        + ")",
        fieldPath = ".operations",
        reason = "FieldValueInvalid",
        messageExpression =
                "'not valid on a topic: ' + self.operations.filter(o, !(o in "
                        + AclRule.TOPIC
                        + ")).join(', ') + '; use "
                        + AclRule.TOPIC_TEXT
                        + "'")
@ValidationRule(
        value =
                "self.resource.type != 'group' || self.operations.all(o, o in "
                        + AclRule.GROUP
                        + ")",
        fieldPath = ".operations",
        reason = "FieldValueInvalid",
        messageExpression =
                "'not valid on a group: ' + self.operations.filter(o, !(o in "
                        + AclRule.GROUP
                        + ")).join(', ') + '; use "
                        + AclRule.GROUP_TEXT
                        + "'")
@ValidationRule(
        value =
                "self.resource.type != 'cluster' || self.operations.all(o, o in "
                        + AclRule.CLUSTER
                        + ")",
        fieldPath = ".operations",
        reason = "FieldValueInvalid",
        messageExpression =
                "'not valid on the cluster: ' + self.operations.filter(o, !(o in "
                        + AclRule.CLUSTER
                        + ")).join(', ') + '; use "
                        + AclRule.CLUSTER_TEXT
                        + "'")
@ValidationRule(
        value =
                "self.resource.type != 'transactionalId' || self.operations.all(o, o in "
                        + AclRule.TRANSACTIONAL_ID
                        + ")",
        fieldPath = ".operations",
        reason = "FieldValueInvalid",
        messageExpression =
                "'not valid on a transactionalId: ' + self.operations.filter(o, !(o in "
                        + AclRule.TRANSACTIONAL_ID
                        + ")).join(', ') + '; use "
                        + AclRule.TRANSACTIONAL_ID_TEXT
                        + "'")
public class AclRule {
    // The operations Kafka defines for each resource type ("Operations and Resources on
    // Protocols" in the Kafka documentation), as CEL list literals and as text for messages.
    static final String TOPIC =
            "['Read', 'Write', 'Create', 'Delete', 'Alter', 'Describe', 'DescribeConfigs',"
                    + " 'AlterConfigs', 'All']";
    static final String TOPIC_TEXT =
            "Read, Write, Create, Delete, Alter, Describe, DescribeConfigs, AlterConfigs or All";
    static final String GROUP = "['Read', 'Describe', 'Delete', 'All']";
    static final String GROUP_TEXT = "Read, Describe, Delete or All";
    static final String CLUSTER =
            "['Create', 'ClusterAction', 'DescribeConfigs', 'AlterConfigs', 'IdempotentWrite',"
                    + " 'Alter', 'Describe', 'All']";
    static final String CLUSTER_TEXT =
            "Create, ClusterAction, DescribeConfigs, AlterConfigs, IdempotentWrite, Alter,"
                    + " Describe or All";
    static final String TRANSACTIONAL_ID = "['Describe', 'Write', 'TwoPhaseCommit', 'All']";
    static final String TRANSACTIONAL_ID_TEXT = "Describe, Write, TwoPhaseCommit or All";

    @Required
    @JsonPropertyDescription("The resource the ACL applies to.")
    private AclResource resource;

    @Required
    @Size(min = 1, max = 16)
    @JsonPropertyDescription(
            "Operations allowed or denied, for example Read, Write, Describe. Which ones apply"
                    + " depends on the resource type.")
    private List<AclOperation> operations = new ArrayList<>();

    @Default("'*'")
    @Size(min = 1, max = 253)
    @JsonPropertyDescription("Host the user's requests must come from; * for any host.")
    private String host = "*";

    @Default("allow")
    @JsonPropertyDescription("allow or deny. A deny ACL wins over any allow ACL.")
    private AclPermission permission = AclPermission.ALLOW;

    public AclResource getResource() {
        return resource;
    }

    public void setResource(AclResource resource) {
        this.resource = resource;
    }

    public List<AclOperation> getOperations() {
        return operations;
    }

    public void setOperations(List<AclOperation> operations) {
        this.operations = operations;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public AclPermission getPermission() {
        return permission;
    }

    public void setPermission(AclPermission permission) {
        this.permission = permission;
    }
}
