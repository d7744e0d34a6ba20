package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** Whether and how client requests are authorized. */
@JsonPropertyOrder({"type", "superUsers"})
@ValidationRule(
        value = "self.type == 'simple' || !has(self.superUsers) || size(self.superUsers) == 0",
        fieldPath = ".superUsers",
        reason = "FieldValueForbidden",
        message = "needs type: simple; without authorization every client may do everything")
public class AuthorizationSpec {
    @Default("none")
    @JsonPropertyDescription(
            "none (every client may do everything) or simple (Kafka's StandardAuthorizer: ACLs"
                    + " from KafkaUser resources; requests without a matching ACL are denied).")
    private AuthorizationType type = AuthorizationType.NONE;

    @Size(max = 64)
    @JsonPropertyDescription(
            "Principals allowed everything regardless of ACLs, for example User:admin. The"
                    + " operator's own identity is always a super user and need not be listed.")
    private List<@Pattern("^User:[^;]+$") String> superUsers = new ArrayList<>();

    public AuthorizationType getType() {
        return type;
    }

    public void setType(AuthorizationType type) {
        this.type = type;
    }

    public List<String> getSuperUsers() {
        return superUsers;
    }

    public void setSuperUsers(List<String> superUsers) {
        this.superUsers = superUsers;
    }
}
