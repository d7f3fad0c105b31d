package cn.gov.partyaffairs.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the whole demo data, through the APIs: every public compliance figure is the cadence engine's. The headline
 * rate, each organization type's and each township's figures, and every organization × period cell of the public
 * matrix equal what the engine answers its officials; late periods are there to be shown in their own colour.
 */
class ComplianceTruthIT {

    /** kept, late, missing, exempted, due: the tally of one organization or group. */
    private record Tally(long kept, long late, long missing, long exempted) {
        Tally plus(String outcome, boolean due) {
            return switch (outcome) {
                case "EXEMPTED" -> new Tally(kept, late, missing, exempted + 1);
                case "KEPT" -> due ? new Tally(kept + 1, late, missing, exempted) : this;
                case "LATE", "CURED" -> due ? new Tally(kept, late + 1, missing, exempted) : this;
                case "MISSING" -> due ? new Tally(kept, late, missing + 1, exempted) : this;
                default -> this;
            };
        }

        Tally plus(Tally o) {
            return new Tally(kept + o.kept, late + o.late, missing + o.missing, exempted + o.exempted);
        }
    }

    @Test
    void everyPublicFigureAndCellIsTheEngines() {
        String admin = Suite.token("admin");
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
            // The engine's cells, organization by organization, as officials read them.
            java.util.List<JsonNode> register = new java.util.ArrayList<>();
            for (int page = 0; ; page++) {
                JsonNode found = Suite.json(Suite.get(Suite.gateway() + "/api/public/organizations?size=200&page=" + page, null));
                found.get("items").forEach(register::add);
                if (found.get("items").size() < 200) {
                    break;
                }
            }
            Map<String, String> engineCells = new TreeMap<>();
            Map<String, Tally> engineByOrganization = new HashMap<>();
            for (JsonNode organization : register) {
                String code = organization.get("code").asText();
                JsonNode periods = Suite.json(Suite.get(Suite.gateway() + "/api/internal/compliance?organization=" + code, admin));
                Tally tally = new Tally(0, 0, 0, 0);
                for (JsonNode p : periods) {
                    engineCells.put(code + " " + p.get("periodStart").asText(),
                            p.get("outcome").asText() + (p.get("due").asBoolean() ? " due" : ""));
                    tally = tally.plus(p.get("outcome").asText(), p.get("due").asBoolean());
                }
                engineByOrganization.put(code, tally);
            }
            // Every cell of the public matrix.
            JsonNode matrix = Suite.json(Suite.get(Suite.gateway() + "/api/public/compliance", null));
            Map<String, String> publicCells = new TreeMap<>();
            for (JsonNode c : matrix) {
                publicCells.put(c.get("organizationCode").asText() + " " + c.get("periodStart").asText(),
                        c.get("state").asText() + (c.get("due").asBoolean() ? " due" : ""));
            }
            assertEquals(engineCells, publicCells, "every organization × period cell");

            // Each type's figures and the headline.
            JsonNode rates = Suite.json(Suite.get(Suite.gateway() + "/api/internal/compliance/rates", admin));
            JsonNode statistics = Suite.json(Suite.get(Suite.gateway() + "/api/public/statistics", null));
            long onTime = 0, due = 0, late = 0;
            for (JsonNode type : rates) {
                JsonNode shown = statistics.at("/complianceByType/" + type.get("organizationType").asText());
                String name = type.get("organizationType").asText();
                assertEquals(type.get("onTime").asLong(), shown.get("kept").asLong(), name + " on time");
                assertEquals(type.get("late").asLong(), shown.get("late").asLong(), name + " late");
                assertEquals(type.get("missing").asLong(), shown.get("missing").asLong(), name + " missing");
                assertEquals(type.get("closedPeriods").asLong(), shown.get("periodsDue").asLong(), name + " due");
                assertEquals(type.get("onTimeRate").asDouble(), shown.get("onTimeRate").asDouble(), name + " rate");
                onTime += type.get("onTime").asLong();
                due += type.get("closedPeriods").asLong();
                late += type.get("late").asLong();
            }
            assertEquals(onTime, statistics.at("/compliance/kept").asLong());
            assertEquals(due, statistics.at("/compliance/periodsDue").asLong());
            assertEquals(Math.round(onTime * 10000.0 / due) / 10000.0, statistics.at("/compliance/onTimeRate").asDouble(),
                    "the headline rate: on time ÷ periods due");
            assertTrue(late > 0 && statistics.at("/compliance/late").asLong() == late,
                    "the demo's late periods are public: " + statistics.get("compliance"));

            // Each township, and each organization listed under it.
            JsonNode townships = Suite.json(Suite.get(Suite.gateway() + "/api/public/statistics/townships", null));
            assertTrue(townships.size() >= 5, "the five townships: " + townships);
            for (JsonNode township : townships) {
                Tally sum = new Tally(0, 0, 0, 0);
                for (JsonNode o : township.get("organizations")) {
                    Tally engine = engineByOrganization.get(o.get("organizationCode").asText());
                    assertEquals(engine, new Tally(o.get("kept").asLong(), o.get("late").asLong(),
                            o.get("missing").asLong(), o.get("exempted").asLong()), o.get("organizationCode").asText());
                    sum = sum.plus(engine);
                }
                assertEquals(sum, new Tally(township.get("kept").asLong(), township.get("late").asLong(),
                        township.get("missing").asLong(), township.get("exempted").asLong()),
                        township.get("townshipCode").asText());
            }
            System.out.printf("compliance: %d of %d periods on time, %d late, %d missing (%s)%n", onTime, due, late,
                    statistics.at("/compliance/missing").asLong(), statistics.at("/compliance/onTimeRate"));
        });
    }
}
