package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * {@code authorization.k8s.io/v1} self reviews, which clients send to learn what they may do (JOSDK
 * does before it competes for a Lease). The sandbox authorises everything, so every review answers
 * that everything is allowed, as it would for a cluster administrator. Nothing is stored.
 */
final class AccessReviews {
    static final String GROUP_PATH = "/apis/authorization.k8s.io/v1/";
    static final List<String> KINDS =
            List.of("selfsubjectrulesreviews", "selfsubjectaccessreviews");

    private AccessReviews() {}

    static boolean isReview(ApiRequest request) {
        return request.path().startsWith(GROUP_PATH)
                && KINDS.contains(request.path().substring(GROUP_PATH.length()));
    }

    static ObjectNode answer(ApiRequest request) {
        if (!request.method().equals("POST")) {
            throw ApiError.methodNotAllowed(
                    "the server does not allow this method on the requested resource");
        }
        ObjectNode review;
        try {
            review = (ObjectNode) Json.MAPPER.readTree(request.body());
        } catch (IOException | ClassCastException e) {
            throw ApiError.badRequest("the review is not a JSON object");
        }
        if (review == null) {
            throw ApiError.badRequest("the review is empty");
        }
        ObjectNode status = review.putObject("status");
        if (request.path().endsWith("selfsubjectaccessreviews")) {
            status.put("allowed", true).put("reason", "the sandbox authorises every request");
            return review;
        }
        ArrayNode rules = status.putArray("resourceRules");
        ObjectNode all = rules.addObject();
        all.putArray("verbs").add("*");
        all.putArray("apiGroups").add("*");
        all.putArray("resources").add("*");
        ObjectNode urls = status.putArray("nonResourceRules").addObject();
        urls.putArray("verbs").add("*");
        urls.putArray("nonResourceURLs").add("*");
        status.put("incomplete", false);
        return review;
    }
}
