package cn.gov.partyaffairs.bench.chaos;

import cn.gov.partyaffairs.bench.suite.SuiteAccess;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * After the campaign, once everything has settled: in the databases, every acknowledged command against where it
 * must be. Each finding is a line saying what is wrong where; the counts are the table's lost, duplicated and gaps.
 * <ul>
 *   <li><b>lost</b>: an acknowledged (aggregate, version) missing from its owner's outbox, from the gateway's event
 *   log or read-model position, or (registrations) from an organization register;</li>
 *   <li><b>duplicated</b>: one aggregate version twice in an outbox or in the gateway's log; a counter that is not the
 *   count of its rows (a disclosure's comments); more rows than the owner sent (a commitment's progress reports in
 *   the gateway against the reports the commitment service sent; this run's organizations in the gateway and in each
 *   register against the disclosure service's) — fewer count as lost;</li>
 *   <li><b>gaps</b>: an aggregate whose versions are not 1…n without a hole, in its owner's outbox or in the
 *   gateway's log, or whose latest version differs between the two.</li>
 * </ul>
 */
final class Checks {

    record Outcome(long lost, long duplicated, long gaps, long aggregates, List<String> findings) {
    }

    private final SuiteAccess suite;
    private long lost;
    private long duplicated;
    private long gaps;
    private final List<String> findings = new ArrayList<>();

    Checks(SuiteAccess suite) {
        this.suite = suite;
    }

    Outcome check(List<Ledger.Ack> acks, List<UUID> commitments, String codePrefix) throws SQLException {
        Map<String, Set<UUID>> byOwner = new TreeMap<>();
        Set<UUID> all = new HashSet<>();
        Map<UUID, Long> registered = new HashMap<>();
        for (Ledger.Ack ack : acks) {
            byOwner.computeIfAbsent(ack.owner(), k -> new HashSet<>()).add(ack.aggregate());
            all.add(ack.aggregate());
            if (ack.replicated()) {
                registered.merge(ack.aggregate(), ack.version(), Math::max);
            }
        }
        // Versions per aggregate: owner's outbox, then the gateway's log.
        Map<UUID, Map<Long, Long>> outbox = new HashMap<>();
        for (var owner : byOwner.entrySet()) {
            outbox.putAll(versions(owner.getKey(), "SELECT aggregate_id, aggregate_version, count(*) FROM outbox_event"
                    + " WHERE aggregate_id = ANY (?) GROUP BY 1, 2", List.copyOf(owner.getValue())));
        }
        Map<UUID, Map<Long, Long>> log = versions("gateway", "SELECT subject, aggregate_version, count(*) FROM event_log"
                + " WHERE subject = ANY (?) GROUP BY 1, 2", List.copyOf(all));
        Map<UUID, Long> position = new ReadModels(suite).positions("gateway", ReadModels.GATEWAY, List.copyOf(all));

        for (Ledger.Ack ack : acks) {
            if (!outbox.getOrDefault(ack.aggregate(), Map.of()).containsKey(ack.version())) {
                lost("%s %s v%d acknowledged (%s) but not in %s's outbox", ack.command(), ack.aggregate(), ack.version(),
                        ack.route(), ack.owner());
            }
            if (!log.getOrDefault(ack.aggregate(), Map.of()).containsKey(ack.version())
                    || position.getOrDefault(ack.aggregate(), 0L) < ack.version()) {
                lost("%s %s v%d acknowledged (%s) but not in the gateway's read models", ack.command(), ack.aggregate(),
                        ack.version(), ack.route());
            }
        }
        for (UUID aggregate : all) {
            Map<Long, Long> sent = outbox.getOrDefault(aggregate, Map.of());
            Map<Long, Long> applied = log.getOrDefault(aggregate, Map.of());
            versionsOnce(aggregate, "the owner's outbox", sent);
            versionsOnce(aggregate, "the gateway's event log", applied);
            long latest = sent.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
            long latestApplied = applied.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
            if (latest != latestApplied) {
                gap("%s: version %d in its owner's outbox, %d in the gateway's event log", aggregate, latest, latestApplied);
            }
        }
        registers(registered);
        counters(commitments, codePrefix);
        return new Outcome(lost, duplicated, gaps, all.size(), findings);
    }

    /** Each version once, and 1…n without a hole. */
    private void versionsOnce(UUID aggregate, String where, Map<Long, Long> versions) {
        for (var version : versions.entrySet()) {
            if (version.getValue() > 1) {
                duplicated("%s v%d %d times in %s", aggregate, version.getKey(), version.getValue(), where);
            }
        }
        long max = versions.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        for (long v = 1; v <= max; v++) {
            if (!versions.containsKey(v)) {
                gap("%s: v%d missing in %s (it has up to v%d)", aggregate, v, where, max);
            }
        }
    }

    /** Every acknowledged registration in each service's copy of the register, applied up to its version. */
    private void registers(Map<UUID, Long> registered) throws SQLException {
        if (registered.isEmpty()) {
            return;
        }
        for (var register : ReadModels.REGISTERS.entrySet()) {
            Map<UUID, Long> positions = new ReadModels(suite).positions(register.getKey(), register.getValue(),
                    List.copyOf(registered.keySet()));
            Set<UUID> copied = ids(register.getKey(), "SELECT id FROM known_organization WHERE id = ANY (?)",
                    List.copyOf(registered.keySet()));
            for (var organization : registered.entrySet()) {
                if (!copied.contains(organization.getKey())
                        || positions.getOrDefault(organization.getKey(), 0L) < organization.getValue()) {
                    lost("organization %s registered (acknowledged) but not in %s's register", organization.getKey(),
                            register.getKey());
                }
            }
        }
    }

    /** Counters against the rows they count: an effect applied twice shows here. */
    private void counters(List<UUID> commitments, String codePrefix) throws SQLException {
        long commentCounts = single("gateway", """
                SELECT count(*) FROM disclosure_view d
                WHERE comment_count <> (SELECT count(*) FROM comment_view c WHERE c.disclosure_id = d.id)""");
        if (commentCounts > 0) {
            duplicated("%d disclosures whose comment count is not the number of their approved comments", commentCounts);
        }
        if (!commitments.isEmpty()) {
            Map<UUID, Long> reported = counts("commitment-service", """
                    SELECT aggregate_id, count(*) FROM outbox_event WHERE aggregate_id = ANY (?)
                      AND event_type LIKE '%.CommitmentProgressReported.%' GROUP BY 1""", commitments);
            Map<UUID, Long> shown = counts("gateway", """
                    SELECT commitment_id, count(*) FROM progress_view WHERE commitment_id = ANY (?) GROUP BY 1""", commitments);
            for (UUID commitment : commitments) {
                long sent = reported.getOrDefault(commitment, 0L);
                long rows = shown.getOrDefault(commitment, 0L);
                if (rows > sent) {
                    duplicated("commitment %s: %d progress reports sent, %d in the gateway's progress_view", commitment, sent, rows);
                } else if (rows < sent) {
                    lost("commitment %s: %d progress reports sent, only %d in the gateway's progress_view", commitment, sent, rows);
                }
            }
        }
        String like = "'" + codePrefix.replace("'", "''") + "%'";
        long owned = single("disclosure-service", "SELECT count(*) FROM organization WHERE code LIKE " + like);
        Map<String, Long> copies = new LinkedHashMap<>();
        copies.put("gateway's organization_view", single("gateway", "SELECT count(*) FROM organization_view WHERE code LIKE " + like));
        for (String register : ReadModels.REGISTERS.keySet()) {
            copies.put(register + "'s register", single(register, "SELECT count(*) FROM known_organization WHERE code LIKE " + like));
        }
        copies.forEach((where, count) -> {
            if (count > owned) {
                duplicated("%d of this run's organizations in the %s, %d in the disclosure service's register", count, where, owned);
            } else if (count < owned) {
                lost("%d of this run's organizations in the %s, %d in the disclosure service's register", count, where, owned);
            }
        });
    }

    private Map<UUID, Map<Long, Long>> versions(String part, String sql, List<UUID> aggregates) throws SQLException {
        Map<UUID, Map<Long, Long>> versions = new HashMap<>();
        if (aggregates.isEmpty()) {
            return versions;
        }
        try (Connection c = suite.connect(suite.database(part)); var statement = c.prepareStatement(sql)) {
            statement.setArray(1, c.createArrayOf("uuid", aggregates.toArray()));
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    versions.computeIfAbsent(rows.getObject(1, UUID.class), k -> new HashMap<>())
                            .put(rows.getLong(2), rows.getLong(3));
                }
            }
        }
        return versions;
    }

    private Map<UUID, Long> counts(String part, String sql, List<UUID> aggregates) throws SQLException {
        Map<UUID, Long> counts = new HashMap<>();
        try (Connection c = suite.connect(suite.database(part)); var statement = c.prepareStatement(sql)) {
            statement.setArray(1, c.createArrayOf("uuid", aggregates.toArray()));
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getObject(1, UUID.class), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    private Set<UUID> ids(String part, String sql, List<UUID> aggregates) throws SQLException {
        return counts(part, sql.replace("SELECT id FROM", "SELECT id, 1 FROM"), aggregates).keySet();
    }

    private long single(String part, String sql) throws SQLException {
        try (Connection c = suite.connect(suite.database(part)); var statement = c.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void lost(String format, Object... args) {
        lost++;
        note("LOST", format, args);
    }

    private void duplicated(String format, Object... args) {
        duplicated++;
        note("TWICE", format, args);
    }

    private void gap(String format, Object... args) {
        gaps++;
        note("GAP", format, args);
    }

    private void note(String kind, String format, Object... args) {
        if (findings.size() < 50) {
            findings.add(kind + ": " + String.format(format, args));
        }
    }
}
