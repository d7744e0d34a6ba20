package io.tributary.api.v1alpha1.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.tributary.api.v1alpha1.ClusterRef;

/** The desired state of a Kafka user. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"clusterRef", "authentication", "authorization", "quotas"})
public class KafkaUserSpec {
    @Required
    @ValidationRule(
            value = "self == oldSelf",
            reason = "FieldValueForbidden",
            message = "cannot be changed: a user cannot move to another cluster")
    @JsonPropertyDescription("The KafkaCluster, in this namespace, that the user belongs to.")
    private ClusterRef clusterRef;

    @Required
    @JsonPropertyDescription(
            "How the user proves who it is. The credentials are kept in a Secret named after the"
                    + " user.")
    private UserAuthentication authentication;

    @JsonPropertyDescription(
            "What the user may do: its ACLs. Needs spec.authorization.type: simple on the"
                    + " cluster.")
    private UserAuthorization authorization;

    @JsonPropertyDescription(
            "Quotas that throttle the user's clients. A quota removed from here is removed from"
                    + " Kafka.")
    private UserQuotas quotas;

    public ClusterRef getClusterRef() {
        return clusterRef;
    }

    public void setClusterRef(ClusterRef clusterRef) {
        this.clusterRef = clusterRef;
    }

    public UserAuthentication getAuthentication() {
        return authentication;
    }

    public void setAuthentication(UserAuthentication authentication) {
        this.authentication = authentication;
    }

    public UserAuthorization getAuthorization() {
        return authorization;
    }

    public void setAuthorization(UserAuthorization authorization) {
        this.authorization = authorization;
    }

    public UserQuotas getQuotas() {
        return quotas;
    }

    public void setQuotas(UserQuotas quotas) {
        this.quotas = quotas;
    }
}
