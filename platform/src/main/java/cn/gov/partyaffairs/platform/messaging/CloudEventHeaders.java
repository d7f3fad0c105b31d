package cn.gov.partyaffairs.platform.messaging;

/** CloudEvents 1.0 Kafka protocol binding, binary mode: attributes travel as {@code ce_} headers. */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** Extension attribute: the aggregate's version after this event (1, 2, 3 ...). */
    public static final String AGGREGATE_VERSION = "ce_aggregateversion";
    /** Extension attribute: who caused the event (an account, a system's client id, {@code public}, or the service). */
    public static final String ACTOR = "ce_actor";
    /** Extension attribute: what kind of actor that is ({@link cn.gov.partyaffairs.platform.audit.Actor.Kind}). */
    public static final String ACTOR_KIND = "ce_actorkind";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }
}
