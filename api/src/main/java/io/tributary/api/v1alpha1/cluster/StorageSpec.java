package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A node pool's storage: an emptyDir that dies with the pod, or a PersistentVolumeClaim. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "size", "storageClassName", "deleteClaim"})
@ValidationRule(
        value = "self.type != 'persistent' || has(self.size)",
        fieldPath = ".size",
        reason = "FieldValueRequired",
        message = "is required for persistent storage")
@ValidationRule(
        value = "self.type == oldSelf.type",
        fieldPath = ".type",
        reason = "FieldValueForbidden",
        message = "cannot be changed: the data of existing nodes would be lost")
public class StorageSpec {
    /** A Kubernetes quantity of bytes, such as {@code 10Gi} or {@code 500M}. */
    static final String BYTES_QUANTITY = "^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$";

    @Required
    @JsonPropertyDescription(
            "ephemeral (an emptyDir: data is lost when a pod is deleted; for tests and"
                    + " development) or persistent (a PersistentVolumeClaim per node). Cannot be"
                    + " changed.")
    private StorageType type;

    @Pattern(BYTES_QUANTITY)
    @JsonPropertyDescription(
            "Size of each node's volume, as a Kubernetes quantity (for example 100Gi). Required"
                    + " for persistent storage; for ephemeral storage it limits the emptyDir.")
    private String size;

    @Size(min = 1, max = 253)
    @ValidationRule(
            value = "self == oldSelf",
            reason = "FieldValueForbidden",
            message = "cannot be changed: existing claims keep their storage class")
    @JsonPropertyDescription(
            "StorageClass of the PersistentVolumeClaims; the cluster's default class when"
                    + " absent.")
    private String storageClassName;

    @Default("false")
    @JsonPropertyDescription(
            "Delete the PersistentVolumeClaims when the KafkaCluster is deleted or scaled down."
                    + " By default they are kept, with their data.")
    private boolean deleteClaim;

    public StorageType getType() {
        return type;
    }

    public void setType(StorageType type) {
        this.type = type;
    }

    public String getSize() {
        return size;
    }

    public void setSize(String size) {
        this.size = size;
    }

    public String getStorageClassName() {
        return storageClassName;
    }

    public void setStorageClassName(String storageClassName) {
        this.storageClassName = storageClassName;
    }

    public boolean isDeleteClaim() {
        return deleteClaim;
    }

    public void setDeleteClaim(boolean deleteClaim) {
        this.deleteClaim = deleteClaim;
    }
}
