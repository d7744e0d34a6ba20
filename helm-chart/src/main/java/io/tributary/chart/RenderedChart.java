package io.tributary.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** What {@code helm template} rendered, as Kubernetes objects. */
public final class RenderedChart {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<HasMetadata> objects;

    private RenderedChart(List<HasMetadata> objects) {
        this.objects = List.copyOf(objects);
    }

    /** Parses every document of a multi-document YAML stream. */
    static RenderedChart parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        try (var parser = YAML.createParser(yaml)) {
            var documents = YAML.readValues(parser, JsonNode.class);
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                KubernetesResource resource =
                        Serialization.unmarshal(document.toString(), KubernetesResource.class);
                objects.add((HasMetadata) resource);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("helm template rendered YAML that does not parse", e);
        }
        return new RenderedChart(objects);
    }

    public List<HasMetadata> all() {
        return objects;
    }

    /** The objects of a kind, for example {@code Role}. */
    public List<HasMetadata> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.getKind())).toList();
    }

    /** The objects of a type. */
    public <T extends HasMetadata> List<T> of(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The one object of a type; fails when there are none or several. */
    public <T extends HasMetadata> T one(Class<T> type) {
        List<T> found = of(type);
        if (found.size() != 1) {
            throw new IllegalStateException(
                    "expected one " + type.getSimpleName() + ", rendered " + found.size());
        }
        return found.get(0);
    }

    /** The operator's Deployment. */
    public Deployment deployment() {
        return one(Deployment.class);
    }

    /** The operator's container in its Deployment. */
    public Container operatorContainer() {
        return deployment().getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals("operator"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no container named operator"));
    }

    /** The RBAC the operator's service account gets from these objects. */
    public RbacRules rbac() {
        String account = deployment().getSpec().getTemplate().getSpec().getServiceAccountName();
        return RbacRules.of(objects, account, HelmChart.NAMESPACE);
    }
}
