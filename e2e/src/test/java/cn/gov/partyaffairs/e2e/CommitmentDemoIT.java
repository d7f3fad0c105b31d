package cn.gov.partyaffairs.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With the demo data loaded, the county's figures are the report's: 1,200+ pledged, 955 fulfilled, over 80% on time. */
class CommitmentDemoIT {

    private final String commitment = Suite.service("COMMITMENT_PORT", "8082");
    private final String admin = Suite.token("admin");

    @Test
    void practicalThingsMatchTheReport() {
        JsonNode practical = Suite.json(Suite.get(commitment + "/statistics?kind=PRACTICAL_THING", admin));
        assertTrue(practical.get("pledged").asLong() >= 1200, practical.toString());
        assertEquals(955, practical.get("fulfilled").asLong(), practical.toString());
        assertTrue(practical.get("onTimeRate").asDouble() > 0.8, practical.toString());
        assertTrue(practical.get("overdue").asLong() > 0, "a realistic share lapsed: " + practical);

        JsonNode county = Suite.json(Suite.get(commitment + "/statistics", admin));
        assertTrue(county.get("pledged").asLong() >= 1200 + 160, "and the 82 heads' commitments: " + county);
        assertTrue(county.get("satisfactionRate").asDouble() > 0.8, county.toString());
        assertEquals(82, Suite.json(Suite.get(commitment + "/departments", admin)).size());
    }

    @Test
    void theTransportBureausThreeCarryTheReportedProgress() {
        JsonNode found = Suite.json(Suite.get(commitment + "/commitments?department=YP-D-TRANSPORT&size=200", Suite.token("head")));
        JsonNode road = null;
        JsonNode bridge = null;
        JsonNode asphalt = null;
        for (JsonNode item : found.get("items")) {
            String title = item.get("title").asText();
            if (title.contains("野鸡坪至铁家溪到丙溪")) {
                road = item;
            } else if (title.contains("滑石")) {
                bridge = item;
            } else if (title.contains("100公里")) {
                asphalt = item;
            }
        }
        assertTrue(road != null && bridge != null && asphalt != null, "the report's three: " + found);
        assertEquals(10, road.get("targetQuantity").asInt(), "10 km of road");
        assertEquals(70, bridge.get("progressPercent").asInt(), "the Huashi road at 70%");
        JsonNode timeline = Suite.json(Suite.get(commitment + "/commitments/" + asphalt.get("id").asText(), Suite.token("head")))
                .get("timeline");
        assertTrue(timeline.get(0).get("note").asText().contains("62公里油路建设已完成80%"), timeline.toString());
    }
}
