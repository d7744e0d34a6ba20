package io.tributary.operator.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * The Prometheus registry the operator's metrics go to. JOSDK times reconciles with a percentile
 * histogram (some seventy buckets per controller); here they get a dozen buckets that say what
 * matters for a reconcile: milliseconds, seconds, a minute.
 */
public final class OperatorMetricsRegistry {
    private static final double[] RECONCILE_BUCKETS_SECONDS = {
        0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60
    };

    private OperatorMetricsRegistry() {}

    public static PrometheusMeterRegistry create() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(reconcileBuckets());
        return registry;
    }

    static MeterFilter reconcileBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(
                    Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().startsWith("operator.sdk.")) {
                    return config;
                }
                double[] nanos = new double[RECONCILE_BUCKETS_SECONDS.length];
                for (int i = 0; i < nanos.length; i++) {
                    nanos[i] = RECONCILE_BUCKETS_SECONDS[i] * Duration.ofSeconds(1).toNanos();
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(false)
                        .serviceLevelObjectives(nanos)
                        .build()
                        .merge(config);
            }
        };
    }
}
