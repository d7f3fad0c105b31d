package cn.gov.partyaffairs.commitment.evaluation;

import cn.gov.partyaffairs.commitment.Commitment;
import cn.gov.partyaffairs.commitment.config.CommitmentConfig;
import cn.gov.partyaffairs.commitment.repository.CommitmentRepository;
import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.commitment.CommitmentEvaluated;
import cn.gov.partyaffairs.contracts.commitment.CommitmentEvaluated.Rating;
import cn.gov.partyaffairs.contracts.commitment.EvaluationCommentApproved;
import cn.gov.partyaffairs.contracts.commitment.EvaluationCommentRejected;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.outbox.Outbox;
import cn.gov.partyaffairs.platform.publicinput.PlainText;
import cn.gov.partyaffairs.platform.publicinput.PublicInputLimiter;
import cn.gov.partyaffairs.platform.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The public's evaluations: one per client per commitment, rate-limited per client over all commitments; the
 * comment is reduced to plain text and held until a county moderator approves it.
 */
@ApplicationScoped
@Transactional
public class EvaluationService implements PanacheRepositoryBase<Evaluation, UUID> {

    private static final String KIND = "commitment-evaluation";

    private final CommitmentRepository commitments;
    private final PublicInputLimiter limiter;
    private final CommitmentConfig.Evaluations config;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    public EvaluationService(CommitmentRepository commitments, PublicInputLimiter limiter, CommitmentConfig config,
                             Outbox outbox, Caller caller, Clock clock) {
        this.commitments = commitments;
        this.limiter = limiter;
        this.config = config.evaluations();
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    public Evaluation evaluate(UUID commitmentId, Rating rating, String comment, String clientKey) {
        Commitment commitment = commitments.findByIdOptional(commitmentId)
                .orElseThrow(() -> ProblemException.notFound("承诺", commitmentId.toString()));
        String text = PlainText.of(comment);
        if (text != null && text.length() > config.maxCommentLength()) {
            throw ProblemException.invalid("comment", "评议意见最多 " + config.maxCommentLength() + " 字，现有 " + text.length() + " 字");
        }
        if (count("commitmentId = ?1 and clientKey = ?2", commitmentId, clientKey) > 0) {
            throw ProblemException.conflict("already-evaluated", "您已评议过这项承诺，每项承诺只能评议一次");
        }
        limiter.admit(KIND, clientKey, config.maxPerClient(), config.window());
        Evaluation e = new Evaluation();
        e.id = UUID.randomUUID();
        e.commitmentId = commitmentId;
        e.rating = rating;
        boolean hasComment = text != null && !text.isEmpty();
        e.comment = hasComment ? text : null;
        e.commentStatus = hasComment ? Evaluation.CommentStatus.PENDING : Evaluation.CommentStatus.NONE;
        e.clientKey = clientKey;
        e.createdAt = now();
        persist(e);
        emit(e, new CommitmentEvaluated(e.id, commitmentId, commitment.kind, commitment.departmentCode,
                commitment.organizationCode, rating, hasComment, e.createdAt));
        return e;
    }

    public Evaluation approve(UUID id) {
        Evaluation e = pending(id);
        e.commentStatus = Evaluation.CommentStatus.APPROVED;
        moderated(e);
        emit(e, new EvaluationCommentApproved(e.id, e.commitmentId, e.rating, e.comment, e.moderatedBy, e.moderatedAt));
        return e;
    }

    public Evaluation reject(UUID id, String reason) {
        Evaluation e = pending(id);
        e.commentStatus = Evaluation.CommentStatus.REJECTED;
        e.rejectReason = reason;
        moderated(e);
        emit(e, new EvaluationCommentRejected(e.id, e.commitmentId, reason, e.moderatedBy, e.moderatedAt));
        return e;
    }

    public record Summary(long evaluations, Map<Rating, Long> ratings, Double satisfactionRate,
                          List<Evaluation> approvedComments) {
    }

    /** The counts per rating, the satisfaction rate (satisfied and basically satisfied over all) and approved comments. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Summary summary(UUID commitmentId) {
        commitments.findByIdOptional(commitmentId)
                .orElseThrow(() -> ProblemException.notFound("承诺", commitmentId.toString()));
        Map<Rating, Long> ratings = new EnumMap<>(Rating.class);
        for (Rating rating : Rating.values()) {
            ratings.put(rating, count("commitmentId = ?1 and rating = ?2", commitmentId, rating));
        }
        long total = ratings.values().stream().mapToLong(Long::longValue).sum();
        Double rate = total == 0 ? null
                : Math.round((ratings.get(Rating.SATISFIED) + ratings.get(Rating.BASICALLY_SATISFIED)) * 10000.0 / total) / 10000.0;
        List<Evaluation> approved = list("commitmentId = ?1 and commentStatus = ?2 order by createdAt",
                commitmentId, Evaluation.CommentStatus.APPROVED);
        return new Summary(total, ratings, rate, approved);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Evaluation> queue() {
        return list("commentStatus = ?1 order by createdAt", Evaluation.CommentStatus.PENDING);
    }

    private Evaluation pending(UUID id) {
        Evaluation e = findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("评议", id.toString()));
        if (e.commentStatus != Evaluation.CommentStatus.PENDING) {
            throw ProblemException.illegalTransition(e.commentStatus.name(), "再次审核评议意见");
        }
        return e;
    }

    private void moderated(Evaluation e) {
        e.moderatedBy = caller.username();
        e.moderatedAt = now();
    }

    private void emit(Evaluation e, DomainEvent event) {
        e.version++;
        outbox.append(event, e.version);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
