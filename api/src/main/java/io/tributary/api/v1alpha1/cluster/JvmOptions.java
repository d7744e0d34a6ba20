package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** JVM settings of a node. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class JvmOptions {
    @Pattern("^[1-9][0-9]*[kKmMgG]?$")
    @JsonPropertyDescription(
            "Heap size (-Xms and -Xmx) as the JVM writes it, for example 512m or 2g. Defaults to"
                    + " half the container's memory limit, or 512m when there is none.")
    private String heap;

    @Size(max = 32)
    @JsonPropertyDescription(
            "Further JVM arguments, for example -XX:+UseZGC. The heap is set with heap, not here.")
    private List<String> extraArgs = new ArrayList<>();

    public String getHeap() {
        return heap;
    }

    public void setHeap(String heap) {
        this.heap = heap;
    }

    public List<String> getExtraArgs() {
        return extraArgs;
    }

    public void setExtraArgs(List<String> extraArgs) {
        this.extraArgs = extraArgs;
    }
}
