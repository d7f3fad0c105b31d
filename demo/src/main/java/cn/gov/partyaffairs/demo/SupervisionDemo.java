package cn.gov.partyaffairs.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static cn.gov.partyaffairs.demo.DemoLoader.expectOk;
import static cn.gov.partyaffairs.demo.DemoLoader.get;
import static cn.gov.partyaffairs.demo.DemoLoader.send;

/**
 * The supervision programme, through the supervision service's API: the report's 28 demonstration units
 * ({@link DemoLoader#DEMONSTRATION_UNITS}) designated a year ago, a guidance group for each cluster (the demo inspector's
 * {@code YP-G01} has the 14 village and community branches, among them the demo clerk's {@code YP-V001}), their set-up
 * tasks, three rounds of on-site inspection over all 28 with the findings they raised — most of the first rounds'
 * rectified and verified, some reopened first, some still open and by now overdue — a few good-practice write-ups and
 * each group's progress report for last month (filed, except {@code YP-G01}'s draft). Lapses the disclosure and
 * commitment services raised reach the units as automatic findings by themselves. Deterministic (fixed seed).
 * Skipped when group {@code YP-G01} exists.
 */
public final class SupervisionDemo {

    /** The clusters and their groups: code, name, the unit-code prefixes it takes, members (name, post, telephone). */
    private static final String[][][] GROUPS = {
            {{"YP-G01", "农村（社区）党支部示范单位督促指导组", "YP-V", "YP-M"},
                    {"陈静", "县委组织部组织组副组长（组长）", "0856-3221001"}, {"杨明", "县委党务公开办公室干部", "0856-3221002"},
                    {"吴丽", "县纪委监委第二纪检监察室干部", "0856-3221003"}},
            {{"YP-G02", "乡镇党委示范单位督促指导组", "YP-T"},
                    {"张伟", "县委组织部副部长（组长）", "0856-3221011"}, {"刘洋", "县委党务公开办公室干部", "0856-3221012"},
                    {"田芳", "县委宣传部干部", "0856-3221013"}},
            {{"YP-G03", "县直属党组织示范单位督促指导组", "YP-D"},
                    {"龙海", "县直机关工委副书记（组长）", "0856-3221021"}, {"姚红", "县委办公室干部", "0856-3221022"}},
            {{"YP-G04", "学校和非公企业党组织示范单位督促指导组", "YP-S", "YP-E"},
                    {"吴斌", "县教育局党委副书记（组长）", "0856-3221031"}, {"石磊", "县工商联干部", "0856-3221032"}}};

    private static final String[] TASKS = {"IMPLEMENTATION_RULES", "CONTENT_CATALOG", "DISCLOSURE_METHODS", "MATERIALS_LEDGERS"};

    private static final String[] PROBLEMS = {"党务公开栏内容未按期更新", "党费收缴情况未按规定公开", "“三会一课”记录不完整",
            "公开内容和目录未经支委会审定", "群众意见箱未定期开启，意见未登记反馈", "惠民资金发放情况公开不具体，缺少明细",
            "资料台账分类不清，部分会议记录缺失", "群众对公开事项的询问未在7个工作日内答复", "党员发展情况未在党内公开",
            "公开栏设置位置偏僻，群众不便查看"};

    private static final String[] EVIDENCE = {"整改后公开栏照片3张", "支委会审定会议记录复印件", "补充公开的明细及张贴照片",
            "意见登记簿及答复记录", "重新整理的资料台账目录"};

    private static final String[] PRACTICES = {"“一栏一屏一册”让党务晒在阳光下", "党务公开“点题”制度让群众点单",
            "“三级联审”把好公开内容关", "承诺、践诺、评诺全程公开留痕", "“阳光党务”微信群打通联系群众最后一公里",
            "月度“党员评议日”凝聚人心"};

    private static final ObjectMapper JSON = new ObjectMapper();

    private SupervisionDemo() {
    }

