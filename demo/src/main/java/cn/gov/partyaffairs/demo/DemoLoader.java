package cn.gov.partyaffairs.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Yuping County's demo data, loaded through the services' APIs (so it also travels as events): the 191 party
 * organizations — among them the report's 28 demonstration units (5 township committees, 7 county-level
 * organizations, 1 school, 1 enterprise, 14 village/community branches, listed in {@link #DEMONSTRATION_UNITS}) —
 * disclosing since a year ago, and that year's disclosures from the ledger with a realistic share of late and
 * missing periods. Deterministic (fixed seed). Skipped when the register already holds the county committee.
 *
 * Then the commitments ({@link CommitmentDemo}).
 *
 * <p>Environment: {@code DISCLOSURE_PORT}, {@code COMMITMENT_PORT}, {@code KEYCLOAK_PORT} (defaults 8081, 8082, 8180).
 */
public final class DemoLoader {

    static final String COUNTY_COMMITTEE = "YP-C000";

    static final String[] TOWNSHIPS = {"平溪镇", "大龙镇", "朱家场镇", "田坪镇", "新店镇", "亚鱼乡"};
    static final String[] COUNTY_LEVEL = {"县委组织部", "县委宣传部", "县纪委监委机关", "县教育局党委", "县卫生健康局党组",
            "县财政局党组", "县农业农村局党组", "县人力资源和社会保障局党组", "县自然资源局党组", "县住房和城乡建设局党组",
            "县水务局党组", "县林业局党组", "县民政局党组", "县司法局党组", "县公安局党委", "县市场监督管理局党组",
            "县商务局党组", "县文体广电旅游局党组", "县生态环境分局党组", "县应急管理局党组", "县统计局党组", "县审计局党组",
            "县医疗保障局党组", "县退役军人事务局党组", "县乡村振兴局党组", "县政务服务中心党组", "县供销社党组",
            "县总工会党组", "团县委", "县妇联党组", "县科协党组", "县残联党组", "县档案馆党支部", "县委党校党委",
            "县融媒体中心党支部", "县人民医院党委", "县中医院党委", "县疾控中心党支部", "县交通运输局党组",
            "县发展和改革局党组"};
    static final String[] SCHOOLS = {"玉屏一中党委", "玉屏二中党支部", "县民族中学党支部", "县中等职业学校党支部",
            "平溪镇中心完小党支部", "大龙中学党支部", "朱家场中学党支部", "田坪中学党支部", "县实验小学党支部", "县幼儿园党支部"};
    static final String[] ENTERPRISES = {"锰业", "箫笛", "茶业", "油茶", "电力", "建材", "物流", "食品", "新能源", "矿业",
            "化工", "医药", "农业开发", "旅游开发", "建筑"};
    static final String[] PLACES = {"鱼塘", "大湾", "茅坪", "长冲", "新寨", "龙塘", "岩门", "黄土", "杨柳", "桐木",
            "高坡", "老寨", "坪地", "凉亭", "石板", "青杠", "竹林", "白岩", "马场", "溪口"};

    /** The report's 28 demonstration units, by code. */
    public static final List<String> DEMONSTRATION_UNITS = List.of(
            "YP-T01", "YP-T02", "YP-T03", "YP-T04", "YP-T05",
            "YP-D01", "YP-D02", "YP-D03", "YP-D04", "YP-D05", "YP-D06", "YP-D07",
            "YP-S01", "YP-E01",
            "YP-V001", "YP-V002", "YP-V003", "YP-V004", "YP-V005", "YP-V006", "YP-V007", "YP-V008", "YP-V009",
            "YP-V010", "YP-V011", "YP-V012", "YP-M01", "YP-M02");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One party organization of the demo county; the benchmark's history generator takes the same 191. */
    public record Org(String code, String name, String type, String parent, int cadenceMonths) {
    }

    public static void main(String[] args) throws Exception {
        String disclosure = "http://localhost:" + env("DISCLOSURE_PORT", "8081");
        String token = token("http://localhost:" + env("KEYCLOAK_PORT", "8180"));
        if (send(get(disclosure + "/organizations/" + COUNTY_COMMITTEE, token)).statusCode() == 200) {
            System.out.println("DEMO organizations and disclosures already loaded");
        } else {
            loadDisclosures(disclosure, token);
        }
        MediaDemo.load(disclosure, token, organizations());
        CommitmentDemo.load("http://localhost:" + env("COMMITMENT_PORT", "8082"), token, organizations());
        SupervisionDemo.load("http://localhost:" + env("SUPERVISION_PORT", "8083"), token("http://localhost:" + env("KEYCLOAK_PORT", "8180")));
    }

    private static void loadDisclosures(String disclosure, String token) throws IOException, InterruptedException {
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
        LocalDate since = today.withDayOfMonth(1).minusYears(1);
        // Organizations someone registered by hand before are left as they are, with their own data.
        java.util.Set<String> existing = existingCodes(disclosure, token);
        List<Org> orgs = organizations().stream().filter(o -> !existing.contains(o.code)).toList();
        StringBuilder csv = new StringBuilder("code,name,type,parentCode,cadenceMonths,disclosingSince\n");
        for (Org o : orgs) {
            csv.append(o.code).append(',').append(o.name).append(',').append(o.type).append(',')
                    .append(o.parent == null ? "" : o.parent).append(",,").append(since).append('\n');
        }
        expectOk(send(HttpRequest.newBuilder(URI.create(disclosure + "/organizations/import"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8))), "organization import");

        Random random = new Random(2017);
        int published = 0;
        int late = 0;
        int missing = 0;
        for (Org o : orgs) {
            ArrayNode entries = JSON.createArrayNode();
            for (LocalDate start = since; ; start = start.plusMonths(o.cadenceMonths)) {
                LocalDate end = start.plusMonths(o.cadenceMonths).minusDays(1);
                if (!end.plusDays(10).isBefore(today)) {
                    break; // only periods whose disclosure is due by now: the rest is still the clerks' to publish
                }
                double roll = random.nextDouble();
                if (roll < 0.14) {
                    missing++;
                    continue;
                }
                LocalDate lateOn = end.plusDays(20 + random.nextInt(10));
                boolean isLate = roll < 0.20 && lateOn.isBefore(today);
                LocalDate publishedOn = isLate ? lateOn : end.plusDays(1 + random.nextInt(3));
                entries.add(entry(o, start, end, publishedOn, random));
                published++;
                if (isLate) {
                    late++;
                }
            }
            if (!entries.isEmpty()) {
                expectOk(send(HttpRequest.newBuilder(URI.create(disclosure + "/disclosures/ledger"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(entries)))), "ledger of " + o.code);
            }
        }
        settleContentLists(disclosure, token, DEMONSTRATION_UNITS.stream().filter(unit -> !existing.contains(unit)).toList());
        expectOk(send(HttpRequest.newBuilder(URI.create(disclosure + "/compliance/check"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody())), "cadence check");
        System.out.printf("DEMO loaded: %d organizations (%d demonstration units), %d disclosures from the ledger "
                + "(%d late), %d periods left missing%n", orgs.size(), DEMONSTRATION_UNITS.size(), published, late, missing);
    }

    /**
     * Each demonstration unit settles its content list (公开的内容和目录) from the county catalog, as its set-up task
     * "确定公开内容和目录" requires before the guidance group may mark it done ({@link SupervisionDemo}).
     */
    public static void settleContentLists(String disclosure, String token, List<String> units)
            throws IOException, InterruptedException {
        HttpResponse<String> catalogAnswer = send(get(disclosure + "/catalog", token));
        expectOk(catalogAnswer, "the catalog");
        ArrayNode items = JSON.createArrayNode();
        JSON.readTree(catalogAnswer.body()).forEach(c -> c.get("items").forEach(i -> items.add(i.get("code").asText())));
        for (String unit : units) {
            expectOk(send(HttpRequest.newBuilder(URI.create(disclosure + "/organizations/" + unit + "/content-list"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            JSON.createObjectNode().set("itemCodes", items))))), "content list of " + unit);
        }
    }

    public static List<Org> organizations() {
        List<Org> orgs = new ArrayList<>();
        orgs.add(new Org(COUNTY_COMMITTEE, "中共玉屏侗族自治县委员会", "county-committee", null, 1));
        for (int t = 0; t < TOWNSHIPS.length; t++) {
            orgs.add(new Org("YP-T0" + (t + 1), TOWNSHIPS[t] + "党委", "township-committee", COUNTY_COMMITTEE, 1));
        }
        for (int i = 0; i < COUNTY_LEVEL.length; i++) {
            orgs.add(new Org("YP-D%02d".formatted(i + 1), COUNTY_LEVEL[i], "county-level", COUNTY_COMMITTEE, 1));
        }
        for (int i = 0; i < SCHOOLS.length; i++) {
            orgs.add(new Org("YP-S%02d".formatted(i + 1), SCHOOLS[i], "school", "YP-D04", 2));
        }
        for (int i = 0; i < ENTERPRISES.length; i++) {
            orgs.add(new Org("YP-E%02d".formatted(i + 1), "玉屏" + ENTERPRISES[i] + "有限公司党支部", "enterprise", COUNTY_COMMITTEE, 2));
        }
        // 110 village branches and 9 community branches spread over the six townships; YP-V001 (the demo clerk's)
        // is 朱家场镇鱼塘村, a demonstration unit.
        int village = 0;
        for (int p = 0; p < PLACES.length && village < 110; p++) {
            for (int t = 0; t < TOWNSHIPS.length && village < 110; t++) {
                int township = (t + 2) % TOWNSHIPS.length;
                village++;
                orgs.add(new Org("YP-V%03d".formatted(village), TOWNSHIPS[township] + PLACES[(p + t) % PLACES.length] + "村党支部",
                        "village-branch", "YP-T0" + (township + 1), 2));
            }
        }
        for (int c = 0; c < 9; c++) {
            int township = c % TOWNSHIPS.length;
            orgs.add(new Org("YP-M%02d".formatted(c + 1), TOWNSHIPS[township] + (c < 6 ? "城南" : "城北") + "社区党支部",
                    "community-branch", "YP-T0" + (township + 1), 2));
        }
        return orgs;
    }

    private static java.util.Set<String> existingCodes(String disclosure, String token)
            throws IOException, InterruptedException {
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> response = send(get(disclosure + "/organizations?size=200&page=" + page, token));
            expectOk(response, "organization list");
            var items = JSON.readTree(response.body()).get("items");
            items.forEach(item -> codes.add(item.get("code").asText()));
            if (items.size() < 200) {
                return codes;
            }
        }
    }

    private static ObjectNode entry(Org o, LocalDate start, LocalDate end, LocalDate publishedOn, Random random) {
        boolean internal = random.nextDouble() < 0.2;
        ObjectNode entry = JSON.createObjectNode();
        entry.put("organizationCode", o.code);
        ArrayNode items = entry.putArray("itemCodes");
        ArrayNode channels = entry.putArray("plannedChannels");
        if (internal) {
            items.add("C2-04").add("C6-02");
            channels.add("meeting");
            entry.put("scope", "PARTY_WIDE");
        } else {
            items.add(random.nextBoolean() ? "C1-04" : "C8-01").add(random.nextBoolean() ? "C7-01" : "C8-03");
            channels.add("disclosure-board").add("county-website");
            entry.put("scope", "PUBLIC");
        }
        String period = start.getMonthValue() + (o.cadenceMonths > 1 ? "—" + end.getMonthValue() : "") + "月";
        entry.put("title", o.name + start.getYear() + "年" + period + "党务公开");
        entry.put("body", internal
                ? "一、“三会一课”开展情况；二、党费收缴情况（党内公开）。"
                : "一、本期重点工作进展；二、为民办实事办理情况；三、惠民资金发放情况。欢迎群众监督。");
        entry.put("periodStart", start.toString());
        entry.put("periodEnd", end.toString());
        entry.put("plannedPublicationAt", publishedOn + "T09:00:00+08:00");
        return entry;
    }

    /**
     * The admin's token, fetched anew once it is older than {@link #TOKEN_RENEWAL}: the realm's tokens live 15 minutes,
     * and on a busy machine the load outlasted the one it began with (401 halfway through the commitments).
     */
    private static synchronized String token(String keycloak) throws IOException, InterruptedException {
        keycloakUrl = keycloak;
        if (current == null || System.nanoTime() - currentSince > TOKEN_RENEWAL.toNanos()) {
            current = newToken(keycloak);
            currentSince = System.nanoTime();
            issued.add(current);
        }
        return current;
    }

    private static final Duration TOKEN_RENEWAL = Duration.ofMinutes(10);
    private static final java.util.Set<String> issued = new java.util.HashSet<>();
    private static String keycloakUrl;
    private static String current;
    private static long currentSince;

    /** A request made with a token of ours that is getting old goes with the current one instead. */
    private static HttpRequest renewed(HttpRequest request) throws IOException, InterruptedException {
        String bearer = request.headers().firstValue("Authorization").orElse("");
        if (!bearer.startsWith("Bearer ")) {
            return request;
        }
        String fresh;
        synchronized (DemoLoader.class) {
            if (!issued.contains(bearer.substring("Bearer ".length()))) {
                return request;
            }
            fresh = token(keycloakUrl);
        }
        return bearer.equals("Bearer " + fresh) ? request
                : HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("Authorization"))
                        .header("Authorization", "Bearer " + fresh).build();
    }

    private static String newToken(String keycloak) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=suite-cli&username=admin&password="
                + URLEncoder.encode(env("DEMO_ADMIN_PASSWORD", "demo"), StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(keycloak
                        + "/realms/county/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        expectOk(response, "token");
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    static HttpRequest.Builder get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(renewed(request.timeout(Duration.ofSeconds(60)).build()), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts JSON as the demo's admin; a refusal stops the load and says what was refused. */
    static JsonNode post(String url, String token, JsonNode body, String what) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        expectOk(response, what);
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    static void expectOk(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + " failed: " + response.statusCode() + " " + response.body());
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private DemoLoader() {
    }
}
