package io.tributary.operator.kafka;

/** The brokers could not be asked, or did not answer in time; the message says which. */
public class KafkaUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
