package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fabric8 mock-server {@link Dispatcher} of the sandbox API server: routes each request to
 * discovery, OpenAPI, or a resource handler, and turns refusals into {@code v1 Status} responses.
 */
final class ApiDispatcher extends Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);

    private final ResourceTypeRegistry registry;
    private final DiscoveryDocuments discovery;
    private final OpenApiDocuments openApi;
    private final ReadHandler reads;
    private final WriteHandler writes;
    private final WatchHandler watches;
    private final PodLogHandler logs;
    private final ScaleSubresource scale;
    private final ApiCallRecord record;

    ApiDispatcher(
            ResourceTypeRegistry registry,
            DiscoveryDocuments discovery,
            ReadHandler reads,
            WriteHandler writes,
            WatchHandler watches,
            PodLogHandler logs,
            ScaleSubresource scale,
            ApiCallRecord record) {
        this.registry = registry;
        this.record = record;
        this.discovery = discovery;
        this.openApi = new OpenApiDocuments(registry);
        this.reads = reads;
        this.writes = writes;
        this.watches = watches;
        this.logs = logs;
        this.scale = scale;
    }

    @Override
    public MockResponse dispatch(RecordedRequest recorded) {
        ApiRequest request = ApiRequest.of(recorded);
        try {
            return route(request);
        } catch (ApiError error) {
            return ApiResponses.error(error);
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", request.method(), recorded.getPath(), e);
            ObjectNode status = ApiError.badRequest("").toStatus();
            status.put("reason", "InternalError").put("code", 500);
            status.put("message", "Internal error occurred: " + e);
            return ApiResponses.json(500, status);
        }
    }

    private MockResponse route(ApiRequest request) {
        List<String> segments = request.segments();
        boolean recorded = record.wanted(request);
        if (AccessReviews.isReview(request)) {
            if (recorded) {
                record.add(ApiCall.create("authorization.k8s.io", request.segments().get(3)));
            }
            return ApiResponses.json(201, AccessReviews.answer(request));
        }
        if (ResourcePath.isResourcePath(segments)) {
            ResourcePath path = ResourcePath.parse(segments, registry);
            if (recorded) {
                record.add(ApiCall.of(request, path));
            }
            return resource(request, path);
        }
        if (recorded) {
            record.add(ApiCall.nonResource(request));
        }
        if (!request.method().equals("GET")) {
            throw ApiError.methodNotAllowed(
                    "the server does not allow this method on the requested resource");
        }
        String path = request.path();
        return switch (path) {
            case "/version" -> ApiResponses.json(200, discovery.version());
            case "/healthz", "/readyz", "/livez" -> ApiResponses.text(200, "ok");
            case "/api" -> ApiResponses.json(200, discovery.coreVersions());
            case "/apis" -> ApiResponses.json(200, discovery.groups());
            case "/openapi/v3" -> ApiResponses.json(200, openApi.index());
            default -> document(segments);
        };
    }

    private MockResponse document(List<String> segments) {
        ObjectNode document = null;
        int size = segments.size();
        if (size == 2 && segments.get(0).equals("api")) {
            document = discovery.resources("", segments.get(1));
        } else if (size == 2 && segments.get(0).equals("apis")) {
            document = discovery.group(segments.get(1));
        } else if (size == 3 && segments.get(0).equals("apis")) {
            document = discovery.resources(segments.get(1), segments.get(2));
        } else if (size == 4 && segments.subList(0, 3).equals(List.of("openapi", "v3", "api"))) {
            document = openApi.document("", segments.get(3));
        } else if (size == 5 && segments.subList(0, 3).equals(List.of("openapi", "v3", "apis"))) {
            document = openApi.document(segments.get(3), segments.get(4));
        }
        if (document == null) {
            throw ApiError.notFound("the server could not find the requested resource");
        }
        return ApiResponses.json(200, document);
    }

    private MockResponse resource(ApiRequest request, ResourcePath path) {
        String method = request.method();
        String subresource = path.subresource();
        if (subresource != null) {
            return subresource(request, path, subresource);
        }
        return switch (method) {
            case "GET" -> {
                if (request.flag("watch")) {
                    yield watches.watch(request, path);
                }
                yield path.name() == null ? reads.list(request, path) : reads.get(request, path);
            }
            case "POST" -> writes.create(request, path);
            case "PUT" -> writes.replace(request, path, false);
            case "PATCH" -> writes.patch(request, path, false);
            case "DELETE" -> writes.delete(request, path);
            default ->
                    throw ApiError.methodNotAllowed(
                            "the server does not allow this method on the requested resource");
        };
    }

    private MockResponse subresource(ApiRequest request, ResourcePath path, String subresource) {
        ResourceType type = path.type();
        String method = request.method();
        if (subresource.equals("status") && type.statusSubresource()) {
            return switch (method) {
                case "GET" -> reads.get(request, path);
                case "PUT" -> writes.replace(request, path, true);
                case "PATCH" -> writes.patch(request, path, true);
                default ->
                        throw ApiError.methodNotAllowed(
                                "the server does not allow this method on the requested resource");
            };
        }
        if (subresource.equals("scale") && type.scaleSubresource() && !type.custom()) {
            return switch (method) {
                case "GET" -> scale.get(path);
                case "PUT" -> scale.write(request, path, false);
                case "PATCH" -> scale.write(request, path, true);
                default ->
                        throw ApiError.methodNotAllowed(
                                "the server does not allow this method on the requested resource");
            };
        }
        if (subresource.equals("log")
                && type.group().isEmpty()
                && type.plural().equals("pods")
                && method.equals("GET")) {
            return logs.log(request, path);
        }
        throw ApiError.notFound("the server could not find the requested resource");
    }
}
