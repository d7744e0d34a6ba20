/**
 * The KafkaUser reconciler: a user's credentials (SCRAM-SHA-512 or a client certificate), its ACLs
 * and its quotas, kept in Kafka exactly as declared. What to change is decided by pure classes
 * ({@link io.tributary.operator.user.AclDiff}, {@link io.tributary.operator.user.QuotaDiff}, {@link
 * io.tributary.operator.user.UserSpecValidator}); {@link io.tributary.operator.user.UserAdmin} only
 * carries it out.
 */
package io.tributary.operator.user;
