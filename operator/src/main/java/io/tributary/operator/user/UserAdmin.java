package io.tributary.operator.user;

import io.tributary.operator.kafka.AdminCall;
import io.tributary.operator.kafka.KafkaUnavailableException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.ResourceNotFoundException;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.apache.kafka.common.quota.ClientQuotaFilter;
import org.apache.kafka.common.quota.ClientQuotaFilterComponent;
import org.apache.kafka.common.resource.ResourcePatternFilter;

/**
 * A user's SCRAM credential, ACLs and quotas in Kafka, read and written through the Admin API.
 * Thin: what to write is decided elsewhere. Failures become {@link KafkaUnavailableException}s
 * whose messages never carry a password.
 */
final class UserAdmin {
    static final int SCRAM_ITERATIONS = 4096;

    private final Admin admin;
    private final AdminCall call;
    private final Duration timeout;

    UserAdmin(Admin admin, Duration timeout) {
        this.admin = admin;
        this.call = new AdminCall(timeout);
        this.timeout = timeout;
    }

    /** Whether Kafka holds a SCRAM-SHA-512 credential for the user. */
    boolean hasScramCredential(String user) throws KafkaUnavailableException, InterruptedException {
        try {
            return admin
                    .describeUserScramCredentials(List.of(user))
                    .description(user)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .credentialInfos()
                    .stream()
                    .anyMatch(i -> i.mechanism() == ScramMechanism.SCRAM_SHA_512);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ResourceNotFoundException) {
                return false;
            }
            throw unavailable("describing the SCRAM credential", e.getCause());
        } catch (TimeoutException e) {
            throw unavailable("describing the SCRAM credential", e);
        }
    }

    void setScramPassword(String user, String password)
            throws KafkaUnavailableException, InterruptedException {
        call.get(
                admin.alterUserScramCredentials(
                                List.of(
                                        new UserScramCredentialUpsertion(
                                                user,
                                                new ScramCredentialInfo(
                                                        ScramMechanism.SCRAM_SHA_512,
                                                        SCRAM_ITERATIONS),
                                                password)))
                        .all());
    }

    void deleteScramCredential(String user) throws KafkaUnavailableException, InterruptedException {
        try {
            admin.alterUserScramCredentials(
                            List.of(
                                    new UserScramCredentialDeletion(
                                            user, ScramMechanism.SCRAM_SHA_512)))
                    .all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof ResourceNotFoundException)) {
                throw unavailable("deleting the SCRAM credential", e.getCause());
            }
        } catch (TimeoutException e) {
            throw unavailable("deleting the SCRAM credential", e);
        }
    }

    /** Every ACL whose principal is this one. */
    Collection<AclBinding> acls(String principal)
            throws KafkaUnavailableException, InterruptedException {
        return call.get(
                admin.describeAcls(
                                new AclBindingFilter(
                                        ResourcePatternFilter.ANY,
                                        new AccessControlEntryFilter(
                                                principal,
                                                null,
                                                AclOperation.ANY,
                                                AclPermissionType.ANY)))
                        .values());
    }

    void createAcls(List<AclBinding> bindings)
            throws KafkaUnavailableException, InterruptedException {
        if (!bindings.isEmpty()) {
            call.get(admin.createAcls(bindings).all());
        }
    }

    /** Deletes exactly these bindings: each filter matches one binding and nothing else. */
    void deleteAcls(List<AclBinding> bindings)
            throws KafkaUnavailableException, InterruptedException {
        if (!bindings.isEmpty()) {
            call.get(admin.deleteAcls(bindings.stream().map(AclBinding::toFilter).toList()).all());
        }
    }

    /** The quotas set for exactly this user (not defaults, not client ids). */
    Map<String, Double> quotas(String user) throws KafkaUnavailableException, InterruptedException {
        ClientQuotaEntity entity = entity(user);
        Map<ClientQuotaEntity, Map<String, Double>> described =
                call.get(
                        admin.describeClientQuotas(
                                        ClientQuotaFilter.containsOnly(
                                                List.of(
                                                        ClientQuotaFilterComponent.ofEntity(
                                                                ClientQuotaEntity.USER, user))))
                                .entities());
        return described.getOrDefault(entity, Map.of());
    }

    void alterQuotas(String user, List<ClientQuotaAlteration.Op> operations)
            throws KafkaUnavailableException, InterruptedException {
        if (!operations.isEmpty()) {
            call.get(
                    admin.alterClientQuotas(
                                    List.of(new ClientQuotaAlteration(entity(user), operations)))
                            .all());
        }
    }

    private static ClientQuotaEntity entity(String user) {
        return new ClientQuotaEntity(Map.of(ClientQuotaEntity.USER, user));
    }

    private KafkaUnavailableException unavailable(String what, Throwable cause) {
        return new KafkaUnavailableException(
                what + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    }
}
