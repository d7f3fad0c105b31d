package cn.gov.partyaffairs.commitment.statistics;

import cn.gov.partyaffairs.commitment.commitments.CommitmentNames;
import cn.gov.partyaffairs.contracts.commitment.CommitmentKind;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.replica.KnownOrganization;
import cn.gov.partyaffairs.replica.OrganizationReplica;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Commitment figures per organization (rolled up the organization tree: a township's figure includes its villages'),
 * department, category and county-wide, summed in the database and rolled up here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StatisticsService {

    /** What figures are grouped by; the SQL expression is fixed here, never taken from a request. */
    public enum Dimension {
        COUNTY("'county'"), ORGANIZATION("c.organization_code"), DEPARTMENT("c.department_code"), CATEGORY("c.category");

        final String column;

        Dimension(String column) {
            this.column = column;
        }
    }

    private final EntityManager em;
    private final OrganizationReplica organizations;
    private final CommitmentNames names;

    public StatisticsService(EntityManager em, OrganizationReplica organizations, CommitmentNames names) {
        this.em = em;
        this.organizations = organizations;
        this.names = names;
    }

    public Figures county(CommitmentKind kind) {
        Figures.Tally tally = tallies(Dimension.COUNTY, kind).getOrDefault("county", new Figures.Tally());
        return tally.named("county", "玉屏县");
    }

    public List<Figures> by(Dimension dimension, CommitmentKind kind) {
        if (dimension == Dimension.ORGANIZATION) {
            return rolledUp(kind).entrySet().stream().map(e -> e.getValue().named(e.getKey(), names.organization(e.getKey())))
                    .toList();
        }
        List<Figures> result = new ArrayList<>();
        new TreeMap<>(tallies(dimension, kind)).forEach((key, tally) -> result.add(tally.named(key,
                dimension == Dimension.DEPARTMENT ? names.department(key) : names.category(key))));
        return result;
    }

    /** One organization's figure, its whole subtree included. */
    public Figures organization(String code, CommitmentKind kind) {
        KnownOrganization organization = organizations.findByCode(code)
                .orElseThrow(() -> ProblemException.notFound("党组织", code));
        return rolledUp(kind).getOrDefault(code, new Figures.Tally()).named(code, organization.name);
    }

    /** Every organization with commitments in its subtree, each with its own and its descendants' sums, by code. */
    private Map<String, Figures.Tally> rolledUp(CommitmentKind kind) {
        Map<String, Figures.Tally> own = tallies(Dimension.ORGANIZATION, kind);
        Map<String, List<String>> children = new HashMap<>();
        Set<String> codes = new HashSet<>(own.keySet());
        for (KnownOrganization o : organizations.all()) {
            codes.add(o.code);
            if (o.parentCode != null) {
                children.computeIfAbsent(o.parentCode, p -> new ArrayList<>()).add(o.code);
            }
        }
        Map<String, Figures.Tally> rolled = new TreeMap<>();
        for (String code : codes) {
            Figures.Tally total = subtree(code, own, children, new HashSet<>());
            if (!total.isEmpty()) {
                rolled.put(code, total);
            }
        }
        return rolled;
    }

    private static Figures.Tally subtree(String code, Map<String, Figures.Tally> own, Map<String, List<String>> children,
                                         Set<String> seen) {
        Figures.Tally total = new Figures.Tally();
        if (!seen.add(code)) {
            return total; // a cycle in a broken register must not loop forever
        }
        Figures.Tally mine = own.get(code);
        if (mine != null) {
            total.add(mine);
        }
        for (String child : children.getOrDefault(code, List.of())) {
            total.add(subtree(child, own, children, seen));
        }
        return total;
    }

    private Map<String, Figures.Tally> tallies(Dimension dimension, CommitmentKind kind) {
        String kindFilter = kind == null ? "" : " AND c.kind = '" + kind.name() + "'";
        Map<String, Figures.Tally> tallies = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> commitmentRows = em.createNativeQuery("""
                SELECT %1$s AS k,
                       count(*) FILTER (WHERE c.status <> 'WITHDRAWN'),
                       count(*) FILTER (WHERE c.status IN ('PLEDGED', 'IN_PROGRESS')),
                       count(*) FILTER (WHERE c.status = 'FULFILLED'),
                       count(*) FILTER (WHERE c.status = 'FULFILLED' AND c.on_time),
                       count(*) FILTER (WHERE c.status = 'OVERDUE'),
                       count(*) FILTER (WHERE c.status = 'WITHDRAWN'),
                       coalesce(sum(CASE WHEN c.status = 'FULFILLED' THEN 100 WHEN c.status = 'WITHDRAWN' THEN 0
                                         ELSE coalesce(c.progress_percent, 0) END), 0)
                FROM commitment c WHERE %1$s IS NOT NULL%2$s GROUP BY 1""".formatted(dimension.column, kindFilter))
                .getResultList();
        for (Object[] row : commitmentRows) {
            Figures.Tally t = tallies.computeIfAbsent((String) row[0], k -> new Figures.Tally());
            t.pledged = number(row[1]);
            t.inProgress = number(row[2]);
            t.fulfilled = number(row[3]);
            t.fulfilledOnTime = number(row[4]);
            t.overdue = number(row[5]);
            t.withdrawn = number(row[6]);
            t.progressSum = number(row[7]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> evaluationRows = em.createNativeQuery("""
                SELECT %1$s AS k,
                       count(*) FILTER (WHERE e.rating = 'SATISFIED'),
                       count(*) FILTER (WHERE e.rating = 'BASICALLY_SATISFIED'),
                       count(*) FILTER (WHERE e.rating = 'DISSATISFIED'),
                       count(*) FILTER (WHERE e.citizen IS NOT NULL)
                FROM evaluation e JOIN commitment c ON c.id = e.commitment_id
                WHERE %1$s IS NOT NULL%2$s GROUP BY 1""".formatted(dimension.column, kindFilter))
                .getResultList();
        for (Object[] row : evaluationRows) {
            Figures.Tally t = tallies.computeIfAbsent((String) row[0], k -> new Figures.Tally());
            t.satisfied = number(row[1]);
            t.basicallySatisfied = number(row[2]);
            t.dissatisfied = number(row[3]);
            t.verified = number(row[4]);
        }
        return tallies;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
