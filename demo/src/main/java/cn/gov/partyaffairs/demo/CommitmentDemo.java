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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static cn.gov.partyaffairs.demo.DemoLoader.expectOk;
import static cn.gov.partyaffairs.demo.DemoLoader.get;
import static cn.gov.partyaffairs.demo.DemoLoader.post;
import static cn.gov.partyaffairs.demo.DemoLoader.send;

/**
 * The report's commitments, through the commitment service's API: the 82 departments, each head's public service
 * commitments across the eight categories — among them the transport bureau's three with the reported progress — and
 * {@value #PRACTICAL_THINGS} practical things for the people across the 191 organizations, of which {@value #FULFILLED}
 * fulfilled and {@value #ON_TIME} of those on time (82.7%), brought in from the ledger at their real dates; then the
 * overdue check, and some of the public's evaluations. Deterministic (fixed seed). Skipped when the transport bureau
 * is already registered.
 */
public final class CommitmentDemo {

    static final String TRANSPORT = "YP-D-TRANSPORT";
    static final int PRACTICAL_THINGS = 1236;
    static final int FULFILLED = 955;
    static final int ON_TIME = 790;
    static final int WITHDRAWN = 12;

    /** The 82 departments whose heads committed publicly; the transport bureau is {@link #TRANSPORT}. */
    static final String[] DEPARTMENTS = {"县委办公室", "县人大常委会办公室", "县政府办公室", "县政协办公室", "县纪委监委",
            "县委组织部", "县委宣传部", "县委统战部", "县委政法委", "县委编办", "县委政研室", "县直机关工委", "县委党校",
            "县档案馆", "县融媒体中心", "县发展和改革局", "县教育局", "县科技局", "县工业和信息化局", "县公安局", "县民政局",
            "县司法局", "县财政局", "县人力资源和社会保障局", "县自然资源局", "县生态环境分局", "县住房和城乡建设局",
            "县交通运输局", "县水务局", "县农业农村局", "县商务局", "县文体广电旅游局", "县卫生健康局", "县退役军人事务局",
            "县应急管理局", "县审计局", "县市场监督管理局", "县统计局", "县医疗保障局", "县林业局", "县乡村振兴局",
            "县政务服务中心", "县投资促进局", "县综合行政执法局", "县信访局", "县民族宗教事务局", "县供销社", "县总工会",
            "团县委", "县妇联", "县科协", "县残联", "县工商联", "县人民法院", "县人民检察院", "县税务局", "县气象局",
            "县烟草专卖局", "县供电局", "县邮政分公司", "县人民医院", "县中医院", "县疾控中心", "县妇幼保健院",
            "县公路管理段", "县不动产登记中心", "县公共资源交易中心", "县住房公积金管理部", "县消防救援大队", "县红十字会",
            "县机关事务服务中心", "县城市管理局", "县移民局", "县国有资产管理中心", "县农村信用联社", "县经济开发区管委会",
            "平溪镇人民政府", "大龙镇人民政府", "朱家场镇人民政府", "田坪镇人民政府", "新店镇人民政府", "亚鱼乡人民政府"};

    private static final String[][] CATEGORIES = {
            {"party-affairs-disclosure", "按时公开党务信息，群众关心的事项7个工作日内答复"},
            {"administrative-approval", "行政审批事项承诺办理时限压缩50%以上"},
            {"law-enforcement", "行政执法全过程记录，执法结果7日内公示"},
            {"government-services", "群众办事“最多跑一次”，一次性告知办理要求"},
            {"credit-system", "建立守信激励和失信惩戒机制，失信行为全部纳入信用档案"},
            {"public-security", "辖区可防性案件同比下降10%，群众安全感持续提升"},
            {"environment", "完成环境整治点位20个，群众反映的环境问题限时办结"},
            {"investment-attraction", "全年引进项目5个，到位资金1亿元"}};

    private static final String[] PRACTICAL = {"修建通组水泥路", "安装太阳能路灯", "维修人饮水池", "修缮村活动室",
            "帮助困难群众危房改造", "开展农技培训", "硬化串户路", "新建文化广场", "修建灌溉水渠", "帮扶留守儿童",
            "组织义诊进村", "清理河道垃圾", "新建公共厕所", "帮助销售农产品", "改造农村电网线路"};

