package cn.gov.partyaffairs.contracts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of what the suite's codes are called, in Chinese and in English, by vocabulary and code: the
 * organization types, channels, outlets, commitment categories and the states the pages show. The services name
 * things from here, the gateway's server-rendered pages too, and the scripts get the same table from the gateway
 * ({@code /js/labels.js}, written from this class). A code without a label shows as itself; tests in each module
 * check that every code in use has both names.
 *
 * <p>Adding a code (a new channel or category in a service's configuration, a new enum constant): add its line
 * here, in the order the forms should offer it.
 */
public final class Labels {

    /** A code's names. */
    public record Label(String zh, String en) {
    }

    /** To whom a disclosure is open (the disclosure service's {@code Scope}). */
    public static final String SCOPE = "scope";
    /** The states the pages show: disclosures, commitments and disclosure periods (compliance outcomes). */
    public static final String STATUS = "status";
    /** {@link cn.gov.partyaffairs.contracts.commitment.CommitmentKind}. */
    public static final String COMMITMENT_KIND = "kind";
    /** The public's rating of a commitment. */
    public static final String RATING = "rating";
    /** The channels a disclosure goes through ({@code disclosure.channels.*}). */
    public static final String CHANNEL = "channel";
    /** The categories of public service commitments ({@code commitment.categories.*}). */
    public static final String CATEGORY = "category";
    /** A media outlet's level ({@code disclosure.outlets.*.level}). */
    public static final String OUTLET_LEVEL = "level";
    /** The media outlets pieces are submitted to ({@code disclosure.outlets.*}). */
    public static final String OUTLET = "outlet";
    /** The register's organization types ({@code disclosure.organization-types.*}, {@code supervision.unit-types.*}). */
    public static final String ORGANIZATION_TYPE = "orgType";
    /** When a catalog item is disclosed ({@link cn.gov.partyaffairs.contracts.disclosure.CatalogPublished}'s timing). */
    public static final String TIMING = "timing";
    /** {@link cn.gov.partyaffairs.contracts.supervision.GuidanceTaskKind}. */
    public static final String TASK = "task";
    /** Where a demonstration unit's set-up task stands. */
    public static final String TASK_STATUS = "taskStatus";
    /** Where a finding stands. */
    public static final String FINDING_STATUS = "findingStatus";
    /** {@link cn.gov.partyaffairs.contracts.supervision.FindingSeverity}. */
    public static final String SEVERITY = "severity";
    /** A step in a finding's history. */
    public static final String FINDING_STEP = "step";
    /** {@link cn.gov.partyaffairs.contracts.supervision.FindingSource}. */
    public static final String FINDING_SOURCE = "source";
    /**
     * How far a disclosure's waiting step went past its limit: {@code REMINDED} (its last working day comes), then
     * {@link cn.gov.partyaffairs.contracts.disclosure.StepEscalationLevel}'s levels.
     */
    public static final String STEP_ALERT = "stepAlert";

    private static final Map<String, Map<String, Label>> VOCABULARIES = new LinkedHashMap<>();

    static {
        vocabulary(SCOPE)
                .add("PUBLIC", "向社会公开", "Public")
                .add("PARTY_WIDE", "党内公开", "Within the party")
                .add("PARTY_PART", "党内部分公开", "Part of the party");
        vocabulary(STATUS)
                .add("DRAFT", "草稿", "Draft")
                .add("SUBMITTED", "待审核", "Submitted")
                .add("REVIEWED", "已审核", "Reviewed")
                .add("RETURNED", "已退回", "Returned")
                .add("APPROVED", "已审批", "Approved")
                .add("PUBLISHED", "已公开", "Published")
                .add("WITHDRAWN", "已撤回", "Withdrawn")
                .add("PLEDGED", "已承诺", "Pledged")
                .add("IN_PROGRESS", "推进中", "In progress")
                .add("FULFILLED", "已兑现", "Fulfilled")
                .add("OVERDUE", "已逾期", "Overdue")
                .add("KEPT", "按时公开", "On time")
                .add("ON_TIME", "按时公开", "On time")
                .add("LATE", "逾期公开", "Late")
                .add("MISSING", "未公开", "Missing")
                .add("DUE", "待公开", "Due")
                .add("PENDING", "待公开", "Not yet due")
                .add("CURED", "逾期补公开", "Late (after a lapse)")
                .add("EXEMPTED", "免于公开", "Exempted");
        vocabulary(COMMITMENT_KIND)
                .add("SERVICE", "公开服务承诺", "Service commitment")
                .add("PRACTICAL_THING", "为民办实事", "Practical thing");
        vocabulary(RATING)
                .add("SATISFIED", "满意", "Satisfied")
                .add("BASICALLY_SATISFIED", "基本满意", "Basically satisfied")
                .add("DISSATISFIED", "不满意", "Dissatisfied");
        vocabulary(CHANNEL)
                .add("disclosure-board", "党务公开栏", "Disclosure board")
                .add("county-website", "县政府网站", "County website")
                .add("tv-column", "电视专栏", "TV column")
                .add("newspaper", "《今日玉屏》", "Newspaper")
                .add("journal", "《和谐玉屏》", "Journal")
                .add("new-media", "新媒体", "New media")
                .add("leaflet", "宣传单", "Leaflets")
                .add("banner", "横幅", "Banners")
                .add("meeting", "会议", "Meetings")
                .add("documents", "文件", "Documents")
                .add("internal-network", "党内网络", "Party network");
        vocabulary(CATEGORY)
                .add("party-affairs-disclosure", "党务公开", "Party affairs disclosure")
                .add("administrative-approval", "行政审批", "Administrative approval")
                .add("law-enforcement", "行政执法", "Law enforcement")
                .add("government-services", "政府服务", "Government services")
                .add("credit-system", "诚信体系", "Credit system")
                .add("public-security", "社会治安", "Public security")
                .add("environment", "环境建设", "Environment")
                .add("investment-attraction", "招商引资", "Investment attraction");
        vocabulary(OUTLET_LEVEL)
                .add("NATIONAL", "中央级", "National")
                .add("PROVINCIAL", "省级", "Provincial")
                .add("PREFECTURE", "地市级", "Prefecture")
                .add("COUNTY", "县级", "County");
        vocabulary(OUTLET)
                .add("people-daily-online", "人民网", "People's Daily Online")
                .add("china-party-building-net", "中国党建网", "China Party Building Net")
                .add("guizhou-daily", "贵州日报", "Guizhou Daily")
                .add("tongren-daily", "铜仁日报", "Tongren Daily")
                .add("today-yuping", "《今日玉屏》", "Yuping Today")
                .add("county-website", "玉屏县政府网站", "Yuping County website")
                .add("harmonious-yuping", "《和谐玉屏》", "Harmonious Yuping")
                .add("county-tv", "玉屏县电视台", "Yuping County TV");
        vocabulary(ORGANIZATION_TYPE)
                .add("county-committee", "县委", "County committee")
                .add("township-committee", "乡镇党委", "Township committees")
                .add("county-level", "县直属党组织", "County-level organizations")
                .add("school", "县直学校党组织", "Schools")
                .add("enterprise", "非公企业党组织", "Enterprises")
                .add("village-branch", "农村党支部", "Village branches")
                .add("community-branch", "社区党支部", "Community branches");
        vocabulary(TIMING)
                .add("REGULAR", "按公开周期定期公开", "Every period of the organization's cadence")
                .add("EVENT", "事后及时公开", "After the matter arises");
        vocabulary(TASK)
                .add("IMPLEMENTATION_RULES", "制定实施细则", "Implementation rules")
                .add("CONTENT_CATALOG", "确定公开内容和目录", "Content and catalog")
                .add("DISCLOSURE_METHODS", "建立公开方式", "Disclosure methods")
                .add("MATERIALS_LEDGERS", "资料台账完整", "Materials and ledgers");
        vocabulary(TASK_STATUS)
                .add("NOT_STARTED", "未开始", "Not started")
                .add("IN_PROGRESS", "推进中", "In progress")
                .add("DONE", "已完成", "Done");
        vocabulary(FINDING_STATUS)
                .add("OPEN", "待整改", "To rectify")
                .add("RECTIFICATION_REPORTED", "整改待验收", "Awaiting verification")
                .add("REOPENED", "重新整改", "Rectify again")
                .add("VERIFIED", "已验收销号", "Verified, closed")
                .add("RESOLVED", "已自动消除", "Resolved");
        vocabulary(SEVERITY)
                .add("MINOR", "一般", "Minor")
                .add("MAJOR", "较重", "Major")
                .add("SERIOUS", "严重", "Serious");
        vocabulary(FINDING_STEP)
                .add("RAISED", "提出问题", "Raised")
                .add("RECTIFICATION_REPORTED", "报告整改", "Rectification reported")
                .add("VERIFIED", "验收销号", "Verified, closed")
                .add("REOPENED", "退回重新整改", "Sent back")
                .add("OVERDUE", "整改逾期", "Overdue")
                .add("RESOLVED", "自动消除", "Resolved");
        vocabulary(FINDING_SOURCE)
                .add("INSPECTION", "督查发现", "From an inspection")
                .add("GUIDANCE", "指导中发现", "Found while guiding")
                .add("DISCLOSURE_LAPSE", "未按期公开（自动）", "Missed disclosure (automatic)")
                .add("COMMITMENT_LAPSE", "为民办实事逾期（自动）", "Overdue practical thing (automatic)");
        vocabulary(STEP_ALERT)
                .add("REMINDED", "即将超时（已提醒）", "Due soon (reminded)")
                .add("PARENT_ORGANIZATION", "超时，已报上级党组织", "Overdue, escalated to the parent organization")
                .add("COUNTY_OFFICE", "超时，已报县委党务公开办", "Overdue, escalated to the county office");
    }

    private Labels() {
    }

    /** Every vocabulary, each with its codes in the order forms offer them. */
    public static Map<String, Map<String, Label>> all() {
        return Collections.unmodifiableMap(VOCABULARIES);
    }

    /** One vocabulary's codes and names, in order; empty when there is no such vocabulary. */
    public static Map<String, Label> of(String vocabulary) {
        return VOCABULARIES.getOrDefault(vocabulary, Map.of());
    }

    public static Optional<Label> find(String vocabulary, String code) {
        return Optional.ofNullable(of(vocabulary).get(code));
    }

    /** The code's names; the code itself in both languages when it has none (shown raw rather than hidden). */
    public static Label label(String vocabulary, String code) {
        return find(vocabulary, code).orElseGet(() -> new Label(code, code));
    }

    public static String zh(String vocabulary, String code) {
        return label(vocabulary, code).zh();
    }

    public static String en(String vocabulary, String code) {
        return label(vocabulary, code).en();
    }

    public static String zh(String vocabulary, Enum<?> code) {
        return zh(vocabulary, code.name());
    }

    private static Builder vocabulary(String name) {
        Map<String, Label> codes = new LinkedHashMap<>();
        VOCABULARIES.put(name, Collections.unmodifiableMap(codes));
        return new Builder(codes);
    }

    private record Builder(Map<String, Label> codes) {
        Builder add(String code, String zh, String en) {
            if (codes.putIfAbsent(code, new Label(zh, en)) != null) {
                throw new IllegalStateException("label twice: " + code);
            }
            return this;
        }
    }
}
