package io.tributary.sandbox.apiserver;

import io.fabric8.mockwebserver.http.MockResponse;
import java.util.function.Consumer;

/**
 * A response whose body is written over time as HTTP chunks (a watch, a followed log), which
 * fabric8's {@code MockResponse} cannot express: {@link HttpFront} sends the status and headers,
 * then hands the producer a {@link Chunks} to write to.
 */
final class StreamingResponse extends MockResponse {

    /** The body of a streaming response, written from any thread. */
    interface Chunks {
        void write(String chunk);

        void end();

        /** Runs when the client goes away or the response ends. */
        void onClose(Runnable action);

        /** Runs blocking work (reading a log) off the event loop. */
        void runBlocking(Runnable work);
    }

    private final Consumer<Chunks> producer;

    StreamingResponse(String contentType, Consumer<Chunks> producer) {
        this.producer = producer;
        setResponseCode(200);
        setHeader("Content-Type", contentType);
    }

    void start(Chunks chunks) {
        producer.accept(chunks);
    }
}
