package io.tributary.api.v1alpha1.user;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** A user's ACLs, kept in Kafka exactly as declared. */
public class UserAuthorization {
    @Size(max = 256)
    @JsonPropertyDescription(
            "The user's ACLs. ACLs in Kafka for this user that are not listed here are removed;"
                    + " ACLs of other principals are never touched.")
    private List<AclRule> acls = new ArrayList<>();

    public List<AclRule> getAcls() {
        return acls;
    }

    public void setAcls(List<AclRule> acls) {
        this.acls = acls;
    }
}
