package io.tributary.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ConditionTest {
    private static final String JSON =
            "{\"type\":\"Ready\",\"status\":\"True\",\"reason\":\"Ready\",\"message\":\"the topic"
                    + " is as specified\",\"lastTransitionTime\":\"2026-12-01T10:00:00Z\","
                    + "\"observedGeneration\":1}";

    @Test
    void conditionsReadFromJsonShareTheirTextsSoThousandsOfResourcesKeepOneCopy() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Condition a = mapper.readValue(JSON, Condition.class);
        Condition b = mapper.readValue(JSON, Condition.class);

        assertThat(a.getMessage()).isSameAs(b.getMessage());
        assertThat(a.getReason()).isSameAs(b.getReason());
        assertThat(a.getType()).isSameAs(b.getType());
        assertThat(a.getLastTransitionTime()).isSameAs(b.getLastTransitionTime());
        assertThat(a.getObservedGeneration()).isEqualTo(1L);
    }

    @Test
    void absentTextsStayAbsent() {
        Condition condition = new Condition(Condition.READY, ConditionStatus.FALSE, null, null, 2L);

        assertThat(condition.getReason()).isNull();
        assertThat(condition.getMessage()).isNull();
    }
}
