package io.tributary.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every Tributary status holds: the generation it describes and its conditions, with the one
 * method that sets a condition.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class ResourceStatus {
    @JsonPropertyDescription(
            "The metadata.generation that the operator last brought the resource to. It moves only"
                    + " when that generation has converged.")
    private Long observedGeneration;

    @JsonPropertyDescription(
            "Conditions in the Kubernetes convention: Ready, Reconciling and Stalled (kstatus),"
                    + " each with the generation it describes.")
    private List<Condition> conditions = new ArrayList<>();

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions == null ? new ArrayList<>() : new ArrayList<>(conditions);
    }

    /** The condition of the given type, if set. */
    public Optional<Condition> findCondition(String type) {
        return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    /**
     * Sets the condition of {@code condition.getType()}, replacing any previous one. Its {@code
     * lastTransitionTime} is kept from the previous condition when the status did not change, and
     * set to {@code now} (to the second, as Kubernetes does) when it did.
     */
    public void setCondition(Condition condition, Instant now) {
        Objects.requireNonNull(condition.getType(), "condition type");
        Objects.requireNonNull(condition.getStatus(), "condition status");
        Optional<Condition> previous = findCondition(condition.getType());
        boolean unchanged =
                previous.isPresent()
                        && previous.get().getStatus() == condition.getStatus()
                        && previous.get().getLastTransitionTime() != null;
        condition.setLastTransitionTime(
                unchanged
                        ? previous.get().getLastTransitionTime()
                        : now.truncatedTo(ChronoUnit.SECONDS).toString());
        if (previous.isPresent()) {
            conditions.set(conditions.indexOf(previous.get()), condition);
        } else {
            conditions.add(condition);
        }
    }

    /** Removes the condition of the given type, if set. */
    public void removeCondition(String type) {
        conditions.removeIf(c -> type.equals(c.getType()));
    }
}
