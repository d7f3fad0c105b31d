package cn.gov.partyaffairs.bench.chaos;

import cn.gov.partyaffairs.bench.suite.SuiteAccess;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where an acknowledged command must arrive besides its owner: the gateway's read models (every command) and the
 * organization registers the commitment and supervision services keep (every registration). Each consumer records
 * the last version of each aggregate it has applied ({@code aggregate_position}, platform's idempotent consumer), in
 * the same transaction as the effect, so a version there means the effect is there.
 */
final class ReadModels {

    /** Consumer names as the services record them (ReadModel.CONSUMER, the services' DisclosureEventsConsumer). */
    static final String GATEWAY = "gateway-read-model";
    static final Map<String, String> REGISTERS = Map.of(
            "commitment-service", "commitment-disclosure-events",
            "supervision-service", "supervision-disclosure-events");

    private final SuiteAccess suite;

    ReadModels(SuiteAccess suite) {
        this.suite = suite;
    }

    /** Those of {@code acks} every read model holds now; throws while a database cannot be reached. */
    List<Ledger.Ack> held(Collection<Ledger.Ack> acks) throws SQLException {
        List<UUID> all = new ArrayList<>();
        List<UUID> replicated = new ArrayList<>();
        for (Ledger.Ack ack : acks) {
            all.add(ack.aggregate());
            if (ack.replicated()) {
                replicated.add(ack.aggregate());
            }
        }
        Map<UUID, Long> gateway = positions("gateway", GATEWAY, all);
        List<Map<UUID, Long>> registers = new ArrayList<>();
        for (var register : REGISTERS.entrySet()) {
            registers.add(positions(register.getKey(), register.getValue(), replicated));
        }
        List<Ledger.Ack> held = new ArrayList<>();
        for (Ledger.Ack ack : acks) {
            boolean everywhere = gateway.getOrDefault(ack.aggregate(), 0L) >= ack.version();
            if (ack.replicated()) {
                for (Map<UUID, Long> register : registers) {
                    everywhere &= register.getOrDefault(ack.aggregate(), 0L) >= ack.version();
                }
            }
            if (everywhere) {
                held.add(ack);
            }
        }
        return held;
    }

    /** The version of each aggregate the consumer has applied, in the part's database. */
    Map<UUID, Long> positions(String part, String consumer, List<UUID> aggregates) throws SQLException {
        Map<UUID, Long> positions = new HashMap<>();
        if (aggregates.isEmpty()) {
            return positions;
        }
        try (Connection c = suite.connect(suite.database(part));
             var statement = c.prepareStatement(
                     "SELECT aggregate_id, version FROM aggregate_position WHERE consumer = ? AND aggregate_id = ANY (?)")) {
            statement.setString(1, consumer);
            statement.setArray(2, c.createArrayOf("uuid", aggregates.toArray()));
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    positions.put(rows.getObject(1, UUID.class), rows.getLong(2));
                }
            }
        }
        return positions;
    }
}
