package cn.gov.partyaffairs.gateway.report;

import cn.gov.partyaffairs.contracts.Labels;
import cn.gov.partyaffairs.contracts.disclosure.ComplianceRate;
import cn.gov.partyaffairs.gateway.publicapi.PublicDtos;
import cn.gov.partyaffairs.gateway.publicapi.PublicQueries;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.time.TimeConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a year's report out of the read models, with the same rules as the statistics: the engine's compliance
 * outcomes counted by {@link ComplianceRate}, commitments as the commitment service's figures count them,
 * satisfaction as {@link PublicDtos.Satisfaction}. A handful of aggregate queries, each bounded by the year.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AnnualReportQuery {

    private static final Map<String, String> KINDS = Map.of("SERVICE", "公开服务承诺", "PRACTICAL_THING", "为民办实事");

    private final EntityManager em;
    private final TimeConfig time;
    private final Clock clock;
    private final ObjectMapper mapper;

    public AnnualReportQuery(EntityManager em, TimeConfig time, Clock clock, ObjectMapper mapper) {
        this.em = em;
        this.time = time;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** The years with anything to report, oldest first, up to this one. */
    public List<Integer> years() {
        Object first = em.createNativeQuery("""
                SELECT least((SELECT min(published_at) FROM disclosure_view WHERE published_at IS NOT NULL),
                             (SELECT min(period_start)::timestamptz FROM compliance_view),
                             (SELECT min(pledged_on)::timestamptz FROM commitment_view))""").getSingleResult();
        int now = LocalDate.now(clock.withZone(time.zone())).getYear();
        int from = first == null ? now : toYear(first);
        List<Integer> years = new ArrayList<>();
        for (int y = from; y <= now; y++) {
            years.add(y);
        }
        return years;
    }

    /**
     * @param organizationCode null for the county
     * @param withFindings     the officials' report: with supervision's figures
     */
    public AnnualReport report(int year, String organizationCode, boolean withFindings) {
        if (year < 2000 || year > LocalDate.now(clock.withZone(time.zone())).getYear()) {
            throw ProblemException.invalid("year", "年份应在 2000 年至今年之间");
        }
        AnnualReport.Organization organization = organizationCode == null || organizationCode.isBlank()
                ? null : organization(organizationCode.strip());
        String code = organization == null ? null : organization.code();
        OffsetDateTime start = LocalDate.of(year, 1, 1).atStartOfDay(time.zone()).toOffsetDateTime();
        OffsetDateTime end = LocalDate.of(year + 1, 1, 1).atStartOfDay(time.zone()).toOffsetDateTime();
        LocalDate firstDay = LocalDate.of(year, 1, 1);
        LocalDate lastDay = LocalDate.of(year, 12, 31);
        return new AnnualReport(year, organization, OffsetDateTime.now(clock), disclosures(code, start, end),
                compliance(code, firstDay, lastDay), complianceTotal(code, firstDay, lastDay),
                comments(code, start, end), commitments(code, firstDay, lastDay), evaluations(code, start, end),
                withFindings ? findings(code, firstDay, lastDay) : null);
    }

    private AnnualReport.Organization organization(String code) {
        List<?> rows = em.createNativeQuery("SELECT code, name, type FROM organization_view WHERE code = ?1")
                .setParameter(1, code).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("党组织", code);
        }
        Object[] row = (Object[]) rows.get(0);
        return new AnnualReport.Organization((String) row[0], (String) row[1], (String) row[2],
                Labels.zh(Labels.ORGANIZATION_TYPE, (String) row[2]));
    }

    private AnnualReport.Disclosures disclosures(String code, OffsetDateTime start, OffsetDateTime end) {
        String published = """
                FROM disclosure_view d WHERE d.scope = 'PUBLIC' AND d.status = 'PUBLISHED'
                AND d.published_at >= ?1 AND d.published_at < ?2 AND (CAST(?3 AS varchar) IS NULL OR d.organization_code = ?3)""";
        Map<String, Long> byCategory = new TreeMap<>();
        for (Object[] row : rows(em.createNativeQuery("""
                SELECT category, count(*) FROM (SELECT unnest(string_to_array(trim(BOTH ',' FROM d.category_codes), ','))
                AS category""" + " " + published + ") c WHERE category <> '' GROUP BY category"), start, end, code)) {
            byCategory.put((String) row[0], number(row[1]));
        }
        Map<String, String> names = categoryNames();
        List<AnnualReport.Count> categories = new ArrayList<>();
        names.forEach((category, name) -> categories.add(new AnnualReport.Count(category, name,
                byCategory.getOrDefault(category, 0L))));
        byCategory.forEach((category, count) -> {
            if (!names.containsKey(category)) {
                categories.add(new AnnualReport.Count(category, category, count));
            }
        });
        List<AnnualReport.Count> types = new ArrayList<>();
        long total = 0;
        for (Object[] row : rows(em.createNativeQuery("SELECT coalesce(o.type, '?'), count(*) " + published.replace(
                "FROM disclosure_view d", "FROM disclosure_view d LEFT JOIN organization_view o ON o.code = d.organization_code")
                + " GROUP BY 1 ORDER BY 1"), start, end, code)) {
            long count = number(row[1]);
            types.add(new AnnualReport.Count((String) row[0], Labels.zh(Labels.ORGANIZATION_TYPE, (String) row[0]), count));
            total += count;
        }
        return new AnnualReport.Disclosures(categories, types, total);
    }

    /** The catalog's categories in order, from the catalog the disclosure service published. */
    private Map<String, String> categoryNames() {
        Map<String, String> names = new LinkedHashMap<>();
        List<?> rows = em.createNativeQuery("SELECT categories FROM catalog_view ORDER BY published_at DESC LIMIT 1")
                .getResultList();
        if (!rows.isEmpty()) {
            try {
                for (JsonNode category : mapper.readTree((String) rows.get(0))) {
                    names.put(category.get("code").asText(), category.get("name").asText());
                }
            } catch (Exception e) {
                throw new IllegalStateException("the catalog read model cannot be read", e);
            }
        }
        return names;
    }

    private List<Object[]> complianceRows(String code, LocalDate first, LocalDate last) {
        return rows(em.createNativeQuery("""
                SELECT organization_type, state, due, count(*) FROM compliance_view
                WHERE period_start >= ?1 AND period_start <= ?2 AND (CAST(?3 AS varchar) IS NULL OR organization_code = ?3)
                GROUP BY organization_type, state, due"""), first, last, code);
    }

    private List<AnnualReport.Compliance> compliance(String code, LocalDate first, LocalDate last) {
        List<AnnualReport.Compliance> byType = new ArrayList<>();
        PublicQueries.ratesByType(complianceRows(code, first, last)).forEach((type, rate) ->
                byType.add(compliance(type, Labels.zh(Labels.ORGANIZATION_TYPE, type), rate)));
        return byType;
    }

    private AnnualReport.Compliance complianceTotal(String code, LocalDate first, LocalDate last) {
        ComplianceRate total = PublicQueries.ratesByType(complianceRows(code, first, last)).values().stream()
                .reduce(ComplianceRate.NONE, ComplianceRate::plus);
        return compliance(null, "合计", total);
    }

    private static AnnualReport.Compliance compliance(String type, String label, ComplianceRate rate) {
        return new AnnualReport.Compliance(type, label, rate.periodsDue(), rate.onTime(), rate.late(), rate.missing(),
                rate.exempted(), rate.onTimeRate());
    }

    private long comments(String code, OffsetDateTime start, OffsetDateTime end) {
        return number(one(em.createNativeQuery("""
                SELECT count(*) FROM comment_view c JOIN disclosure_view d ON d.id = c.disclosure_id
                WHERE c.approved_at >= ?1 AND c.approved_at < ?2 AND (CAST(?3 AS varchar) IS NULL OR d.organization_code = ?3)"""),
                start, end, code));
    }

    private List<AnnualReport.Commitments> commitments(String code, LocalDate first, LocalDate last) {
        Map<String, Map<String, Long>> byKind = new TreeMap<>();
        Map<String, Long> onTime = new TreeMap<>();
        for (Object[] row : rows(em.createNativeQuery("""
                SELECT kind, status, count(*), count(*) FILTER (WHERE status = 'FULFILLED' AND on_time)
                FROM commitment_view
                WHERE pledged_on >= ?1 AND pledged_on <= ?2 AND (CAST(?3 AS varchar) IS NULL OR organization_code = ?3)
                GROUP BY kind, status"""), first, last, code)) {
            byKind.computeIfAbsent((String) row[0], k -> new TreeMap<>()).put((String) row[1], number(row[2]));
            onTime.merge((String) row[0], number(row[3]), Long::sum);
        }
        List<AnnualReport.Commitments> kinds = new ArrayList<>();
        for (String kind : List.of("SERVICE", "PRACTICAL_THING")) {
            Map<String, Long> status = byKind.getOrDefault(kind, Map.of());
            long open = status.getOrDefault("PLEDGED", 0L) + status.getOrDefault("IN_PROGRESS", 0L);
            long fulfilled = status.getOrDefault("FULFILLED", 0L);
            long overdue = status.getOrDefault("OVERDUE", 0L);
            long kept = onTime.getOrDefault(kind, 0L);
            kinds.add(new AnnualReport.Commitments(kind, KINDS.get(kind), open + fulfilled + overdue, open, fulfilled,
                    kept, PublicDtos.ratio(kept, fulfilled), overdue, status.getOrDefault("WITHDRAWN", 0L)));
        }
        return kinds;
    }

    private AnnualReport.Evaluations evaluations(String code, OffsetDateTime start, OffsetDateTime end) {
        Map<String, Long> byRating = new TreeMap<>();
        long verified = 0;
        for (Object[] row : rows(em.createNativeQuery("""
                SELECT r.rating, count(*), count(*) FILTER (WHERE r.verified)
                FROM evaluation_rating_view r JOIN commitment_view c ON c.id = r.commitment_id
                WHERE r.rated_at >= ?1 AND r.rated_at < ?2 AND (CAST(?3 AS varchar) IS NULL OR c.organization_code = ?3)
                GROUP BY r.rating"""), start, end, code)) {
            byRating.put((String) row[0], number(row[1]));
            verified += number(row[2]);
        }
        PublicDtos.Satisfaction s = PublicDtos.Satisfaction.of(byRating.getOrDefault("SATISFIED", 0L),
                byRating.getOrDefault("BASICALLY_SATISFIED", 0L), byRating.getOrDefault("DISSATISFIED", 0L), verified);
        return new AnnualReport.Evaluations(s.evaluations(), s.satisfied(), s.basicallySatisfied(), s.dissatisfied(),
                s.rate());
    }

    private AnnualReport.Findings findings(String code, LocalDate first, LocalDate last) {
        Object[] row = (Object[]) one(em.createNativeQuery("""
                SELECT count(*), count(*) FILTER (WHERE status = 'CLOSED'), count(*) FILTER (WHERE status = 'RECTIFIED'),
                       count(*) FILTER (WHERE status = 'OPEN'), count(*) FILTER (WHERE overdue AND status <> 'CLOSED')
                FROM finding_view
                WHERE raised_on >= ?1 AND raised_on <= ?2 AND (CAST(?3 AS varchar) IS NULL OR unit_code = ?3)"""),
                first, last, code);
        long raised = number(row[0]);
        long closed = number(row[1]);
        return new AnnualReport.Findings(raised, closed, number(row[2]), number(row[3]), number(row[4]),
                PublicDtos.ratio(closed, raised));
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query, Object first, Object second, String code) {
        return query.setParameter(1, first).setParameter(2, second).setParameter(3, code).getResultList();
    }

    private static Object one(Query query, Object first, Object second, String code) {
        return query.setParameter(1, first).setParameter(2, second).setParameter(3, code).getSingleResult();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private int toYear(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(time.zone()).getYear();
        }
        if (value instanceof java.time.Instant i) {
            return i.atZone(time.zone()).getYear();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atZone(time.zone()).getYear();
        }
        throw new IllegalStateException("unexpected timestamp " + value.getClass());
    }
}
