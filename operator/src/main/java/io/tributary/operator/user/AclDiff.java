package io.tributary.operator.user;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.acl.AclBinding;

/**
 * What to create and delete so that a principal's ACLs in Kafka are exactly the declared ones.
 * Bindings of other principals in what was described are never deleted. Pure.
 */
public record AclDiff(List<AclBinding> create, List<AclBinding> delete) {

    public static AclDiff of(
            String principal, Set<AclBinding> desired, Collection<AclBinding> described) {
        Set<AclBinding> ours = new LinkedHashSet<>();
        for (AclBinding binding : described) {
            if (binding.entry().principal().equals(principal)) {
                ours.add(binding);
            }
        }
        List<AclBinding> create = desired.stream().filter(b -> !ours.contains(b)).toList();
        List<AclBinding> delete = ours.stream().filter(b -> !desired.contains(b)).toList();
        return new AclDiff(create, delete);
    }

    public boolean isEmpty() {
        return create.isEmpty() && delete.isEmpty();
    }
}
