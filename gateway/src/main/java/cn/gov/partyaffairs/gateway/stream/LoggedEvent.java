package cn.gov.partyaffairs.gateway.stream;

import cn.gov.partyaffairs.gateway.EventLogEntry;

import io.vertx.core.buffer.Buffer;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of the event log as the streams serve it, read once per replica and shared by every subscriber:
 * {@code frame} is the whole Server-Sent-Events frame already written (id, event name, JSON data), so ten thousand
 * viewers cost one serialization and one buffer.
 */
public record LoggedEvent(long seq, String eventId, String type, String source, UUID subject, long aggregateVersion,
                          OffsetDateTime occurredAt, OffsetDateTime recordedAt, EventLogEntry.Audience audience,
                          String organizationCode, String departmentCode, Buffer frame) {

    /** {@code cn.gov.partyaffairs.disclosure.DisclosurePublished.v1} → {@code DisclosurePublished}. */
    static String shortType(String type) {
        String[] parts = type.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : type;
    }

    boolean visibleTo(StreamScope scope) {
        if (scope.everything() || audience == EventLogEntry.Audience.PUBLIC) {
            return true;
        }
        return scope.organizationCode() != null && scope.organizationCode().equals(organizationCode)
                || scope.departmentCode() != null && scope.departmentCode().equals(departmentCode)
                || scope.supervision() && "supervision-service".equals(source);
    }
}
