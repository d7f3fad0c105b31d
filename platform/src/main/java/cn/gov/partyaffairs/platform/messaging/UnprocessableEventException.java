package cn.gov.partyaffairs.platform.messaging;

/** A message that no retry can ever apply: it goes to the dead-letter topic with this message as the reason. */
public class UnprocessableEventException extends RuntimeException {
    public UnprocessableEventException(String message) {
        super(message);
    }

    public UnprocessableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
