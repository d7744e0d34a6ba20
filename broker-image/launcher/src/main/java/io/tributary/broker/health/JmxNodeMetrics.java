package io.tributary.broker.health;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Reads {@link NodeMetrics} from the MBeans Kafka registers in this JVM. The names are the same in
 * Kafka 4.3 and 4.4.
 */
public final class JmxNodeMetrics {
    static final ObjectName BROKER_STATE = name("kafka.server:type=KafkaServer,name=BrokerState");
    static final ObjectName RAFT_METRICS = name("kafka.server:type=raft-metrics");

    private final MBeanServer server;
    private final ObjectName appInfo;

    public JmxNodeMetrics(int nodeId) {
        this(ManagementFactory.getPlatformMBeanServer(), nodeId);
    }

    JmxNodeMetrics(MBeanServer server, int nodeId) {
        this.server = server;
        this.appInfo = name("kafka.server:type=app-info,id=" + nodeId);
    }

    public NodeMetrics read() {
        return new NodeMetrics(
                attribute(BROKER_STATE, "Value").map(v -> ((Number) v).intValue()),
                attribute(RAFT_METRICS, "current-state").map(String::valueOf),
                attribute(RAFT_METRICS, "current-leader").map(v -> ((Number) v).intValue()),
                attribute(appInfo, "Version").map(String::valueOf));
    }

    /** Empty when the MBean or attribute is not registered, which is normal while Kafka starts. */
    private Optional<Object> attribute(ObjectName name, String attribute) {
        try {
            return Optional.ofNullable(server.getAttribute(name, attribute));
        } catch (JMException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
