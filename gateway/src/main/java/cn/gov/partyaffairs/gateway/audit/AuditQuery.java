package cn.gov.partyaffairs.gateway.audit;

import cn.gov.partyaffairs.platform.rest.PageResult;
import cn.gov.partyaffairs.platform.time.TimeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads the audit trail, newest first, narrowed by organization, actor, action and a period of days in the county. */
@ApplicationScoped
public class AuditQuery {

    /**
     * @param organization an organization's code (its own entries; supervision's by the unit's code)
     * @param actor        an account, a system's client id, {@code public}, or a service's name
     * @param action       a short event type or a gateway action ({@link AuditActions})
     * @param from         the first day, in the county
     * @param to           the last day, in the county, included
     */
    @Schema(name = "AuditFilter")
    public record Filter(String organization, String actor, String action, LocalDate from, LocalDate to) {
    }

    @Schema(name = "AuditEntry")
    public record Entry(long seq, OffsetDateTime at, String actor, String actorKind, String action, String actionLabel,
                        String actionLabelEn, String source, String subject, String subjectLabel,
                        String organizationCode, String departmentCode, String reason) {
    }

    private final DataSource database;
    private final TimeConfig time;

    public AuditQuery(DataSource database, TimeConfig time) {
        this.database = database;
        this.time = time;
    }

    public PageResult<Entry> page(Filter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        List<Entry> entries = new ArrayList<>();
        long total;
        try (Connection c = database.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM audit_entry" + where
                    + " ORDER BY occurred_at DESC, seq DESC LIMIT ? OFFSET ?")) {
                int i = bind(s, params);
                s.setInt(i++, size);
                s.setLong(i, (long) page * size);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        entries.add(entry(rows));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM audit_entry" + where)) {
                bind(s, params);
                try (ResultSet rows = s.executeQuery()) {
                    rows.next();
                    total = rows.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit trail", e);
        }
        return new PageResult<>(entries, page, size, total);
    }

    /** Every matching entry, newest first, read with a cursor (an export of years holds no more than a batch). */
    public void each(Filter filter, Consumer<Entry> sink) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM audit_entry" + where
                    + " ORDER BY occurred_at DESC, seq DESC")) {
                s.setFetchSize(500);
                bind(s, params);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(entry(rows));
                    }
                }
            } finally {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit trail", e);
        }
    }

    private String where(Filter filter, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (present(filter.organization())) {
            conditions.add("organization_code = ?");
            params.add(filter.organization().strip());
        }
        if (present(filter.actor())) {
            conditions.add("actor = ?");
            params.add(filter.actor().strip());
        }
        if (present(filter.action())) {
            conditions.add("action = ?");
            params.add(filter.action().strip());
        }
        if (filter.from() != null) {
            conditions.add("occurred_at >= ?");
            params.add(filter.from().atStartOfDay(time.zone()).toOffsetDateTime());
        }
        if (filter.to() != null) {
            conditions.add("occurred_at < ?");
            params.add(filter.to().plusDays(1).atStartOfDay(time.zone()).toOffsetDateTime());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static int bind(PreparedStatement s, List<Object> params) throws SQLException {
        int i = 1;
        for (Object param : params) {
            s.setObject(i++, param);
        }
        return i;
    }

    private static Entry entry(ResultSet row) throws SQLException {
        String action = row.getString("action");
        AuditActions.Label label = AuditActions.of(action);
        return new Entry(row.getLong("seq"), row.getObject("occurred_at", OffsetDateTime.class), row.getString("actor"),
                row.getString("actor_kind"), action, label.zh(), label.en(), row.getString("source"),
                row.getString("subject"), row.getString("subject_label"), row.getString("organization_code"),
                row.getString("department_code"), row.getString("reason"));
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
