package cn.gov.partyaffairs.gateway.projection;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.commitment.CommitmentEvaluated;
import cn.gov.partyaffairs.contracts.commitment.CommitmentEvaluationRevised;
import cn.gov.partyaffairs.contracts.commitment.CommitmentFulfilled;
import cn.gov.partyaffairs.contracts.commitment.CommitmentKind;
import cn.gov.partyaffairs.contracts.commitment.CommitmentMilestoneMissed;
import cn.gov.partyaffairs.contracts.commitment.CommitmentOverdue;
import cn.gov.partyaffairs.contracts.commitment.CommitmentPledged;
import cn.gov.partyaffairs.contracts.commitment.CommitmentProgressReported;
import cn.gov.partyaffairs.contracts.commitment.CommitmentWithdrawn;
import cn.gov.partyaffairs.contracts.commitment.DepartmentRegistered;
import cn.gov.partyaffairs.contracts.commitment.EvaluationCommentApproved;
import cn.gov.partyaffairs.contracts.commitment.EvaluationCommentRejected;
import cn.gov.partyaffairs.gateway.EventLogEntry.Audience;
import cn.gov.partyaffairs.gateway.readmodel.CountyFigure;
import cn.gov.partyaffairs.gateway.readmodel.CountyFigureRepository;
import cn.gov.partyaffairs.platform.messaging.IncomingEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The commitment service's events into the read models: commitments, their progress timelines, ratings and approved
 * evaluation comments, and the dashboard counters ({@code commitments.<kind>.<status>}, on time, progress sum,
 * ratings), moved event by event so they always agree with the service's own statistics.
 */
@ApplicationScoped
public class CommitmentProjection {

    private final EntityManager em;
    private final CountyFigureRepository figures;
    private final ObjectMapper mapper;
    private final EventHandlers<Handler> handlers = new EventHandlers<>();

    /** Applies one event of its type to the read models; the public may see every event that has a handler. */
    @FunctionalInterface
    interface Handler {
        void apply(IncomingEvent event);
    }

