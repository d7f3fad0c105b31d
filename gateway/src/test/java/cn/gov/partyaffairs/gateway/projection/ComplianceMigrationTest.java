package cn.gov.partyaffairs.gateway.projection;

import cn.gov.partyaffairs.contracts.disclosure.ComplianceRate;
import cn.gov.partyaffairs.gateway.TestEvents;
import cn.gov.partyaffairs.gateway.publicapi.PublicQueries;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * V30 moves the compliance matrix to the engine's outcomes without losing what was recorded: on a database as V20
 * left it (cells and the counters the old projection moved), the figures before and after the migration are the
 * same; then the engine's outcomes replace the legacy cells they overlap, even when the old periods were offset.
 */
@QuarkusTest
class ComplianceMigrationTest {

    @Inject
    AgroalDataSource dataSource;

    // A connection of its own: a pooled one would go back to the application with the test's search path.
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    java.util.Optional<String> givenPassword;

    private Connection own() throws java.sql.SQLException {
        return DriverManager.getConnection(url, user, password());
    }

    private String password() {
        return givenPassword.orElse("");
    }

    @Test
    void theFiguresBeforeAndAfterTheMigrationAreTheSame() throws Exception {
        String schema = "migration_" + UUID.randomUUID().toString().substring(0, 8);
        Flyway.configure().dataSource(url, user, password()).schemas(schema).locations("classpath:db/migration").target("20")
                .load().migrate();
        Map<String, ComplianceRate> before;
        try (Connection c = own(); Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + schema);
            // What the old projection left: cells, and counters moved with them.
            s.execute("""
                    INSERT INTO compliance_view (organization_code, period_start, period_end, organization_type, state, due_date)
                    VALUES ('YP-V001', '2026-01-01', '2026-02-28', 'village-branch', 'KEPT', '2026-03-06'),
                           ('YP-V001', '2026-03-01', '2026-04-30', 'village-branch', 'LATE', '2026-05-13'),
                           ('YP-V002', '2026-01-01', '2026-02-28', 'village-branch', 'MISSING', '2026-03-06'),
                           ('YP-V002', '2026-03-01', '2026-04-30', 'village-branch', 'KEPT', NULL),
                           ('YP-T01', '2026-01-01', '2026-01-31', 'township-committee', 'KEPT', NULL),
                           ('YP-T01', '2026-02-01', '2026-02-28', 'township-committee', 'MISSING', '2026-03-09'),
                           ('YP-T01', '2026-03-01', '2026-03-31', 'township-committee', 'KEPT', NULL)""");
            s.execute("""
                    INSERT INTO county_figure (name, value) VALUES
                        ('compliance.village-branch.KEPT', 2), ('compliance.village-branch.LATE', 1),
                        ('compliance.village-branch.MISSING', 1), ('compliance.township-committee.KEPT', 2),
                        ('compliance.township-committee.MISSING', 1), ('organizations', 3)""");
            before = oldFigures(s);
        }
        Flyway.configure().dataSource(url, user, password()).schemas(schema).locations("classpath:db/migration").load()
                .migrate();
        try (Connection c = own(); Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + schema);
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery(PublicQueries.COMPLIANCE_BY_TYPE)) {
                while (r.next()) {
                    rows.add(new Object[] {r.getString(1), r.getString(2), r.getBoolean(3), r.getLong(4)});
                }
            }
            Map<String, ComplianceRate> after = PublicQueries.ratesByType(rows);
            assertEquals(before, after, "every type's figures as they were");
            assertEquals(0.6667, after.get("township-committee").onTimeRate());
            assertEquals(0.5, after.get("village-branch").onTimeRate());
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM compliance_view WHERE source = 'LEGACY'")) {
                r.next();
                assertEquals(7, r.getLong(1), "no recorded cell lost");
            }
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    /** The figures as the old dashboard read them from its counters. */
    private static Map<String, ComplianceRate> oldFigures(Statement s) throws Exception {
        Map<String, long[]> counts = new TreeMap<>();
        try (ResultSet r = s.executeQuery("SELECT name, value FROM county_figure WHERE name LIKE 'compliance.%'")) {
            while (r.next()) {
                String[] parts = r.getString(1).split("\\.");
                long[] c = counts.computeIfAbsent(parts[1], t -> new long[3]);
                c[switch (parts[2]) { case "KEPT" -> 0; case "LATE" -> 1; default -> 2; }] += r.getLong(2);
            }
        }
        Map<String, ComplianceRate> figures = new TreeMap<>();
        counts.forEach((type, c) -> figures.put(type, new ComplianceRate(c[0], c[1], c[2], 0)));
        return figures;
    }

    @Test
    void theEnginesOutcomeReplacesTheLegacyCellsItOverlaps() throws Exception {
        String organization = TestEvents.code("V");
        TestEvents.organization(UUID.randomUUID(), organization, "village-branch", null);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // The old matrix took the disclosures' own periods: here offset by a month from the engine's.
            s.execute("""
                    INSERT INTO compliance_view (organization_code, period_start, period_end, organization_type, state,
                        due_date, source) VALUES ('%1$s', '2026-02-01', '2026-03-31', 'village-branch', 'KEPT', NULL, 'LEGACY'),
                        ('%1$s', '2026-04-01', '2026-05-31', 'village-branch', 'KEPT', NULL, 'LEGACY')""".formatted(organization));
        }
        TestEvents.outcome(organization, "village-branch", "2026-03-01", "2026-04-30", "LATE", true, null, 1);
        TestEvents.await(() -> given().queryParam("organization", organization).get("/api/public/compliance")
                .then().extract().jsonPath().getList("state").equals(List.of("LATE")));
    }
}
