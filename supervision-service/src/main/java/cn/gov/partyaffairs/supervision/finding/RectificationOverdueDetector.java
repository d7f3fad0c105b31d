package cn.gov.partyaffairs.supervision.finding;

import cn.gov.partyaffairs.contracts.supervision.RectificationOverdue;
import cn.gov.partyaffairs.supervision.programme.AssignmentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Finds findings still awaiting rectification after their deadline and flags them, sending exactly one
 * {@link RectificationOverdue} per deadline however many replicas look at once: the flag is set under a row lock, and
 * a row another replica holds is skipped. A reopened finding has a new deadline and may be flagged again.
 */
@ApplicationScoped
public class RectificationOverdueDetector {

    private final EntityManager em;
    private final AssignmentRepository assignments;
    private final FindingLog log;
    private final Clock clock;

    public RectificationOverdueDetector(EntityManager em, AssignmentRepository assignments, FindingLog log, Clock clock) {
        this.em = em;
        this.assignments = assignments;
        this.log = log;
        this.clock = clock;
    }

    /** @return how many findings became overdue in this round */
    @Transactional
    public int check() {
        LocalDate today = LocalDate.now(clock);
        @SuppressWarnings("unchecked")
        List<Finding> due = em.createNativeQuery("""
                        SELECT * FROM finding WHERE status IN ('OPEN', 'REOPENED') AND overdue_since IS NULL
                        AND deadline < ?1 ORDER BY deadline FOR UPDATE SKIP LOCKED""", Finding.class)
                .setParameter(1, today)
                .getResultList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Finding f : due) {
            f.overdueSince = now;
            String groupCode = assignments.currentGroupOf(f.unitCode);
            log.step(f, FindingStep.Action.OVERDUE, today, "整改期限 " + f.deadline + " 已过，尚未报告整改",
                    AutomaticFindings.SYSTEM, new RectificationOverdue(f.id, f.unitCode, groupCode, f.severity,
                            f.deadline, f.responsible, now));
        }
        return due.size();
    }
}
