package cn.gov.partyaffairs.gateway.feed;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.Labels;
import cn.gov.partyaffairs.contracts.commitment.CommitmentFulfilled;
import cn.gov.partyaffairs.contracts.commitment.CommitmentMilestoneMissed;
import cn.gov.partyaffairs.contracts.commitment.CommitmentOverdue;
import cn.gov.partyaffairs.contracts.commitment.CommitmentPledged;
import cn.gov.partyaffairs.contracts.commitment.CommitmentProgressReported;
import cn.gov.partyaffairs.contracts.commitment.CommitmentWithdrawn;
import cn.gov.partyaffairs.gateway.audit.AuditActions;
import cn.gov.partyaffairs.gateway.catalog.CatalogReadModel;
import cn.gov.partyaffairs.gateway.catalog.PublicCatalog;
import cn.gov.partyaffairs.gateway.config.GatewayConfig;
import cn.gov.partyaffairs.gateway.readmodel.CommitmentView;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.time.TimeConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Atom feeds, from the read models alone: what the public API shows, newest first, at most {@link #ENTRIES}
 * entries. Disclosures come from {@code disclosure_view} and its versions (only public ones; a withdrawn one keeps
 * its title and the reason, nothing of its content); a commitment's history from the public events the gateway
 * logged for it ({@code event_log}, audience PUBLIC), named like the audit trail names them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FeedQueries {

    public static final int ENTRIES = 50;

    /** The commitment's events a feed shows, by their CloudEvents type. */
    private static final Map<String, Class<? extends DomainEvent>> COMMITMENT_EVENTS = Arrays.stream(new Class[]{
                    CommitmentPledged.class, CommitmentProgressReported.class, CommitmentFulfilled.class,
                    CommitmentOverdue.class, CommitmentMilestoneMissed.class, CommitmentWithdrawn.class})
            .map(c -> (Class<? extends DomainEvent>) c)
            .collect(Collectors.toUnmodifiableMap(c -> DomainEvent.typeOf(c).value(), Function.identity()));

    /** Before any entry: a feed about nothing yet still has a stable {@code updated}. */
    private static final Instant NOTHING_YET = Instant.parse("2017-01-01T00:00:00Z");

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final CatalogReadModel catalog;
    private final GatewayConfig config;
    private final ZoneId county;

    public FeedQueries(EntityManager em, ObjectMapper mapper, CatalogReadModel catalog, GatewayConfig config,
                       TimeConfig time) {
        this.em = em;
        this.mapper = mapper;
        this.catalog = catalog;
        this.config = config;
        this.county = time.zone(); // the county's offset on every date, whatever clock the tests set
    }

    /** One organization: its public disclosures as published, their corrections and withdrawals. */
    public AtomFeed organization(String code) {
        Object[] organization = organizationRow(code);
        String name = (String) organization[1];
        List<AtomFeed.Entry> entries = disclosureEntries("", "d.organization_code = ?1", code, true);
        return feed("organizations/" + code, name + " · 党务公开",
                name + "公开的事项，以及更正和撤回", entries, at(organization[2]),
                "/api/v1/public/feeds/organizations/" + encode(code), "/org.html?code=" + encode(code));
    }

    /** One catalog category (C1 … C9): the disclosures of any organization that cover one of its items. */
    public AtomFeed category(String code) {
        PublicCatalog read = catalog.read();
        PublicCatalog.Category category = read.categories().stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("公开类别", code));
        List<AtomFeed.Entry> entries = disclosureEntries("", "d.category_codes LIKE ?1", "%," + code + ",%", false);
        return feed("categories/" + code, category.name() + " · " + config.feeds().title(),
                "公开目录第" + code + "类「" + category.name() + "」的最新公开事项", entries,
                read.publishedAt() == null ? NOTHING_YET.atZone(county).toOffsetDateTime() : read.publishedAt(),
                "/api/v1/public/feeds/categories/" + encode(code), "/index.html?category=" + encode(code));
    }

    /** One township: the disclosures of its committee and every organization under it in the register's tree. */
    public AtomFeed township(String code) {
        Object[] township = organizationRow(code);
        if (!"township-committee".equals(township[3])) {
            throw ProblemException.notFound("乡镇党委", code);
        }
        String name = (String) township[1];
        List<AtomFeed.Entry> entries = disclosureEntries("""
                WITH RECURSIVE tree (code) AS (
                    SELECT code FROM organization_view WHERE code = ?1
                    UNION
                    SELECT o.code FROM organization_view o JOIN tree t ON o.parent_code = t.code
                )
                """, "d.organization_code IN (SELECT code FROM tree)", code, false);
        return feed("townships/" + code, name + "及所辖党组织 · 党务公开",
                name + "及其所辖党组织的最新公开事项", entries, at(township[2]),
                "/api/v1/public/feeds/townships/" + encode(code), "/org.html?code=" + encode(code));
    }

    /** The county: the latest public disclosures of every organization. */
    public AtomFeed county() {
        List<AtomFeed.Entry> entries = disclosureEntries("", "TRUE", null, false);
        return feed("county", config.feeds().title() + " · 最新公开", "全县各级党组织最新公开的事项", entries,
                NOTHING_YET.atZone(county).toOffsetDateTime(), "/api/v1/public/feeds/county", "/");
    }

    /** One commitment: pledged, each progress report, fulfilled, overdue, a milestone missed, withdrawn. */
    public AtomFeed commitment(UUID id) {
        CommitmentView c = em.find(CommitmentView.class, id);
        if (c == null) {
            throw ProblemException.notFound("承诺", id.toString());
        }
        String owner = c.departmentName != null ? c.departmentName
                : c.organizationName != null ? c.organizationName : c.responsible;
        URI page = page(commitmentPage(c));
        String kind = Labels.find(Labels.COMMITMENT_KIND, c.kind).map(Labels.Label::zh).orElse(c.kind);
        List<AtomFeed.Category> categories = List.of(new AtomFeed.Category(c.kind, kind));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT event_id, type, occurred_at, data FROM event_log
                        WHERE subject = ?1 AND audience = 'PUBLIC' AND type IN (?2)
                        ORDER BY seq DESC""")
                .setParameter(1, id).setParameter(2, COMMITMENT_EVENTS.keySet()).setMaxResults(ENTRIES)
                .getResultList();
        List<AtomFeed.Entry> entries = new ArrayList<>();
        for (Object[] row : rows) {
            String action = AuditActions.ofEventType((String) row[1]);
            JsonNode data = json((String) row[3]);
            // When it happened as the event says (at, or when the service detected it), else when it was sent.
            JsonNode said = data.hasNonNull("at") ? data.get("at") : data.get("detectedAt");
            OffsetDateTime at = said != null && said.isTextual() ? parse(said.asText(), row[2]) : at(row[2]);
            entries.add(new AtomFeed.Entry(uuid("event:" + row[0]), commitmentTitle(action, c.title, data), at, at,
                    owner, page, commitmentSummary(action, data), categories));
        }
        entries.sort(java.util.Comparator.comparing(AtomFeed.Entry::updated).reversed());
        OffsetDateTime pledged = c.pledgedOn.atStartOfDay(county).toOffsetDateTime();
        return feed("commitments/" + id, c.title + " · " + kind, owner + "的承诺：进展、兑现、逾期与撤回", entries,
                pledged, "/api/v1/public/feeds/commitments/" + id, commitmentPage(c));
    }

    /** {@code commitments.html} filtered to the commitment's owner, at the commitment. */
    private static String commitmentPage(CommitmentView c) {
        String filter = c.departmentCode != null ? "department=" + encode(c.departmentCode)
                : c.organizationCode != null ? "organization=" + encode(c.organizationCode) : "";
        return "/commitments.html?" + filter + "#c-" + c.id;
    }

    private static String commitmentTitle(String action, String title, JsonNode data) {
        String name = AuditActions.of(action).zh();
        return switch (action) {
            case "CommitmentProgressReported" -> data.hasNonNull("progressPercent")
                    ? name + "：" + title + "（" + data.get("progressPercent").asInt() + "%）" : name + "：" + title;
            case "CommitmentMilestoneMissed" -> name + "：" + title + " · " + data.path("milestone").asText("");
            default -> name + "：" + title;
        };
    }

    private static String commitmentSummary(String action, JsonNode data) {
        List<String> parts = new ArrayList<>();
        switch (action) {
            case "CommitmentPledged" -> {
                add(parts, "", data.path("description"));
                add(parts, "责任：", data.path("responsible"));
                add(parts, "承诺期限：", data.path("dueDate"));
            }
            case "CommitmentProgressReported" -> {
                add(parts, "", data.path("note"));
                add(parts, "说明：", data.path("reason"));
                add(parts, "达成节点：", data.path("milestoneReached"));
                add(parts, "报告日期：", data.path("reportedOn"));
            }
            case "CommitmentFulfilled" -> {
                add(parts, "兑现日期：", data.path("fulfilledOn"));
                parts.add(data.path("onTime").asBoolean() ? "按期兑现" : "逾期兑现");
                add(parts, "佐证：", data.path("evidence"));
            }
            case "CommitmentOverdue" -> {
                add(parts, "承诺期限：", data.path("dueDate"));
                if (data.hasNonNull("progressPercent")) {
                    parts.add("当前进度 " + data.get("progressPercent").asInt() + "%");
                }
            }
            case "CommitmentMilestoneMissed" -> add(parts, "节点期限：", data.path("milestoneDueDate"));
            case "CommitmentWithdrawn" -> add(parts, "撤回理由：", data.path("reason"));
            default -> {
            }
        }
        return String.join("；", parts);
    }

    private static void add(List<String> parts, String prefix, JsonNode value) {
        if (value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
            parts.add(prefix + value.asText());
        }
    }

    /**
     * Disclosure entries of the public disclosures that meet {@code condition} (on {@code d}, with its one parameter
     * ?1 unless {@code parameter} is null),
     * newest first: each publication; with {@code changes}, also each correction and each withdrawal.
     */
    private List<AtomFeed.Entry> disclosureEntries(String with, String condition, Object parameter, boolean changes) {
        String published = """
                SELECT 'PUBLISHED' AS kind, d.id AS id, d.title AS title, d.published_at AS at,
                       CAST(NULL AS TEXT) AS reason, d.content_version AS version
                FROM disclosure_view d WHERE d.scope = 'PUBLIC' AND d.status = 'PUBLISHED' AND %s""".formatted(condition);
        String union = !changes ? published : published + """

                UNION ALL
                SELECT 'CORRECTED', d.id, v.title, v.at, v.reason, v.content_version
                FROM disclosure_version_view v JOIN disclosure_view d ON d.id = v.disclosure_id
                WHERE v.content_version > 1 AND d.scope = 'PUBLIC' AND d.status = 'PUBLISHED' AND %s
                UNION ALL
                SELECT 'WITHDRAWN', d.id, d.title, d.withdrawn_at, d.withdraw_reason, d.content_version
                FROM disclosure_view d WHERE d.scope = 'PUBLIC' AND d.status = 'WITHDRAWN' AND %s"""
                .formatted(condition, condition);
        Query query = em.createNativeQuery(with + """
                SELECT e.kind, e.id, e.title, e.at, e.reason, e.version, d.organization_code, o.name, d.updated_at,
                       d.category_codes, d.published_at, d.period_start, d.period_end
                FROM (%s) e
                JOIN disclosure_view d ON d.id = e.id
                LEFT JOIN organization_view o ON o.code = d.organization_code
                ORDER BY e.at DESC, e.id, e.kind""".formatted(union));
        if (parameter != null) {
            query.setParameter(1, parameter);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setMaxResults(ENTRIES).getResultList();
        Map<String, String> categoryNames = categoryNames();
        List<AtomFeed.Entry> entries = new ArrayList<>();
        for (Object[] r : rows) {
            String kind = (String) r[0];
            UUID id = (UUID) r[1];
            String title = (String) r[2];
            OffsetDateTime at = at(r[3]);
            String reason = (String) r[4];
            int version = ((Number) r[5]).intValue();
            String author = r[7] != null ? (String) r[7] : (String) r[6];
            URI page = page("/disclosure.html?id=" + id);
            List<AtomFeed.Category> categories = Arrays.stream(((String) r[9]).split(",")).filter(s -> !s.isBlank())
                    .map(code -> new AtomFeed.Category(code, categoryNames.get(code))).toList();
            String period = "公开期间：" + r[11] + " 至 " + r[12];
            entries.add(switch (kind) {
                // The disclosure itself (its id is the entry's): its current title, updated by each correction.
                case "PUBLISHED" -> new AtomFeed.Entry("urn:uuid:" + id, title, at(r[8]), at, author, page,
                        period + (version > 1 ? "；已更正，现为第" + version + "版" : ""), categories);
                case "CORRECTED" -> new AtomFeed.Entry(uuid("disclosure:" + id + ":version:" + version),
                        AuditActions.of("DisclosureCorrected").zh() + "：" + title, at, at, author, page,
                        "第" + version + "版" + (reason == null || reason.isBlank() ? "" : "；更正理由：" + reason),
                        categories);
                default -> new AtomFeed.Entry(uuid("disclosure:" + id + ":withdrawn"),
                        AuditActions.of("DisclosureWithdrawn").zh() + "：" + title, at, at, author, page,
                        reason == null || reason.isBlank() ? null : "撤回理由：" + reason, categories);
            });
        }
        return entries;
    }

    /** The catalog's category names by code, for the entries' categories' labels. */
    private Map<String, String> categoryNames() {
        return catalog.read().categories().stream()
                .collect(Collectors.toMap(PublicCatalog.Category::code, PublicCatalog.Category::name, (a, b) -> a));
    }

    /** code, name, registered_at, type of a registered organization; else 404. */
    private Object[] organizationRow(String code) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT code, name, registered_at, type FROM organization_view WHERE code = ?1")
                .setParameter(1, code).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("组织", code);
        }
        return rows.get(0);
    }

    private AtomFeed feed(String path, String title, String subtitle, List<AtomFeed.Entry> entries,
                          OffsetDateTime since, String self, String alternate) {
        OffsetDateTime updated = entries.stream().map(AtomFeed.Entry::updated).max(OffsetDateTime::compareTo)
                .orElse(since);
        return new AtomFeed(feedId(path), title, subtitle, updated, config.feeds().publisher(), page(self),
                page(alternate), entries);
    }

    /**
     * {@code tag:<the public address's host>,2026:feeds/<path>} (RFC 4151): stable while the county keeps its
     * address, and unlike any other county's.
     */
    private String feedId(String path) {
        String host = config.publicUrl().getHost() == null ? "localhost" : config.publicUrl().getHost();
        return "tag:" + host + ",2026:feeds/" + path;
    }

    /** An absolute address on the public portal. */
    private URI page(String path) {
        String base = config.publicUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    /** A name-based UUID: the same thing that happened has the same entry id on every replica and after a rebuild. */
    private static String uuid(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private JsonNode json(String data) {
        try {
            return mapper.readTree(data);
        } catch (Exception e) {
            return mapper.createObjectNode();
        }
    }

    private OffsetDateTime parse(String text, Object otherwise) {
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(county).toOffsetDateTime();
        } catch (java.time.format.DateTimeParseException e) {
            return at(otherwise);
        }
    }

    /** A timestamp of the database, in the county's offset. */
    private OffsetDateTime at(Object value) {
        Instant instant;
        if (value instanceof OffsetDateTime o) {
            instant = o.toInstant();
        } else if (value instanceof ZonedDateTime z) {
            instant = z.toInstant();
        } else if (value instanceof Instant i) {
            instant = i;
        } else if (value instanceof Timestamp t) {
            instant = t.toInstant();
        } else if (value == null) {
            instant = NOTHING_YET;
        } else {
            throw new IllegalStateException("not a timestamp: " + value.getClass());
        }
        return instant.atZone(county).toOffsetDateTime();
    }
}
