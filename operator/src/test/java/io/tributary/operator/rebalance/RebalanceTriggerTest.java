package io.tributary.operator.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.v1alpha1.cluster.RebalanceStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RebalanceTriggerTest {
    private static final List<Integer> THREE = List.of(0, 1, 2);
    private static final List<Integer> FOUR = List.of(0, 1, 2, 3);

    @Test
    void aNewClusterRecordsItsBrokersOnceAllAreRegistered() {
        assertThat(decide(THREE, THREE, Set.of(0, 1), null, null, Optional.empty(), true, false))
                .isEqualTo(new RebalanceTrigger.Nothing());
        assertThat(decide(THREE, THREE, Set.of(0, 1, 2), null, null, Optional.empty(), true, false))
                .isEqualTo(new RebalanceTrigger.RecordBrokers(THREE));
    }

    @Test
    void aBalancedClusterStartsNothing() {
        assertThat(
                        decide(
                                THREE,
                                THREE,
                                Set.of(0, 1, 2),
                                THREE,
                                null,
                                Optional.empty(),
                                true,
                                false))
                .isEqualTo(new RebalanceTrigger.Nothing());
    }

    @Test
    void anAddedBrokerStartsAScaleUpOnceRegistered() {
        assertThat(decide(FOUR, FOUR, Set.of(0, 1, 2), THREE, null, Optional.empty(), true, false))
                .isEqualTo(new RebalanceTrigger.Nothing());
        assertThat(
                        decide(
                                FOUR,
                                FOUR,
                                Set.of(0, 1, 2, 3),
                                THREE,
                                null,
                                Optional.empty(),
                                true,
                                false))
                .isEqualTo(
                        new RebalanceTrigger.Start(
                                RebalanceStatus.SCALE_UP, FOUR, Set.of(3), Set.of(), false));
    }

    @Test
    void withoutAutoAnAddedBrokerWaitsForAPerson() {
        assertThat(
                        decide(
                                FOUR,
                                FOUR,
                                Set.of(0, 1, 2, 3),
                                THREE,
                                null,
                                Optional.empty(),
                                false,
                                false))
                .isEqualTo(new RebalanceTrigger.Nothing());
        assertThat(
                        decide(
                                FOUR,
                                FOUR,
                                Set.of(0, 1, 2, 3),
                                THREE,
                                null,
                                Optional.of("true"),
                                false,
                                false))
                .isEqualTo(
                        new RebalanceTrigger.Start(
                                RebalanceStatus.MANUAL, FOUR, Set.of(3), Set.of(), false));
    }

    @Test
    void fewerDesiredThanRunningDrainsTheHighestOrdinals() {
        assertThat(
                        decide(
                                THREE,
                                FOUR,
                                Set.of(0, 1, 2, 3),
                                FOUR,
                                null,
                                Optional.empty(),
                                true,
                                false))
                .isEqualTo(
                        new RebalanceTrigger.Start(
                                RebalanceStatus.SCALE_DOWN, THREE, Set.of(), Set.of(3), false));
    }

    @Test
    void aScaleDownIsNeverADryRun() {
        assertThat(
                        decide(
                                THREE,
                                FOUR,
                                Set.of(0, 1, 2, 3),
                                FOUR,
                                null,
                                Optional.of("dry-run"),
                                true,
                                false))
                .isEqualTo(
                        new RebalanceTrigger.Start(
                                RebalanceStatus.SCALE_DOWN, THREE, Set.of(), Set.of(3), false));
    }

    @Test
    void aDryRunProposesAndARequestRebalancesWhatIsThere() {
        assertThat(
                        decide(
                                THREE,
                                THREE,
                                Set.of(0, 1, 2),
                                THREE,
                                null,
                                Optional.of(" Dry-Run "),
                                true,
                                false))
                .isEqualTo(
                        new RebalanceTrigger.Start(
                                RebalanceStatus.MANUAL, THREE, Set.of(), Set.of(), true));
        assertThat(
                        decide(
                                THREE,
                                THREE,
                                Set.of(0, 1, 2),
                                THREE,
                                null,
                                Optional.of("TRUE"),
                                true,
                                false))
                .isEqualTo(
                        new RebalanceTrigger.Start(
                                RebalanceStatus.MANUAL, THREE, Set.of(), Set.of(), false));
        assertThat(
                        decide(
                                THREE,
                                THREE,
                                Set.of(0, 1, 2),
                                THREE,
                                null,
                                Optional.of("no"),
                                true,
                                false))
                .isEqualTo(new RebalanceTrigger.Nothing());
    }

    @Test
    void nothingStartsDuringARollOrAnotherRebalance() {
        assertThat(
                        decide(
                                THREE,
                                FOUR,
                                Set.of(0, 1, 2, 3),
                                FOUR,
                                null,
                                Optional.empty(),
                                true,
                                true))
                .isInstanceOf(RebalanceTrigger.Wait.class);
        RebalanceStatus moving = new RebalanceStatus();
        moving.setState(RebalanceStatus.MOVING);
        assertThat(
                        decide(
                                THREE,
                                FOUR,
                                Set.of(0, 1, 2, 3),
                                FOUR,
                                moving,
                                Optional.empty(),
                                true,
                                false))
                .isEqualTo(new RebalanceTrigger.Nothing());
    }

    @Test
    void aProposalIsReplacedWhenAskedAgain() {
        RebalanceStatus proposed = new RebalanceStatus();
        proposed.setState(RebalanceStatus.PROPOSED);
        assertThat(
                        decide(
                                THREE,
                                THREE,
                                Set.of(0, 1, 2),
                                THREE,
                                proposed,
                                Optional.of("true"),
                                true,
                                false))
                .isInstanceOf(RebalanceTrigger.Start.class);
    }

    @Test
    void theAnnotationIsReadFromTheResource() {
        assertThat(RebalanceTrigger.annotation(Map.of(RebalanceTrigger.ANNOTATION, "true")))
                .contains("true");
        assertThat(RebalanceTrigger.annotation(null)).isEmpty();
    }

    private static RebalanceTrigger.Decision decide(
            List<Integer> desired,
            List<Integer> running,
            Set<Integer> registered,
            List<Integer> balanced,
            RebalanceStatus rebalance,
            Optional<String> annotation,
            boolean auto,
            boolean rolling) {
        return RebalanceTrigger.decide(
                new RebalanceTrigger.Inputs(
                        desired,
                        running,
                        registered,
                        balanced,
                        rebalance,
                        annotation,
                        auto,
                        rolling));
    }
}
