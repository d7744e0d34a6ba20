package io.tributary.operator.rebalance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every invalid request is rejected with a message naming the field and the value. */
class RebalanceRequestTest {
    private static final List<Broker> BROKERS =
            List.of(Broker.withoutRack(0), Broker.withoutRack(1), Broker.withoutRack(2));
    private static final PartitionAssignment ORDERS_0 =
            new PartitionAssignment("orders", 0, List.of(0, 1));

    /** How to build the invalid value, and the message it must get. */
    interface Invalid {
        Object build();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(
                        "blank topic",
                        (Invalid) () -> new PartitionAssignment(" ", 0, List.of(0)),
                        "partitions: topic must not be blank"),
                Arguments.of(
                        "negative partition",
                        (Invalid) () -> new PartitionAssignment("orders", -1, List.of(0)),
                        "partitions[orders--1].partition: must not be negative"),
                Arguments.of(
                        "no replicas",
                        (Invalid) () -> new PartitionAssignment("orders", 0, List.of()),
                        "partitions[orders-0].replicas: must not be empty"),
                Arguments.of(
                        "a broker twice",
                        (Invalid) () -> new PartitionAssignment("orders", 0, List.of(1, 2, 1)),
                        "partitions[orders-0].replicas: broker 1 appears twice"),
                Arguments.of(
                        "a negative broker id",
                        (Invalid) () -> new PartitionAssignment("orders", 0, List.of(1, -2)),
                        "partitions[orders-0].replicas: -2 is not a broker id"),
                Arguments.of(
                        "a negative size",
                        (Invalid)
                                () ->
                                        new PartitionAssignment(
                                                "orders", 0, List.of(1), OptionalLong.of(-5)),
                        "partitions[orders-0].sizeBytes: must not be negative, was -5"),
                Arguments.of(
                        "a negative broker",
                        (Invalid) () -> Broker.withoutRack(-1),
                        "brokers[-1].id: must not be negative"),
                Arguments.of(
                        "a blank rack",
                        (Invalid) () -> new Broker(3, Optional.of("")),
                        "brokers[3].rack: must not be blank when set"),
                Arguments.of(
                        "a broker listed twice",
                        (Invalid)
                                () ->
                                        RebalanceRequest.of(
                                                List.of(ORDERS_0),
                                                List.of(
                                                        Broker.withoutRack(0),
                                                        Broker.withoutRack(1),
                                                        Broker.withoutRack(0))),
                        "brokers: broker 0 is listed twice"),
                Arguments.of(
                        "draining an unknown broker",
                        (Invalid)
                                () ->
                                        new RebalanceRequest(
                                                List.of(ORDERS_0), BROKERS, Set.of(7), Set.of()),
                        "draining: broker 7 is not among the brokers"),
                Arguments.of(
                        "adding an unknown broker",
                        (Invalid)
                                () ->
                                        new RebalanceRequest(
                                                List.of(ORDERS_0), BROKERS, Set.of(), Set.of(9)),
                        "added: broker 9 is not among the brokers"),
                Arguments.of(
                        "adding a broker that drains",
                        (Invalid)
                                () ->
                                        new RebalanceRequest(
                                                List.of(ORDERS_0), BROKERS, Set.of(2), Set.of(2)),
                        "added: broker 2 is also being drained"),
                Arguments.of(
                        "a partition listed twice",
                        (Invalid) () -> RebalanceRequest.of(List.of(ORDERS_0, ORDERS_0), BROKERS),
                        "partitions: orders-0 is listed twice"),
                Arguments.of(
                        "a replica on an unknown broker",
                        (Invalid)
                                () ->
                                        RebalanceRequest.of(
                                                List.of(
                                                        new PartitionAssignment(
                                                                "orders", 0, List.of(0, 5))),
                                                BROKERS),
                        "partitions[orders-0].replicas: broker 5 is not among the brokers"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void isRejectedNamingTheField(String name, Invalid invalid, String message) {
        assertThatThrownBy(invalid::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