    public CommitmentProjection(EntityManager em, CountyFigureRepository figures, ObjectMapper mapper) {
        this.em = em;
        this.figures = figures;
        this.mapper = mapper;
        handlers.on(CommitmentPledged.class, event -> pledged(event.as(CommitmentPledged.class, mapper)));
        handlers.on(CommitmentProgressReported.class, event -> {
            CommitmentProgressReported e = event.as(CommitmentProgressReported.class, mapper);
            em.createNativeQuery("""
                            INSERT INTO progress_view (id, commitment_id, percent, quantity, note, reason,
                                milestone_reached, reported_on, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                            ON CONFLICT DO NOTHING""")
                    .setParameter(1, e.reportId()).setParameter(2, e.commitmentId()).setParameter(3, e.percent())
                    .setParameter(4, e.quantity()).setParameter(5, e.note()).setParameter(6, e.reason())
                    .setParameter(7, e.milestoneReached()).setParameter(8, e.reportedOn()).setParameter(9, e.at())
                    .executeUpdate();
            if (e.milestoneReached() != null) {
                em.createNativeQuery("""
                                UPDATE commitment_view SET milestones = (
                                    SELECT coalesce(jsonb_agg(CASE WHEN m ->> 'title' = ?2 AND m ->> 'reachedOn' IS NULL
                                        THEN m || jsonb_build_object('reachedOn', ?3) ELSE m END), '[]'::jsonb)::text
                                    FROM jsonb_array_elements(milestones::jsonb) m)
                                WHERE id = ?1""")
                        .setParameter(1, e.commitmentId()).setParameter(2, e.milestoneReached())
                        .setParameter(3, e.reportedOn().toString()).executeUpdate();
            }
            move(e.commitmentId(), e.status(), e.progressPercent(), e.at());
        });
        handlers.on(CommitmentFulfilled.class, event -> {
            CommitmentFulfilled e = event.as(CommitmentFulfilled.class, mapper);
            em.createNativeQuery("""
                            UPDATE commitment_view SET fulfilled_on = ?2, on_time = ?3, evidence = ?4 WHERE id = ?1""")
                    .setParameter(1, e.commitmentId()).setParameter(2, e.fulfilledOn()).setParameter(3, e.onTime())
                    .setParameter(4, e.evidence()).executeUpdate();
            if (e.onTime()) {
                figures.add(new CountyFigure.CommitmentsOnTime(e.kind()), 1);
            }
            move(e.commitmentId(), "FULFILLED", 100, e.at());
        });
        handlers.on(CommitmentOverdue.class, event -> move(event.aggregateId(), "OVERDUE", null, event.time()));
        handlers.on(CommitmentMilestoneMissed.class, event -> {
            // The commitment service found the milestone's date passed unreached: the timeline shows it so.
            CommitmentMilestoneMissed e = event.as(CommitmentMilestoneMissed.class, mapper);
            em.createNativeQuery("""
                            UPDATE commitment_view SET milestones = (
                                SELECT coalesce(jsonb_agg(CASE WHEN n - 1 = ?2 AND m ->> 'title' = ?3
                                    THEN m || jsonb_build_object('missedAt', ?4) ELSE m END ORDER BY n), '[]'::jsonb)::text
                                FROM jsonb_array_elements(milestones::jsonb) WITH ORDINALITY AS x(m, n))
                            WHERE id = ?1""")
                    .setParameter(1, e.commitmentId()).setParameter(2, e.position()).setParameter(3, e.milestone())
                    .setParameter(4, event.text("detectedAt")).executeUpdate();
        });
        handlers.on(CommitmentWithdrawn.class, event -> {
            CommitmentWithdrawn e = event.as(CommitmentWithdrawn.class, mapper);
            em.createNativeQuery("UPDATE commitment_view SET withdraw_reason = ?2 WHERE id = ?1")
                    .setParameter(1, e.commitmentId()).setParameter(2, e.reason()).executeUpdate();
            move(e.commitmentId(), "WITHDRAWN", null, e.at());
        });
        handlers.on(CommitmentEvaluated.class, event -> {
            CommitmentEvaluated e = event.as(CommitmentEvaluated.class, mapper);
            int inserted = em.createNativeQuery("""
                            INSERT INTO evaluation_rating_view (id, commitment_id, rating, rated_at, verified)
                            VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""")
                    .setParameter(1, e.evaluationId()).setParameter(2, e.commitmentId())
                    .setParameter(3, e.rating().name()).setParameter(4, e.at()).setParameter(5, e.byCitizen())
                    .executeUpdate();
            if (inserted > 0) {
                em.createNativeQuery("""
                                UPDATE commitment_view SET %1$s = %1$s + 1,
                                    verified_evaluations = verified_evaluations + ?2 WHERE id = ?1"""
                                .formatted(ratingColumn(e.rating())))
                        .setParameter(1, e.commitmentId()).setParameter(2, e.byCitizen() ? 1 : 0).executeUpdate();
                figures.add(new CountyFigure.Evaluations(e.rating()), 1);
                if (e.byCitizen()) {
                    figures.add(CountyFigure.Total.VERIFIED_EVALUATIONS, 1);
                }
            }
        });
        handlers.on(CommitmentEvaluationRevised.class, event -> {
            // A citizen changed their evaluation: it moves from one rating to the other and still counts once;
            // its approved comment, if any, is no longer what the citizen says.
            CommitmentEvaluationRevised e = event.as(CommitmentEvaluationRevised.class, mapper);
            int moved = em.createNativeQuery("""
                            UPDATE evaluation_rating_view SET rating = ?3 WHERE id = ?1 AND rating = ?2""")
                    .setParameter(1, e.evaluationId()).setParameter(2, e.previousRating().name())
                    .setParameter(3, e.rating().name()).executeUpdate();
            if (moved > 0 && e.previousRating() != e.rating()) {
                em.createNativeQuery("UPDATE commitment_view SET %1$s = %1$s - 1, %2$s = %2$s + 1 WHERE id = ?1"
                                .formatted(ratingColumn(e.previousRating()), ratingColumn(e.rating())))
                        .setParameter(1, e.commitmentId()).executeUpdate();
                figures.add(new CountyFigure.Evaluations(e.previousRating()), -1);
                figures.add(new CountyFigure.Evaluations(e.rating()), 1);
            }
            em.createNativeQuery("DELETE FROM evaluation_comment_view WHERE id = ?1")
                    .setParameter(1, e.evaluationId()).executeUpdate();
        });
        handlers.on(EvaluationCommentApproved.class, event -> {
            EvaluationCommentApproved e = event.as(EvaluationCommentApproved.class, mapper);
            em.createNativeQuery("""
                            INSERT INTO evaluation_comment_view (id, commitment_id, rating, comment, approved_at)
                            VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""")
                    .setParameter(1, e.evaluationId()).setParameter(2, e.commitmentId())
                    .setParameter(3, e.rating().name()).setParameter(4, e.comment()).setParameter(5, e.at())
                    .executeUpdate();
        });
        handlers.ignore(EvaluationCommentRejected.class, DepartmentRegistered.class);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Visibility apply(Class<? extends DomainEvent> type, IncomingEvent event) {
        String organization = event.text("organizationCode");
        String department = event.text("departmentCode");
        Handler handler = handlers.get(type);
        if (handler == null) {
            // Ignored types (a rejected evaluation comment, a department registered) and types this gateway does not
            // know yet: officials only.
            return new Visibility(Audience.INTERNAL, organization, department);
        }
        handler.apply(event);
        return new Visibility(Audience.PUBLIC, organization, department);
    }

    /** What this projection does with each of the commitment service's types. */
    EventHandlers<Handler> handlers() {
        return handlers;
    }

    private void pledged(CommitmentPledged e) {
        String milestones;
        try {
            milestones = mapper.writeValueAsString(e.milestones() == null ? List.of() : e.milestones());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        int inserted = em.createNativeQuery("""
                        INSERT INTO commitment_view (id, kind, title, description, category, department_code,
                            department_name, organization_code, organization_name, responsible, target_quantity,
                            target_unit, milestones, pledged_on, due_date, status, updated_at,
                            satisfied, basically_satisfied, dissatisfied, verified_evaluations)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, 'PLEDGED', ?16,
                            (SELECT count(*) FROM evaluation_rating_view WHERE commitment_id = ?1 AND rating = 'SATISFIED'),
                            (SELECT count(*) FROM evaluation_rating_view WHERE commitment_id = ?1 AND rating = 'BASICALLY_SATISFIED'),
                            (SELECT count(*) FROM evaluation_rating_view WHERE commitment_id = ?1 AND rating = 'DISSATISFIED'),
                            (SELECT count(*) FROM evaluation_rating_view WHERE commitment_id = ?1 AND verified))
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, e.commitmentId()).setParameter(2, e.kind().name()).setParameter(3, e.title())
                .setParameter(4, e.description()).setParameter(5, e.category()).setParameter(6, e.departmentCode())
                .setParameter(7, e.departmentName()).setParameter(8, e.organizationCode())
                .setParameter(9, e.organizationName()).setParameter(10, e.responsible())
                .setParameter(11, e.targetQuantity()).setParameter(12, e.targetUnit()).setParameter(13, milestones)
                .setParameter(14, e.pledgedOn()).setParameter(15, e.dueDate()).setParameter(16, e.at())
                .executeUpdate();
        if (inserted > 0) {
            figures.add(new CountyFigure.CommitmentsInStatus(e.kind(), "PLEDGED"), 1);
        }
    }

    /**
     * Moves a commitment to a status and progress, and the counters with it: one per status, and the sum of
     * progress over the commitments not withdrawn (a fulfilled one counts 100), from which the average follows.
     */
    private void move(UUID id, String status, Integer progress, OffsetDateTime at) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT kind, status, progress_percent FROM commitment_view WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return;
        }
        CommitmentKind kind = CommitmentKind.valueOf((String) rows.get(0)[0]);
        String oldStatus = (String) rows.get(0)[1];
        Integer oldProgress = rows.get(0)[2] == null ? null : ((Number) rows.get(0)[2]).intValue();
        Integer newProgress = progress != null ? progress : oldProgress;
        em.createNativeQuery("UPDATE commitment_view SET status = ?2, progress_percent = ?3, updated_at = ?4 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, status).setParameter(3, newProgress).setParameter(4, at)
                .executeUpdate();
        if (!oldStatus.equals(status)) {
            figures.add(new CountyFigure.CommitmentsInStatus(kind, oldStatus), -1);
            figures.add(new CountyFigure.CommitmentsInStatus(kind, status), 1);
        }
        long delta = effective(status, newProgress) - effective(oldStatus, oldProgress);
        if (delta != 0) {
            figures.add(new CountyFigure.CommitmentProgressSum(kind), delta);
        }
    }

    private static long effective(String status, Integer progress) {
        return switch (status) {
            case "WITHDRAWN" -> 0;
            case "FULFILLED" -> 100;
            default -> progress == null ? 0 : progress;
        };
    }

    private static String ratingColumn(CommitmentEvaluated.Rating rating) {
        return switch (rating) {
            case SATISFIED -> "satisfied";
            case BASICALLY_SATISFIED -> "basically_satisfied";
            case DISSATISFIED -> "dissatisfied";
        };
    }
}
