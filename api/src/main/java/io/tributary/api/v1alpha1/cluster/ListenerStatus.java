package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A listener and the bootstrap address its clients use. */
public class ListenerStatus {
    @JsonPropertyDescription("Name of the listener, as in spec.listeners.")
    private String name;

    @JsonPropertyDescription(
            "Bootstrap address (host:port of the listener's bootstrap Service) for clients'"
                    + " bootstrap.servers.")
    private String bootstrapServers;

    public ListenerStatus() {}

    public ListenerStatus(String name, String bootstrapServers) {
        this.name = name;
        this.bootstrapServers = bootstrapServers;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }
}