    public static void load(String supervision, String token) throws IOException, InterruptedException {
        if (send(get(supervision + "/groups/YP-G01", token)).statusCode() == 200) {
            System.out.println("DEMO supervision already loaded");
            return;
        }
        awaitUnits(supervision, token);
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
        LocalDate since = today.withDayOfMonth(1).minusYears(1);
        Random random = new Random(2016);
        Api api = new Api(supervision, token);

        Map<String, String> groupOf = new LinkedHashMap<>();
        Map<String, List<String>> inspectorsOf = new LinkedHashMap<>();
        for (String[][] group : GROUPS) {
            ObjectNode body = JSON.createObjectNode().put("code", group[0][0]).put("name", group[0][1]);
            ArrayNode members = body.putArray("members");
            List<String> names = new ArrayList<>();
            for (int m = 1; m < group.length; m++) {
                members.addObject().put("name", group[m][0]).put("position", group[m][1]).put("contact", group[m][2]);
                names.add(group[m][0]);
            }
            api.post("/groups", body, "group " + group[0][0]);
            inspectorsOf.put(group[0][0], names);
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (String unit : DemoLoader.DEMONSTRATION_UNITS) {
            JsonNode designated = api.post("/units", JSON.createObjectNode().put("organizationCode", unit)
                    .put("designatedOn", since.toString()), "designation of " + unit);
            names.put(unit, designated.get("name").asText());
            String group = groupFor(unit);
            groupOf.put(unit, group);
            api.post("/units/" + unit + "/assignment", JSON.createObjectNode().put("groupCode", group)
                    .put("from", since.toString()).put("reason", "按示范单位类别分组督促指导"), "assignment of " + unit);
            tasks(api, unit, since, random);
        }

        List<JsonNode> checklist = new ArrayList<>();
        api.get("/inspections/checklist").forEach(checklist::add);
        String[] roundNames = {"第一轮党务公开示范单位督查", "第二轮党务公开示范单位督查", "第三轮党务公开示范单位督查"};
        int[] startMonths = {2, 6, 10};
        double[] level = {0.72, 0.80, 0.87};
        Tally tally = new Tally();
        List<JsonNode> best = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            LocalDate starts = since.plusMonths(startMonths[r]);
            LocalDate ends = starts.plusMonths(1).minusDays(1);
            ObjectNode plan = JSON.createObjectNode().put("name", roundNames[r]).put("startsOn", starts.toString())
                    .put("endsOn", ends.toString());
            DemoLoader.DEMONSTRATION_UNITS.forEach(plan.putArray("unitCodes")::add);
            String round = api.post("/rounds", plan, roundNames[r]).get("id").asText();
            for (String unit : DemoLoader.DEMONSTRATION_UNITS) {
                LocalDate on = starts.plusDays(random.nextInt((int) (ends.toEpochDay() - starts.toEpochDay()) + 1));
                JsonNode inspection = inspect(api, round, unit, on, inspectorsOf.get(groupOf.get(unit)), checklist,
                        level[r], random);
                tally.inspections++;
                if (r > 0 && inspection.get("totalScore").asInt() >= 90) {
                    best.add(inspection);
                }
                int findings = inspection.get("totalScore").asInt() >= 92 ? 0 : 1 + random.nextInt(r == 2 ? 1 : 2);
                for (int f = 0; f < findings; f++) {
                    finding(api, unit, names.get(unit), inspection, r, today, random, tally);
                }
            }
            api.postEmpty("/rounds/" + round + "/close", "closing " + roundNames[r]);
        }

        int practices = 0;
        for (JsonNode inspection : best.subList(0, Math.min(PRACTICES.length, best.size()))) {
            String unit = inspection.get("unitCode").asText();
            String shortName = names.get(unit).replaceAll("(党委|党支部|党组)$", "");
            api.post("/good-practices", JSON.createObjectNode().put("unitCode", unit)
                    .put("inspectionId", inspection.get("id").asText())
                    .put("title", shortName + "：" + PRACTICES[practices])
                    .put("summary", names.get(unit) + "在督查中得分" + inspection.get("totalScore").asInt() + "分，做法值得推广。")
                    .put("body", names.get(unit) + "坚持把党务公开作为联系服务群众的重要抓手，" + PRACTICES[practices]
                            + "。公开栏每月更新，群众关心的事项随时可查，群众满意度明显提升。")
                    .put("writtenOn", inspection.get("inspectedOn").asText()), "good practice of " + unit);
            practices++;
        }

        api.postEmpty("/findings/overdue-check", "overdue check");
        int overdue = api.get("/findings?overdue=true&size=1").get("total").asInt();
        String lastMonth = today.minusMonths(1).toString().substring(0, 7);
        for (String[][] group : GROUPS) {
            String report = api.post("/groups/" + group[0][0] + "/reports",
                    JSON.createObjectNode().put("period", lastMonth), "report of " + group[0][0]).get("id").asText();
            if (!group[0][0].equals("YP-G01")) {
                api.postEmpty("/reports/" + report + "/file", "filing the report of " + group[0][0]);
            }
        }
        int automatic = api.get("/findings?source=DISCLOSURE_LAPSE&size=1").get("total").asInt()
                + api.get("/findings?source=COMMITMENT_LAPSE&size=1").get("total").asInt();
        System.out.printf("DEMO loaded: %d guidance groups, %d demonstration units, 3 inspection rounds with %d "
                        + "inspections, %d findings (%d verified, %d of them after a reopening; %d awaiting verification; "
                        + "%d open; %d overdue), %d good-practice write-ups, %d progress reports for %s, "
                        + "%d automatic findings from lapses so far%n", GROUPS.length, names.size(), tally.inspections,
                tally.findings, tally.verified, tally.reopened, tally.awaiting, tally.open, overdue, practices,
                GROUPS.length, lastMonth, automatic);
    }

