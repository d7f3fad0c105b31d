package cn.gov.partyaffairs.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import static cn.gov.partyaffairs.demo.DemoLoader.expectOk;
import static cn.gov.partyaffairs.demo.DemoLoader.get;
import static cn.gov.partyaffairs.demo.DemoLoader.post;
import static cn.gov.partyaffairs.demo.DemoLoader.send;

/**
 * 信息报送 as the report tells it: 60-odd pieces adopted by media at prefecture level or above — 5 by People's Daily
 * Online, 7 by China Party Building Net, the Guizhou Daily page-2 lead and the Tongren Daily page-1 lead among them —
 * plus the county's own outlets and pieces that were submitted but not taken.
 */
public final class MediaDemo {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Outlet, how many it adopted, and the report's own headlines first. */
    private record Outlet(String code, int adopted, List<String> headlines, String leadPlacement) {
    }

    private static final List<Outlet> OUTLETS = List.of(
            new Outlet("people-daily-online", 5, List.of("贵州玉屏：开展“三优三正三规范”活动创建“五型党组织”"), null),
            new Outlet("china-party-building-net", 7, List.of("贵州玉屏：“八个一”措施给力党务公开"), null),
            new Outlet("guizhou-daily", 12, List.of("玉屏着力打造阳光党务，9大类57项党务全公开", "玉屏：阳光党务晒出党政公信力"), "二版头条"),
            new Outlet("tongren-daily", 38, List.of("阳光党务唱和谐，箫笛之乡涌春潮", "玉屏：阳光党务晒出党政公信力"), "一版头条"),
            new Outlet("today-yuping", 24, List.of(), null),
            new Outlet("county-website", 30, List.of(), null),
            new Outlet("county-tv", 10, List.of(), null));

    private static final String[] TOPICS = {"党务公开栏更新", "党员积分管理公开", "为民办实事进展公开", "“三会一课”情况公开",
            "村级财务收支公开", "党费收缴使用公开", "承诺践诺评诺", "党务公开示范点建设"};

    public static void load(String disclosure, String token, List<DemoLoader.Org> organizations)
            throws IOException, InterruptedException {
        var existing = send(get(disclosure + "/media-submissions", token));
        expectOk(existing, "media submissions");
        if (JSON.readTree(existing.body()).size() > 0) {
            System.out.println("DEMO media submissions already loaded");
            return;
        }
        Random random = new Random(2017);
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
        int adopted = 0;
        int notTaken = 0;
        for (Outlet outlet : OUTLETS) {
            int submitted = outlet.adopted + outlet.adopted / 3; // outlets take about three pieces in four
            for (int n = 0; n < submitted; n++) {
                DemoLoader.Org author = organizations.get(random.nextInt(organizations.size()));
                String title = n < outlet.headlines.size() ? outlet.headlines.get(n)
                        : author.name() + TOPICS[random.nextInt(TOPICS.length)] + "工作纪实";
                LocalDate submittedOn = today.minusDays(20 + random.nextInt(330));
                JsonNode piece = post(disclosure + "/media-submissions", token, JSON.createObjectNode()
                        .put("organizationCode", n < outlet.headlines.size() ? DemoLoader.COUNTY_COMMITTEE : author.code())
                        .put("title", title).put("outlet", outlet.code).put("submittedOn", submittedOn.toString()),
                        "media submission to " + outlet.code);
                if (n < outlet.adopted) {
                    String placement = n == 0 && outlet.leadPlacement != null ? outlet.leadPlacement : null;
                    post(disclosure + "/media-submissions/" + piece.get("id").asText() + "/adoption", token,
                            JSON.createObjectNode().put("adoptedOn", submittedOn.plusDays(2 + random.nextInt(10)).toString())
                                    .put("placement", placement), "adoption by " + outlet.code);
                    adopted++;
                } else {
                    notTaken++;
                }
            }
        }
        System.out.printf("DEMO loaded: %d media pieces adopted (%d at prefecture level or above), %d not taken%n",
                adopted, OUTLETS.stream().limit(4).mapToInt(Outlet::adopted).sum(), notTaken);
    }

    private MediaDemo() {
    }
}
