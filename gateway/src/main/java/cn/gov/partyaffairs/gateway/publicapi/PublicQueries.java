package cn.gov.partyaffairs.gateway.publicapi;

import cn.gov.partyaffairs.gateway.readmodel.CountyFigureRepository;
import cn.gov.partyaffairs.gateway.readmodel.OrganizationViewRepository;
import cn.gov.partyaffairs.gateway.search.DisclosureSearch;
import cn.gov.partyaffairs.gateway.search.OrganizationSuggestions;
import cn.gov.partyaffairs.gateway.readmodel.CommentView;
import cn.gov.partyaffairs.gateway.readmodel.CommitmentView;
import cn.gov.partyaffairs.gateway.readmodel.ComplianceView;
import cn.gov.partyaffairs.gateway.readmodel.DisclosureVersionView;
import cn.gov.partyaffairs.gateway.readmodel.DisclosureView;
import cn.gov.partyaffairs.gateway.readmodel.EvaluationCommentView;
import cn.gov.partyaffairs.gateway.readmodel.ProgressView;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.rest.PageResult;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.panache.common.Page;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import cn.gov.partyaffairs.contracts.disclosure.ComplianceOutcome;
import cn.gov.partyaffairs.contracts.disclosure.ComplianceRate;

import java.time.LocalDate;
import java.util.TreeMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The public's reads, from the read models alone. Only published disclosures public to society, approved comments
 * and commitments ever come out of here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PublicQueries {

    private static final TypeReference<List<PublicDtos.Milestone>> MILESTONES = new TypeReference<>() {
    };

    private static final String PUBLIC_DISCLOSURE = "d.scope = 'PUBLIC' and d.status = 'PUBLISHED'";

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final OrganizationViewRepository organizations;
    private final CountyFigureRepository figures;
    private final DisclosureSearch search;
    private final OrganizationSuggestions suggestions;

    public PublicQueries(EntityManager em, ObjectMapper mapper, OrganizationViewRepository organizations,
                         CountyFigureRepository figures, DisclosureSearch search, OrganizationSuggestions suggestions) {
        this.em = em;
        this.mapper = mapper;
        this.organizations = organizations;
        this.figures = figures;
        this.search = search;
        this.suggestions = suggestions;
    }

    /** The register, filtered; each organization with whether it is a demonstration unit and its group. */
    public PageResult<PublicOrganization> organizations(String type, String parent, String text, Boolean demonstration,
                                                        int page, int size) {
        var query = organizations.search(type, parent, text, demonstration).page(Page.of(page, size));
        var units = organizations.units();
        return new PageResult<>(query.list().stream().map(o -> PublicOrganization.of(o, units.get(o.code))).toList(),
                page, size, query.count());
    }

    public Optional<PublicOrganization> organization(String code) {
        return organizations.findByCode(code).map(o -> PublicOrganization.of(o, organizations.unit(code)));
    }

    /** The county dashboard, from the counters the projections keep and the compliance matrix. */
    public Dashboard dashboard() {
        return Dashboard.of(figures.all(), complianceByType());
    }

    /** The matrix's cells by type, outcome and due: what {@link #ratesByType} counts. */
    public static final String COMPLIANCE_BY_TYPE = """
            SELECT organization_type, state, due, count(*) FROM compliance_view
            GROUP BY organization_type, state, due""";

    /** The engine's outcomes counted by type with the one rule ({@link ComplianceRate}); a few thousand cells. */
    public Map<String, ComplianceRate> complianceByType() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COMPLIANCE_BY_TYPE).getResultList();
        return ratesByType(rows);
    }

    /** Rows of {@link #COMPLIANCE_BY_TYPE} (type, state, due, count) counted by type. */
    public static Map<String, ComplianceRate> ratesByType(List<Object[]> rows) {
        Map<String, ComplianceRate> byType = new TreeMap<>();
        for (Object[] r : rows) {
            byType.merge((String) r[0], ComplianceRate.NONE.plus(ComplianceOutcome.valueOf((String) r[1]),
                    (Boolean) r[2], ((Number) r[3]).longValue()), ComplianceRate::plus);
        }
        return byType;
    }

    /** One organization's periods counted by the one rule. */
    public ComplianceRate complianceOf(String organizationCode) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT state, due, count(*) FROM compliance_view WHERE organization_code = ?1 GROUP BY state, due""")
                .setParameter(1, organizationCode).getResultList();
        ComplianceRate rate = ComplianceRate.NONE;
        for (Object[] r : rows) {
            rate = rate.plus(ComplianceOutcome.valueOf((String) r[0]), (Boolean) r[1], ((Number) r[2]).longValue());
        }
        return rate;
    }

    public record DisclosureFilter(String organizationCode, String category, LocalDate period, String text) {
    }

    /**
     * Newest first; with words to find, best match first ({@link DisclosureSearch}). {@code period}: any day inside the
     * period the disclosure covers.
     */
    public PageResult<PublicDtos.Disclosure> disclosures(DisclosureFilter filter, int page, int size) {
        if (filter.text() != null && !filter.text().isBlank()) {
            PublicDtos.SearchPage found = search(filter, page, size);
            return new PageResult<>(found.items().stream().map(PublicDtos.SearchHit::disclosure).toList(), page, size,
                    found.total());
        }
        List<String> where = new ArrayList<>(List.of(PUBLIC_DISCLOSURE));
        Map<String, Object> params = new HashMap<>();
        if (filter.organizationCode() != null) {
            where.add("d.organizationCode = :organization");
            params.put("organization", filter.organizationCode());
        }
        if (filter.category() != null) {
            where.add("d.categoryCodes like :category");
            params.put("category", "%," + filter.category() + ",%");
        }
        if (filter.period() != null) {
            where.add("d.periodStart <= :period and d.periodEnd >= :period");
            params.put("period", filter.period());
        }
        String condition = String.join(" and ", where);
        TypedQuery<DisclosureView> query = em.createQuery("from DisclosureView d where " + condition
                + " order by d.publishedAt desc, d.id", DisclosureView.class);
        TypedQuery<Long> count = em.createQuery("select count(d) from DisclosureView d where " + condition, Long.class);
        params.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<DisclosureView> found = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        Map<String, String> names = organizationNames(found.stream().map(d -> d.organizationCode).toList());
        return new PageResult<>(found.stream().map(d -> PublicDtos.Disclosure.of(d, names.get(d.organizationCode), null))
                .toList(), page, size, count.getSingleResult());
    }

    /**
     * Every disclosure the public may know of, published or withdrawn (a withdrawn one without its content), oldest
     * publication first: the open-data export.
     */
    public List<PublicDtos.Disclosure> disclosuresForExport(int page, int size) {
        List<DisclosureView> found = em.createQuery("""
                        from DisclosureView d where d.scope = 'PUBLIC' and d.status in ('PUBLISHED', 'WITHDRAWN')
                        order by d.publishedAt, d.id""", DisclosureView.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        Map<String, String> names = organizationNames(found.stream().map(d -> d.organizationCode).toList());
        return found.stream().map(d -> PublicDtos.Disclosure.of(d, names.get(d.organizationCode), null)).toList();
    }

    /** The public disclosures with these words, best first, with the words marked, and names close to what was typed. */
    public PublicDtos.SearchPage search(DisclosureFilter filter, int page, int size) {
        DisclosureSearch.Result result = search.search(new DisclosureSearch.Request(filter.text(), filter.organizationCode(),
                filter.category(), filter.period(), page, size));
        List<UUID> ids = result.hits().stream().map(DisclosureSearch.Hit::id).toList();
        Map<UUID, DisclosureView> rows = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("from DisclosureView d where d.id in :ids and " + PUBLIC_DISCLOSURE, DisclosureView.class)
                    .setParameter("ids", ids).getResultList().forEach(d -> rows.put(d.id, d));
        }
        Map<String, String> names = organizationNames(rows.values().stream().map(d -> d.organizationCode).toList());
        List<PublicDtos.SearchHit> hits = new ArrayList<>();
        for (DisclosureSearch.Hit hit : result.hits()) {
            DisclosureView d = rows.get(hit.id());
            if (d != null) { // the index may be a moment behind a withdrawal
                hits.add(new PublicDtos.SearchHit(PublicDtos.Disclosure.of(d, names.get(d.organizationCode), null),
                        hit.title(), hit.body()));
            }
        }
        return new PublicDtos.SearchPage(hits, page, size, result.total(),
                page == 0 ? suggestions.suggest(filter.text()) : List.of());
    }

    /** A public disclosure with its version history; party-internal or unpublished ones do not exist here. */
    public PublicDtos.Disclosure disclosure(UUID id) {
        DisclosureView d = publicDisclosure(id);
        List<DisclosureVersionView> versions = em.createQuery(
                        "from DisclosureVersionView v where v.disclosureId = :id order by v.contentVersion",
                        DisclosureVersionView.class).setParameter("id", id).getResultList();
        return PublicDtos.Disclosure.of(d, organizationNames(List.of(d.organizationCode)).get(d.organizationCode), versions);
    }

    public PublicDtos.Comments comments(UUID disclosureId) {
        if (publicDisclosure(disclosureId).isWithdrawn()) {
            return new PublicDtos.Comments(0, List.of()); // they speak of content that is no longer public
        }
        List<PublicDtos.Comment> comments = em.createQuery(
                        "from CommentView c where c.disclosureId = :id order by c.approvedAt", CommentView.class)
                .setParameter("id", disclosureId).getResultList().stream().map(PublicDtos.Comment::of).toList();
        return new PublicDtos.Comments(comments.size(), comments);
    }

    public record CommitmentFilter(String kind, String organizationCode, String departmentCode, String category,
                                   String status, String text) {
    }

    /** Soonest due first. */
    public PageResult<PublicDtos.Commitment> commitments(CommitmentFilter filter, int page, int size) {
        List<String> where = new ArrayList<>(List.of("1 = 1"));
        Map<String, Object> params = new HashMap<>();
        addEquals(where, params, "c.kind", "kind", filter.kind());
        addEquals(where, params, "c.organizationCode", "organization", filter.organizationCode());
        addEquals(where, params, "c.departmentCode", "department", filter.departmentCode());
        addEquals(where, params, "c.category", "category", filter.category());
        addEquals(where, params, "c.status", "status", filter.status());
        if (filter.text() != null && !filter.text().isBlank()) {
            where.add("(lower(c.title) like :text or lower(coalesce(c.description, '')) like :text)");
            params.put("text", "%" + filter.text().strip().toLowerCase() + "%");
        }
        String condition = String.join(" and ", where);
        TypedQuery<CommitmentView> query = em.createQuery("from CommitmentView c where " + condition
                + " order by c.dueDate, c.title, c.id", CommitmentView.class);
        TypedQuery<Long> count = em.createQuery("select count(c) from CommitmentView c where " + condition, Long.class);
        params.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<CommitmentView> found = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new PageResult<>(found.stream().map(c -> PublicDtos.Commitment.of(c, milestones(c), null, null)).toList(),
                page, size, count.getSingleResult());
    }

    /** A commitment with its progress timeline, its ratings and the approved comments of its evaluations. */
    public PublicDtos.Commitment commitment(UUID id) {
        CommitmentView c = em.find(CommitmentView.class, id);
        if (c == null) {
            throw ProblemException.notFound("承诺", id.toString());
        }
        List<ProgressView> timeline = em.createQuery(
                        "from ProgressView p where p.commitmentId = :id order by p.reportedOn, p.at", ProgressView.class)
                .setParameter("id", id).getResultList();
        List<EvaluationCommentView> comments = em.createQuery(
                        "from EvaluationCommentView e where e.commitmentId = :id order by e.approvedAt",
                        EvaluationCommentView.class)
                .setParameter("id", id).getResultList();
        return PublicDtos.Commitment.of(c, milestones(c), timeline, comments);
    }

    /** The departments that have pledged public commitments, by name: what the public filters commitments by. */
    public List<PublicDtos.Department> departments() {
        return em.createQuery("""
                        select distinct c.departmentCode, c.departmentName from CommitmentView c
                        where c.departmentCode is not null order by c.departmentName""", Object[].class)
                .getResultList().stream().map(r -> new PublicDtos.Department((String) r[0], (String) r[1])).toList();
    }

    /** The compliance matrix of one organization (or all), oldest period first. */
    public List<PublicDtos.CompliancePeriod> compliance(String organizationCode, LocalDate from, LocalDate to) {
        StringBuilder jpql = new StringBuilder("from ComplianceView c where 1 = 1");
        if (organizationCode != null) {
            jpql.append(" and c.organizationCode = :organization");
        }
        if (from != null) {
            jpql.append(" and c.periodEnd >= :from");
        }
        if (to != null) {
            jpql.append(" and c.periodStart <= :to");
        }
        TypedQuery<ComplianceView> query = em.createQuery(jpql + " order by c.organizationCode, c.periodStart",
                ComplianceView.class);
        if (organizationCode != null) {
            query.setParameter("organization", organizationCode);
        }
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return query.setMaxResults(5000).getResultList().stream().map(PublicDtos.CompliancePeriod::of).toList();
    }

    /**
     * Cadence compliance by township: each township committee with every organization under it in the register's
     * tree. Counted on request from the compliance matrix (a few thousand cells), because an organization moving
     * to another township moves its whole history with it, which counters could not follow.
     */
    public List<PublicDtos.TownshipCompliance> complianceByTownship() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                WITH RECURSIVE tree (code, township) AS (
                    SELECT code, code FROM organization_view WHERE type = 'township-committee' AND active
                    UNION ALL
                    SELECT o.code, t.township FROM organization_view o JOIN tree t ON o.parent_code = t.code
                )
                SELECT t.township, township.name, t.code, o.name, o.type, c.state, c.due, count(*)
                FROM tree t
                JOIN organization_view township ON township.code = t.township
                JOIN organization_view o ON o.code = t.code
                JOIN compliance_view c ON c.organization_code = t.code
                GROUP BY t.township, township.name, t.code, o.name, o.type, c.state, c.due
                ORDER BY t.township, t.code""").getResultList();
        Map<String, String> townshipNames = new java.util.LinkedHashMap<>();
        Map<String, Map<String, Object[]>> members = new HashMap<>();
        Map<String, ComplianceRate> rates = new HashMap<>();
        for (Object[] r : rows) {
            String township = (String) r[0];
            String code = (String) r[2];
            townshipNames.putIfAbsent(township, (String) r[1]);
            members.computeIfAbsent(township, t -> new java.util.LinkedHashMap<>()).putIfAbsent(code, r);
            rates.merge(code, ComplianceRate.NONE.plus(ComplianceOutcome.valueOf((String) r[5]), (Boolean) r[6],
                    ((Number) r[7]).longValue()), ComplianceRate::plus);
        }
        List<PublicDtos.TownshipCompliance> result = new ArrayList<>();
        townshipNames.forEach((township, name) -> {
            ComplianceRate total = ComplianceRate.NONE;
            List<PublicDtos.OrganizationCompliance> organizations = new ArrayList<>();
            for (Object[] member : members.get(township).values()) {
                ComplianceRate rate = rates.get((String) member[2]);
                total = total.plus(rate);
                organizations.add(PublicDtos.OrganizationCompliance.of((String) member[2], (String) member[3],
                        (String) member[4], rate));
            }
            result.add(PublicDtos.TownshipCompliance.of(township, name, total, organizations));
        });
        return result;
    }

    private DisclosureView publicDisclosure(UUID id) {
        DisclosureView d = em.find(DisclosureView.class, id);
        if (d == null || !d.isPublic()) {
            throw ProblemException.notFound("公开事项", id.toString());
        }
        return d;
    }

    private List<PublicDtos.Milestone> milestones(CommitmentView c) {
        try {
            return mapper.readValue(c.milestones, MILESTONES);
        } catch (Exception e) {
            return List.of();
        }
    }

    /** The names of the organizations a page shows (not the whole register on every read). */
    private Map<String, String> organizationNames(List<String> codes) {
        Map<String, String> names = new HashMap<>();
        if (codes.isEmpty()) {
            return names;
        }
        for (Object[] row : em.createQuery("select o.code, o.name from OrganizationView o where o.code in :codes",
                Object[].class).setParameter("codes", new java.util.HashSet<>(codes)).getResultList()) {
            names.put((String) row[0], (String) row[1]);
        }
        return names;
    }

    private static void addEquals(List<String> where, Map<String, Object> params, String path, String name, String value) {
        if (value != null && !value.isBlank()) {
            where.add(path + " = :" + name);
            params.put(name, value);
        }
    }
}
