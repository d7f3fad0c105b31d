package cn.gov.partyaffairs.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With the demo data loaded, 信息报送 is the report's: 60-odd pieces taken at prefecture level or above. */
class MediaDemoIT {

    @Test
    void adoptionsMatchTheReportInTheServiceAndOnTheDashboard() {
        String disclosure = Suite.service("DISCLOSURE_PORT", "8081");
        JsonNode statistics = Suite.json(Suite.get(disclosure + "/media-submissions/statistics", Suite.token("admin")));
        long aboveCounty = statistics.get("adoptedAtPrefectureOrAbove").asLong();
        assertTrue(aboveCounty >= 60 && aboveCounty < 70, "60余篇: " + statistics);
        assertEquals(5, statistics.at("/byOutlet/people-daily-online/adopted").asLong(), "人民网 5 篇");
        assertEquals(7, statistics.at("/byOutlet/china-party-building-net/adopted").asLong(), "中国党建网 7 篇");

        // The dashboard's counters, moved by the events, agree with the service's own count.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode dashboard = Suite.json(Suite.get(Suite.gateway() + "/api/public/statistics", null));
            for (String level : new String[] {"NATIONAL", "PROVINCIAL", "PREFECTURE", "COUNTY"}) {
                assertEquals(statistics.at("/byLevel/" + level + "/adopted").asLong(),
                        dashboard.at("/mediaAdoptedByLevel/" + level).asLong(), level + ": " + dashboard);
            }
            // Per outlet, in public: 人民网 5, 中国党建网 7.
            assertEquals(5, dashboard.at("/mediaAdoptedByOutlet/people-daily-online").asLong(), dashboard.toString());
            assertEquals(7, dashboard.at("/mediaAdoptedByOutlet/china-party-building-net").asLong());
        });
    }
}
