package cn.gov.partyaffairs.gateway.stream;

import cn.gov.partyaffairs.gateway.EventLogEntry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the event log in seq order with plain JDBC, and writes each row's stream frame once. */
@ApplicationScoped
public class EventLogReader {

    private static final String COLUMNS = "seq, event_id, type, source, subject, aggregate_version, occurred_at, "
            + "recorded_at, audience, organization_code, department_code, data";

    private final ObjectMapper mapper;

    public EventLogReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** What a stream client receives of one event; {@code data} is the event's own JSON body. */
    public record StreamedEvent(long seq, String id, String type, UUID subject, long aggregateVersion,
                                OffsetDateTime time, String organizationCode, JsonNode data) {
    }

    /** The newest seq in the log: where a client without a Last-Event-ID starts. */
    long head(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT coalesce(max(seq), 0) FROM event_log");
             ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Up to {@code limit} rows after {@code after}; {@code publicOnly} leaves the officials' ones in the database. */
    List<LoggedEvent> after(Connection connection, long after, int limit, boolean publicOnly) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM event_log WHERE seq > ?"
                + (publicOnly ? " AND audience = 'PUBLIC'" : "") + " ORDER BY seq LIMIT ?";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, after);
            s.setInt(2, limit);
            List<LoggedEvent> events = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    events.add(event(rows));
                }
            }
            return events;
        }
    }

    private LoggedEvent event(ResultSet row) throws SQLException {
        long seq = row.getLong("seq");
        String eventId = row.getString("event_id");
        String type = row.getString("type");
        UUID subject = row.getObject("subject", UUID.class);
        long version = row.getLong("aggregate_version");
        OffsetDateTime occurred = row.getObject("occurred_at", OffsetDateTime.class);
        String organization = row.getString("organization_code");
        Buffer frame;
        try {
            String data = mapper.writeValueAsString(new StreamedEvent(seq, eventId, type, subject, version, occurred,
                    organization, mapper.readTree(row.getString("data"))));
            frame = Buffer.buffer("id: " + seq + "\nevent: " + LoggedEvent.shortType(type) + "\ndata: " + data + "\n\n");
        } catch (Exception e) {
            throw new SQLException("unreadable event log entry " + seq, e);
        }
        return new LoggedEvent(seq, eventId, type, row.getString("source"), subject, version, occurred,
                row.getObject("recorded_at", OffsetDateTime.class), EventLogEntry.Audience.valueOf(row.getString("audience")),
                organization, row.getString("department_code"), frame);
    }
}