    private static final ObjectMapper JSON = new ObjectMapper();

    private CommitmentDemo() {
    }

    public static void load(String commitment, String token, List<DemoLoader.Org> organizations)
            throws IOException, InterruptedException {
        if (send(get(commitment + "/departments/" + TRANSPORT, token)).statusCode() == 200) {
            System.out.println("DEMO commitments already loaded");
            return;
        }
        awaitOrganizations(commitment, token, organizations.size());
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
        LocalDate since = today.withDayOfMonth(1).minusYears(1);
        Random random = new Random(1955);

        List<String> departmentCodes = new ArrayList<>();
        for (int i = 0; i < DEPARTMENTS.length; i++) {
            String code = DEPARTMENTS[i].equals("县交通运输局") ? TRANSPORT : "YP-DEPT-%02d".formatted(i + 1);
            departmentCodes.add(code);
            post(commitment + "/departments", token, JSON.createObjectNode().put("code", code)
                    .put("name", DEPARTMENTS[i]), "department " + code);
        }

        ArrayNode service = JSON.createArrayNode();
        for (int i = 0; i < departmentCodes.size(); i++) {
            String code = departmentCodes.get(i);
            if (code.equals(TRANSPORT)) {
                transportBureau(service, since, today);
                continue;
            }
            for (int k = 0; k < 2; k++) {
                String[] category = CATEGORIES[(i * 2 + k) % CATEGORIES.length];
                service.add(serviceEntry(code, DEPARTMENTS[i], category, since, today, random));
            }
        }
        post(commitment + "/commitments/ledger", token, service, "service commitments");

        // The practical things: which are fulfilled, on time, withdrawn or still open is dealt out in fixed numbers.
        List<String> fates = new ArrayList<>();
        fates.addAll(Collections.nCopies(ON_TIME, "on-time"));
        fates.addAll(Collections.nCopies(FULFILLED - ON_TIME, "late"));
        fates.addAll(Collections.nCopies(WITHDRAWN, "withdrawn"));
        fates.addAll(Collections.nCopies(PRACTICAL_THINGS - FULFILLED - WITHDRAWN, "open"));
        Collections.shuffle(fates, random);
        Map<String, ArrayNode> perOrganization = new HashMap<>();
        for (int i = 0; i < PRACTICAL_THINGS; i++) {
            DemoLoader.Org o = organizations.get(i % organizations.size());
            perOrganization.computeIfAbsent(o.code(), c -> JSON.createArrayNode())
                    .add(practicalEntry(o, i, fates.get(i), since, today, random));
        }
        for (var entries : perOrganization.entrySet()) {
            post(commitment + "/commitments/ledger", token, entries.getValue(), "practical things of " + entries.getKey());
        }
        HttpResponse<String> overdue = send(HttpRequest.newBuilder(URI.create(commitment + "/commitments/overdue-check"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));
        expectOk(overdue, "overdue check");

        int evaluations = evaluateServiceCommitments(commitment, token, random);
        System.out.printf("DEMO loaded: %d departments, %d service commitments, %d practical things (%d fulfilled, "
                        + "%d on time, %d withdrawn), %s overdue, %d evaluations%n", departmentCodes.size(), service.size(),
                PRACTICAL_THINGS, FULFILLED, ON_TIME, WITHDRAWN, JSON.readTree(overdue.body()).get("overdue"), evaluations);
    }

    /** The report's three: 10 km of road, the Huashi ferry-to-bridge (70%), 100 km of village asphalt roads (Tianping's 62 km at 80%). */
    private static void transportBureau(ArrayNode service, LocalDate since, LocalDate today) {
        LocalDate due = LocalDate.of(today.getYear(), 12, 31);
        ObjectNode road = pledge("SERVICE", "硬化野鸡坪至铁家溪到丙溪水泥公路",
                "硬化野鸡坪至铁家溪到丙溪长10公里、宽4.5米的水泥公路，解决沿线群众出行难。", since, due)
                .put("category", "government-services").put("departmentCode", TRANSPORT).put("responsible", "县交通运输局局长");
        road.put("targetQuantity", 10).put("targetUnit", "公里");
        road.putArray("milestones").add(milestone("路基完工", due.minusMonths(4))).add(milestone("路面硬化完工", due));
        ObjectNode roadEntry = JSON.createObjectNode().set("pledge", road);
        roadEntry.putArray("reports").add(report(55, null, "路基已完工，路面硬化正在推进", "路基完工", since.plusMonths(8)));
        service.add(roadEntry);

        ObjectNode bridge = pledge("SERVICE", "实施新店乡滑石渡改桥项目",
                "将新店乡滑石渡口改建为桥梁，彻底解决群众过河难。", since, due)
                .put("category", "government-services").put("departmentCode", TRANSPORT).put("responsible", "县交通运输局局长");
        ObjectNode bridgeEntry = JSON.createObjectNode().set("pledge", bridge);
        bridgeEntry.putArray("reports")
                .add(report(40, null, "桥梁桩基施工完成", null, since.plusMonths(5)))
                .add(report(70, null, "新店乡滑石公路已完成总工程量的70%", null, since.plusMonths(10)));
        service.add(bridgeEntry);

        ObjectNode asphalt = pledge("SERVICE", "建设100公里通村油路", "建设通村油路100公里，其中田坪镇境内62公里。", since, due)
                .put("category", "government-services").put("departmentCode", TRANSPORT).put("responsible", "县交通运输局局长");
        asphalt.put("targetQuantity", 100).put("targetUnit", "公里");
        asphalt.putArray("milestones").add(milestone("田坪镇境内62公里油路", due.minusMonths(2)))
                .add(milestone("其余38公里通村油路", due));
        ObjectNode asphaltEntry = JSON.createObjectNode().set("pledge", asphalt);
        asphaltEntry.putArray("reports").add(report(null, 49.6, "田坪镇境内的62公里油路建设已完成80%", null, since.plusMonths(10)));
        service.add(asphaltEntry);
    }

    private static ObjectNode serviceEntry(String department, String name, String[] category, LocalDate since,
                                           LocalDate today, Random random) {
        LocalDate pledgedOn = since.plusDays(random.nextInt(45));
        double roll = random.nextDouble();
        boolean fulfilled = roll < 0.55;
        boolean overdue = !fulfilled && roll < 0.62;
        LocalDate due = fulfilled || overdue ? pledgedOn.plusDays(120 + random.nextInt(150))
                : today.plusDays(20 + random.nextInt(200));
        if (!due.isBefore(today) && overdue) {
            due = today.minusDays(5);
        }
        ObjectNode pledge = pledge("SERVICE", category[1], name + "向社会公开承诺：" + category[1] + "。", pledgedOn, due)
                .put("category", category[0]).put("departmentCode", department).put("responsible", name + "主要负责人");
        ObjectNode entry = JSON.createObjectNode().set("pledge", pledge);
        LocalDate reportedOn = pledgedOn.plusDays(30 + random.nextInt(30));
        if (reportedOn.isBefore(today)) {
            entry.putArray("reports").add(report(30 + random.nextInt(50), null, "按计划推进", null, reportedOn));
        }
        if (fulfilled) {
            LocalDate last = due.isBefore(today) ? due : today;
            LocalDate fulfilledOn = last.minusDays(random.nextInt((int) Math.max(1, ChronoUnit.DAYS.between(reportedOn, last))));
            entry.putObject("fulfilment").put("evidence", "承诺事项办结报告及群众签字确认")
                    .put("fulfilledOn", (fulfilledOn.isBefore(reportedOn) ? reportedOn : fulfilledOn).toString());
        }
        return entry;
    }

    private static ObjectNode practicalEntry(DemoLoader.Org o, int index, String fate, LocalDate since, LocalDate today,
                                             Random random) {
        String what = PRACTICAL[index % PRACTICAL.length];
        LocalDate pledgedOn = since.plusDays(random.nextInt(60));
        LocalDate due = switch (fate) {
            case "on-time" -> pledgedOn.plusDays(90 + random.nextInt(200));
            case "late" -> pledgedOn.plusDays(60 + random.nextInt(120));
            default -> random.nextDouble() < 0.3 ? pledgedOn.plusDays(90 + random.nextInt(120)) // some lapse: overdue
                    : today.plusDays(15 + random.nextInt(200));
        };
        ObjectNode pledge = pledge("PRACTICAL_THING", o.name().replaceAll("(党委|党支部|党组)$", "") + what,
                o.name() + "为民办实事：" + what + "。", pledgedOn, due)
                .put("organizationCode", o.code()).put("responsible", o.name() + "书记");
        ObjectNode entry = JSON.createObjectNode().set("pledge", pledge);
        LocalDate reportedOn = pledgedOn.plusDays(20 + random.nextInt(30));
        entry.putArray("reports").add(report(20 + random.nextInt(60), null, "已落实资金，正在实施", null, reportedOn));
        switch (fate) {
            case "on-time" -> {
                LocalDate last = due.isBefore(today) ? due : today;
                long room = Math.max(1, ChronoUnit.DAYS.between(reportedOn, last));
                entry.putObject("fulfilment").put("evidence", "办结照片及群众签字确认")
                        .put("fulfilledOn", reportedOn.plusDays(random.nextLong(room)).toString());
            }
            case "late" -> entry.putObject("fulfilment").put("evidence", "办结照片及群众签字确认")
                    .put("fulfilledOn", min(due.plusDays(5 + random.nextInt(40)), today).toString());
            default -> {
            }
        }
        if (fate.equals("withdrawn")) {
            entry.putObject("withdrawal").put("reason", "该事项已纳入县级项目统一实施，支部承诺撤回");
        }
        return entry;
    }

    /** Some of the public's ratings on the service commitments, from distinct clients, mostly satisfied. */
    private static int evaluateServiceCommitments(String commitment, String token, Random random)
            throws IOException, InterruptedException {
        int sent = 0;
        for (int page = 0; ; page++) {
            HttpResponse<String> response = send(get(commitment + "/commitments?kind=SERVICE&size=200&page=" + page, token));
            expectOk(response, "service commitments");
            JsonNode items = JSON.readTree(response.body()).get("items");
            for (JsonNode item : items) {
                int count = 2 + random.nextInt(4);
                for (int k = 0; k < count; k++) {
                    double roll = random.nextDouble();
                    String rating = roll < 0.72 ? "SATISFIED" : roll < 0.93 ? "BASICALLY_SATISFIED" : "DISSATISFIED";
                    HttpResponse<String> evaluated = send(HttpRequest.newBuilder(URI.create(commitment + "/commitments/"
                                    + item.get("id").asText() + "/evaluations"))
                            .header("Content-Type", "application/json")
                            .header("X-Forwarded-For", "10.77." + (sent / 250) + "." + (sent % 250 + 1))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"rating\":\"" + rating + "\"}")));
                    expectOk(evaluated, "evaluation");
                    sent++;
                }
            }
            if (items.size() < 200) {
                return sent;
            }
        }
    }

    private static ObjectNode pledge(String kind, String title, String description, LocalDate pledgedOn, LocalDate due) {
        return JSON.createObjectNode().put("kind", kind).put("title", title).put("description", description)
                .put("pledgedOn", pledgedOn.toString()).put("dueDate", due.toString());
    }

    private static ObjectNode milestone(String title, LocalDate due) {
        return JSON.createObjectNode().put("title", title).put("dueDate", due.toString());
    }

    private static ObjectNode report(Integer percent, Double quantity, String note, String milestone, LocalDate on) {
        ObjectNode report = JSON.createObjectNode().put("note", note).put("reportedOn", on.toString());
        if (percent != null) {
            report.put("percent", percent);
        }
        if (quantity != null) {
            report.put("quantity", quantity);
        }
        if (milestone != null) {
            report.put("milestoneReached", milestone);
        }
        return report;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** The commitment service learns the organizations from the register's events; wait until it knows them all. */
    private static void awaitOrganizations(String commitment, String token, int expected)
            throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 120; attempt++) {
            HttpResponse<String> response = send(get(commitment + "/organizations", token));
            if (response.statusCode() == 200 && JSON.readTree(response.body()).size() >= expected) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the commitment service did not learn the " + expected + " organizations in time");
    }
}
