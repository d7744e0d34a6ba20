package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One kind the API server serves at one group/version: its names, scope, subresources and, for
 * custom resources, the printer columns of its CRD.
 *
 * @param hasGeneration whether {@code metadata.generation} is kept (kinds with a spec)
 * @param printerColumns the CRD's {@code additionalPrinterColumns}, {@code null} for built-ins
 * @param custom whether the kind comes from a CustomResourceDefinition
 */
record ResourceType(
        String group,
        String version,
        String kind,
        String plural,
        String singular,
        boolean namespaced,
        List<String> shortNames,
        List<String> categories,
        boolean statusSubresource,
        boolean scaleSubresource,
        boolean hasGeneration,
        JsonNode printerColumns,
        boolean custom) {

    static final List<String> VERBS =
            List.of(
                    "create",
                    "delete",
                    "deletecollection",
                    "get",
                    "list",
                    "patch",
                    "update",
                    "watch");

    /** {@code v1} for the core group, {@code group/version} otherwise. */
    String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** Where objects of this kind live in the store, the same for every version of a CRD. */
    String storageKey() {
        return group + "/" + plural;
    }

    /** The resource as messages name it: {@code pods}, {@code kafkatopics.kafka.tributary.io}. */
    String groupResource() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    String listKind() {
        return kind + "List";
    }

    /** Whether the kind is the one an object in the store was written as. */
    boolean servesAs(JsonNode object) {
        return apiVersion().equals(Json.text(object, "apiVersion"));
    }
}
