package cn.gov.partyaffairs.disclosure.disclosures;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DisclosureRepository implements PanacheRepositoryBase<Disclosure, UUID> {

    /** Locks the row: two reviewers acting at once take turns, and the second sees the first one's state. */
    public Optional<Disclosure> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Disclosures matching the filters. {@code visibleTo} limits them to those organizations (an org clerk sees
     * its own organization's and those it is the competent approver of); null means every organization.
     */
    public PanacheQuery<Disclosure> search(String organizationCode, DisclosureStatus status, List<String> visibleTo) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (organizationCode != null) {
            where.add("o.code = :organization");
            params.and("organization", organizationCode);
        }
        if (status != null) {
            where.add("d.status = :status");
            params.and("status", status);
        }
        if (visibleTo != null) {
            where.add("(o.code in :visible or p.code in :visible)");
            params.and("visible", visibleTo);
        }
        String query = "select d from Disclosure d join d.organization o left join o.parent p"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + " order by d.updatedAt desc";
        return find(query, params);
    }

    public void record(DisclosureStep step) {
        getEntityManager().persist(step);
    }

    public void record(DisclosureRevision revision) {
        getEntityManager().persist(revision);
    }

    public List<DisclosureStep> steps(UUID disclosureId) {
        return getEntityManager()
                .createQuery("from DisclosureStep where disclosureId = :id order by id", DisclosureStep.class)
                .setParameter("id", disclosureId).getResultList();
    }

    public List<DisclosureRevision> revisions(UUID disclosureId) {
        return getEntityManager()
                .createQuery("from DisclosureRevision where disclosureId = :id order by contentVersion",
                        DisclosureRevision.class)
                .setParameter("id", disclosureId).getResultList();
    }
}
