package io.tributary.e2e;

import io.tributary.chart.ApiAccess;
import io.tributary.chart.HelmChart;
import io.tributary.chart.RbacRules;
import io.tributary.sandbox.apiserver.ApiCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks the calls the operator made on the sandbox against the RBAC the Helm chart grants it with
 * its default values (rendered by Helm itself), so that a call an IT exercises and the chart does
 * not allow fails the build, naming the call.
 */
final class ChartRbac {
    private static RbacRules rules;

    private ChartRbac() {}

    private static synchronized RbacRules rules() {
        if (rules == null) {
            rules = HelmChart.inRepository().renderDefaults().rbac();
        }
        return rules;
    }

    static ApiAccess access(ApiCall call) {
        return call.path() != null
                ? ApiAccess.nonResource(call.verb(), call.path())
                : ApiAccess.resource(
                        call.verb(),
                        call.group(),
                        call.resource(),
                        call.subresource(),
                        call.namespace());
    }

    /** The calls the chart's RBAC does not allow. */
    static List<ApiAccess> refused(Collection<ApiCall> calls) {
        return calls.stream()
                .map(ChartRbac::access)
                .filter(a -> !rules().allows(a))
                .sorted(Comparator.comparing(ApiAccess::toString))
                .toList();
    }

    /** Writes the calls, one a line, for a person to read. */
    static void write(Collection<ApiCall> calls, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, calls.stream().map(c -> access(c).toString()).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails naming every call the chart's RBAC does not allow. */
    static void requireAllowed(String where, Collection<ApiCall> calls) {
        List<ApiAccess> refused = refused(calls);
        if (!refused.isEmpty()) {
            throw new AssertionError(
                    "The operator made calls in "
                            + where
                            + " that the Helm chart's RBAC (helm-chart/templates/_helpers.tpl,"
                            + " tributary.rules) does not allow:\n  "
                            + refused.stream()
                                    .map(ApiAccess::toString)
                                    .collect(Collectors.joining("\n  ")));
        }
    }
}
