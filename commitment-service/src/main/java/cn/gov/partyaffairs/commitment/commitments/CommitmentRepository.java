package cn.gov.partyaffairs.commitment.commitments;

import cn.gov.partyaffairs.contracts.commitment.CommitmentKind;
import cn.gov.partyaffairs.platform.rest.PageResult;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CommitmentRepository implements PanacheRepositoryBase<Commitment, UUID> {

    private final EntityManager em;

    public CommitmentRepository(EntityManager em) {
        this.em = em;
    }

    public record Filter(CommitmentKind kind, String departmentCode, String organizationCode, String category,
                         CommitmentStatus status, String text) {
    }

    /** Newest due date last: what falls due first comes first. */
    public PageResult<Commitment> search(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.kind() != null) {
            where.add("kind = :kind");
            params.and("kind", filter.kind());
        }
        if (filter.departmentCode() != null) {
            where.add("departmentCode = :department");
            params.and("department", filter.departmentCode());
        }
        if (filter.organizationCode() != null) {
            where.add("organizationCode = :organization");
            params.and("organization", filter.organizationCode());
        }
        if (filter.category() != null) {
            where.add("category = :category");
            params.and("category", filter.category());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.and("status", filter.status());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.add("(lower(title) like :text or lower(coalesce(description, '')) like :text)");
            params.and("text", "%" + filter.text().trim().toLowerCase() + "%");
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        PanacheQuery<Commitment> found = find(query, Sort.by("dueDate").and("title"), params);
        return new PageResult<>(found.page(Page.of(page, size)).list(), page, size, found.count());
    }

    public List<ProgressReport> timeline(UUID commitmentId) {
        return em.createQuery("from ProgressReport where commitmentId = :id order by reportedOn, createdAt",
                ProgressReport.class).setParameter("id", commitmentId).getResultList();
    }

    public void persistReport(ProgressReport report) {
        em.persist(report);
    }
}