    private static String groupFor(String unit) {
        for (String[][] group : GROUPS) {
            for (int p = 2; p < group[0].length; p++) {
                if (unit.startsWith(group[0][p])) {
                    return group[0][0];
                }
            }
        }
        throw new IllegalStateException("no cluster for " + unit);
    }

    /** Rules drawn up within two months, the catalog and methods over the first half-year, the ledgers last. */
    private static void tasks(Api api, String unit, LocalDate since, Random random) throws IOException, InterruptedException {
        int[] doneByMonth = {1, 3, 5, 9};
        for (int t = 0; t < TASKS.length; t++) {
            boolean done = random.nextDouble() < (t < 2 ? 1.0 : t == 2 ? 0.85 : 0.6);
            LocalDate on = since.plusMonths(doneByMonth[t]).plusDays(random.nextInt(25));
            api.putOnceTheContentListArrived("/units/" + unit + "/tasks/" + TASKS[t], JSON.createObjectNode()
                    .put("status", done ? "DONE" : "IN_PROGRESS").put("on", on.toString())
                    .put("note", done ? "经督促指导组验收" : "正在推进"), "task of " + unit);
        }
    }

    private static JsonNode inspect(Api api, String round, String unit, LocalDate on, List<String> inspectors,
                                    List<JsonNode> checklist, double level, Random random)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("unitCode", unit).put("inspectedOn", on.toString());
        inspectors.forEach(body.putArray("inspectors")::add);
        ArrayNode scores = body.putArray("scores");
        for (JsonNode item : checklist) {
            int max = item.get("maxScore").asInt();
            int score = (int) Math.round(max * Math.min(1.0, Math.max(0.3, level + random.nextGaussian() * 0.08)));
            scores.addObject().put("item", item.get("item").asText()).put("score", score);
        }
        body.put("observations", level < 0.75 ? "公开制度初步建立，公开内容和台账仍需规范。"
                : level < 0.85 ? "公开栏更新较及时，资料台账基本完整。" : "公开规范、群众认可，形成了可推广的做法。");
        return api.post("/rounds/" + round + "/inspections", body, "inspection of " + unit);
    }

    /** A finding from an inspection and what came of it; the earlier the round, the more of them are closed. */
    private static void finding(Api api, String unit, String name, JsonNode inspection, int round, LocalDate today,
                                Random random, Tally tally) throws IOException, InterruptedException {
        LocalDate raised = LocalDate.parse(inspection.get("inspectedOn").asText());
        LocalDate deadline = raised.plusDays(20 + random.nextInt(11));
        String id = api.post("/findings", JSON.createObjectNode().put("unitCode", unit)
                .put("inspectionId", inspection.get("id").asText())
                .put("description", PROBLEMS[random.nextInt(PROBLEMS.length)])
                .put("severity", random.nextDouble() < 0.7 ? "MINOR" : "MAJOR").put("responsible", name + "书记")
                .put("raisedOn", raised.toString()).put("deadline", deadline.toString()), "finding of " + unit)
                .get("id").asText();
        tally.findings++;
        double roll = random.nextDouble();
        double[] verified = {0.85, 0.65, 0.40};
        double[] awaiting = {0.0, 0.10, 0.30};
        LocalDate reported = earliest(raised.plusDays(5 + random.nextInt(15)), today);
        if (roll < verified[round] + awaiting[round]) {
            rectify(api, id, reported);
        }
        if (roll >= verified[round]) {
            if (roll < verified[round] + awaiting[round]) {
                tally.awaiting++;
            } else {
                tally.open++;
            }
            return;
        }
        LocalDate verifiedOn = earliest(reported.plusDays(3 + random.nextInt(7)), today);
        if (random.nextDouble() < 0.15) {
            LocalDate newDeadline = verifiedOn.plusDays(15);
            api.post("/findings/" + id + "/reopen", JSON.createObjectNode().put("reason", "整改不彻底，公开内容仍不完整")
                    .put("newDeadline", newDeadline.toString()).put("reopenedOn", verifiedOn.toString()), "reopening");
            LocalDate again = earliest(verifiedOn.plusDays(7), today);
            rectify(api, id, again);
            verifiedOn = earliest(again.plusDays(3), today);
            tally.reopened++;
        }
        api.post("/findings/" + id + "/verify", JSON.createObjectNode().put("note", "现场核实，整改到位，予以销号")
                .put("verifiedOn", verifiedOn.toString()), "verification");
        tally.verified++;
    }

    private static void rectify(Api api, String finding, LocalDate on) throws IOException, InterruptedException {
        api.post("/findings/" + finding + "/rectification", JSON.createObjectNode()
                .put("evidence", EVIDENCE[Math.floorMod(finding.hashCode(), EVIDENCE.length)])
                .put("reportedOn", on.toString()), "rectification");
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** The supervision service learns the organizations from the register's events; wait until it knows the units. */
    private static void awaitUnits(String supervision, String token) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 120; attempt++) {
            HttpResponse<String> response = send(get(supervision + "/organizations", token));
            if (response.statusCode() == 200) {
                List<String> known = new ArrayList<>();
                JSON.readTree(response.body()).forEach(o -> known.add(o.get("code").asText()));
                if (known.containsAll(DemoLoader.DEMONSTRATION_UNITS)) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the supervision service did not learn the demonstration units in time");
    }

    private static final class Tally {
        int inspections;
        int findings;
        int verified;
        int reopened;
        int awaiting;
        int open;
    }

    /** Calls to the supervision service as the county admin; every answer must be a success. */
    private record Api(String base, String token) {

        JsonNode get(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = send(DemoLoader.get(base + path, token));
            expectOk(response, "GET " + path);
            return JSON.readTree(response.body());
        }

        JsonNode post(String path, JsonNode body, String what) throws IOException, InterruptedException {
            return call(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), what);
        }

        JsonNode put(String path, JsonNode body, String what) throws IOException, InterruptedException {
            return call(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), what);
        }

        /**
         * A PUT that supervision refuses with {@code content-list-empty} until its copy of the unit's content list,
         * fed by the disclosure service's events, has arrived: asked again for up to a minute.
         */
        JsonNode putOnceTheContentListArrived(String path, JsonNode body, String what)
                throws IOException, InterruptedException {
            for (int attempt = 0; ; attempt++) {
                HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                        .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
                if (response.statusCode() == 409 && response.body().contains("content-list-empty") && attempt < 120) {
                    Thread.sleep(500);
                    continue;
                }
                expectOk(response, what);
                return JSON.readTree(response.body());
            }
        }

        JsonNode postEmpty(String path, String what) throws IOException, InterruptedException {
            return call(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()), what);
        }

        private JsonNode call(HttpRequest.Builder request, String what) throws IOException, InterruptedException {
            HttpResponse<String> response = send(request.header("Authorization", "Bearer " + token));
            expectOk(response, what);
            return JSON.readTree(response.body());
        }
    }
}
