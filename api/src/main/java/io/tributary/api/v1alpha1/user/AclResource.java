package io.tributary.api.v1alpha1.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The resource an ACL applies to: a topic, group or transactional id by name, or the cluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "name", "patternType"})
@ValidationRule(
        value = "self.type == 'cluster' || has(self.name)",
        fieldPath = ".name",
        reason = "FieldValueRequired",
        message = "is required for topic, group and transactionalId resources")
@ValidationRule(
        value = "self.type != 'cluster' || !has(self.name)",
        fieldPath = ".name",
        reason = "FieldValueForbidden",
        message = "must be absent for the cluster resource")
@ValidationRule(
        value = "self.type != 'cluster' || self.patternType == 'literal'",
        fieldPath = ".patternType",
        reason = "FieldValueForbidden",
        message = "must be literal for the cluster resource")
public class AclResource {
    @Required
    @JsonPropertyDescription("topic, group, cluster or transactionalId.")
    private AclResourceType type;

    @Size(min = 1, max = 255)
    @JsonPropertyDescription(
            "Name of the topic, group or transactional id; * for all of them. Absent for the"
                    + " cluster.")
    private String name;

    @Default("literal")
    @JsonPropertyDescription(
            "literal (the name exactly) or prefixed (every name that starts with it).")
    private AclPatternType patternType = AclPatternType.LITERAL;

    public AclResourceType getType() {
        return type;
    }

    public void setType(AclResourceType type) {
        this.type = type;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public AclPatternType getPatternType() {
        return patternType;
    }

    public void setPatternType(AclPatternType patternType) {
        this.patternType = patternType;
    }
}
