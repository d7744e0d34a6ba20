package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Set;

/** A listener that clients connect to. */
@JsonPropertyOrder({"name", "port", "tls", "authentication"})
@ValidationRule(
        value = "self.authentication != 'tls' || self.tls",
        fieldPath = ".authentication",
        reason = "FieldValueInvalid",
        message = "tls (mutual TLS) authentication needs tls: true on the listener")
public class ListenerSpec {
    /**
     * Ports the node pods use for themselves: the launcher's health endpoint, the controller and
     * replication listeners and the metrics exporter.
     */
    public static final Set<Integer> RESERVED_PORTS = Set.of(8080, 9090, 9091, 9404);

    /** Listener names the operator uses for its own listeners. */
    public static final Set<String> RESERVED_NAMES = Set.of("controller", "replication");

    @Required
    @Pattern("^[a-z][a-z0-9]{0,10}$")
    @ValidationRule(
            value = "!(self in ['controller', 'replication'])",
            reason = "FieldValueForbidden",
            message = "controller and replication are the operator's own listener names")
    @JsonPropertyDescription(
            "Name of the listener: lower-case letters and digits, starting with a letter, at most"
                    + " 11 characters. Also names the container port and the bootstrap Service.")
    private String name;

    @Required
    @Min(1024)
    @Max(65535)
    @ValidationRule(
            value = "!(self in [8080, 9090, 9091, 9404])",
            reason = "FieldValueForbidden",
            message =
                    "is reserved: 8080 (health), 9090 (controller), 9091 (replication) and 9404"
                            + " (metrics) are used by the nodes themselves")
    @JsonPropertyDescription(
            "Port of the listener on every broker and on its bootstrap Service, 1024-65535."
                    + " 8080, 9090, 9091 and 9404 are reserved.")
    private int port;

    @Default("false")
    @JsonPropertyDescription(
            "Serve TLS with certificates issued by the cluster's certificate authority.")
    private boolean tls;

    @Default("none")
    @JsonPropertyDescription(
            "How clients authenticate: none, scram-sha-512 (user name and password from a"
                    + " KafkaUser), or tls (client certificate; needs tls: true).")
    private ListenerAuthentication authentication = ListenerAuthentication.NONE;

    public ListenerSpec() {}

    public ListenerSpec(String name, int port) {
        this.name = name;
        this.port = port;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public boolean isTls() {
        return tls;
    }

    public void setTls(boolean tls) {
        this.tls = tls;
    }

    public ListenerAuthentication getAuthentication() {
        return authentication;
    }

    public void setAuthentication(ListenerAuthentication authentication) {
        this.authentication = authentication;
    }
}
