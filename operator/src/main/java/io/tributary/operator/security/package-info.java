/**
 * TLS and authentication of a cluster: its certificate authorities and the certificates they sign,
 * the renewal decisions (pure functions of time and state), the brokers' security configuration,
 * and the operator's own identity towards the brokers.
 */
package io.tributary.operator.security;
