package cn.gov.partyaffairs.commitment.evaluation;

import cn.gov.partyaffairs.commitment.commitments.Commitment;
import cn.gov.partyaffairs.commitment.config.CommitmentConfig;
import cn.gov.partyaffairs.commitment.commitments.CommitmentRepository;
import cn.gov.partyaffairs.contracts.commitment.CommitmentEvaluated;
import cn.gov.partyaffairs.contracts.commitment.CommitmentEvaluated.Rating;
import cn.gov.partyaffairs.contracts.commitment.CommitmentEvaluationRevised;
import cn.gov.partyaffairs.contracts.commitment.EvaluationCommentApproved;
import cn.gov.partyaffairs.contracts.commitment.EvaluationCommentRejected;
import cn.gov.partyaffairs.platform.error.Problem;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.outbox.Outbox;
import cn.gov.partyaffairs.platform.publicinput.Moderation;
import cn.gov.partyaffairs.platform.publicinput.PlainText;
import cn.gov.partyaffairs.platform.publicinput.PublicInputLimiter;
import cn.gov.partyaffairs.platform.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The public's evaluations: one per signed-in citizen per commitment (a second one revises it), anonymous ones limited
 * per address, commitment and day (a village may share one connection); all rate-limited per client over all
 * commitments. The comment is reduced to plain text and held until a county moderator approves it.
 */
@ApplicationScoped
@Transactional
public class EvaluationService implements PanacheRepositoryBase<Evaluation, UUID> {

    private static final String KIND = "commitment-evaluation";
    private static final String MODERATE_AGAIN = "再次审核评议意见";

    private final CommitmentRepository commitments;
    private final PublicInputLimiter limiter;
    private final CommitmentConfig.Evaluations config;
    private final Outbox outbox;
    private final Moderation moderation;
    private final Caller caller;
    private final Clock clock;

    public EvaluationService(CommitmentRepository commitments, PublicInputLimiter limiter, CommitmentConfig config,
                             Outbox outbox, Moderation moderation, Caller caller, Clock clock) {
        this.commitments = commitments;
        this.limiter = limiter;
        this.config = config.evaluations();
        this.outbox = outbox;
        this.moderation = moderation;
        this.caller = caller;
        this.clock = clock;
    }

    /** What an evaluation did: a new one, or a citizen's revision of their earlier one. */
    public record Outcome(Evaluation evaluation, boolean revised) {
    }

    /**
     * A signed-in citizen (role {@code citizen}) has one evaluation per commitment: the first is created, a later one
     * revises it and it still counts once. Anyone else evaluates anonymously, up to
     * {@code anonymous-per-address-per-day} evaluations of one commitment per address and county day.
     */
    public Outcome evaluate(UUID commitmentId, Rating rating, String comment, String clientKey) {
        Commitment commitment = commitments.findByIdOptional(commitmentId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("承诺", commitmentId.toString()));
        String text = PlainText.of(comment);
        if (text != null && text.length() > config.maxCommentLength()) {
            throw ProblemException.invalid("comment", "评议意见最多 " + config.maxCommentLength() + " 字，现有 " + text.length() + " 字");
        }
        boolean hasComment = text != null && !text.isEmpty();
        String citizen = caller.is(Caller.CITIZEN) ? caller.subject() : null;
        if (citizen != null) {
            Evaluation earlier = find("commitmentId = ?1 and citizen = ?2", commitmentId, citizen)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
            limiter.admit(KIND, "citizen:" + citizen, config.maxPerClient(), config.window());
            if (earlier != null) {
                return new Outcome(revise(commitment, earlier, rating, hasComment ? text : null), true);
            }
        } else {
            OffsetDateTime dayStart = LocalDate.now(clock).atStartOfDay(clock.getZone()).toOffsetDateTime();
            long today = count("commitmentId = ?1 and clientKey = ?2 and citizen is null and createdAt >= ?3",
                    commitmentId, clientKey, dayStart);
            if (today >= config.anonymousPerAddressPerDay()) {
                Duration untilTomorrow = Duration.between(now(), dayStart.plusDays(1));
                throw new ProblemException(Problem.of("anonymous-evaluations-per-day",
                        "今日匿名评议已达上限 Anonymous evaluations for today used up", 429,
                        "同一网络地址每天最多匿名评议同一项承诺 " + config.anonymousPerAddressPerDay()
                                + " 次，今天已满；请登录群众账号后评议（每人一次，可随时修改），或明天再来")
                        .withRetryAfter(untilTomorrow.isNegative() || untilTomorrow.isZero() ? Duration.ofMinutes(1) : untilTomorrow));
            }
            limiter.admit(KIND, clientKey, config.maxPerClient(), config.window());
        }
        Evaluation e = new Evaluation();
        e.id = UUID.randomUUID();
        e.commitmentId = commitmentId;
        e.rating = rating;
        e.comment = hasComment ? text : null;
        e.commentStatus = hasComment ? Evaluation.CommentStatus.PENDING : Evaluation.CommentStatus.NONE;
        e.clientKey = clientKey;
        e.citizen = citizen;
        e.createdAt = now();
        persist(e);
        outbox.emit(e, new CommitmentEvaluated(e.id, commitmentId, commitment.kind, commitment.departmentCode,
                commitment.organizationCode, rating, hasComment, e.createdAt, e.verified()));
        return new Outcome(e, false);
    }

    /** The citizen's new rating and comment replace the earlier ones; a new comment waits for moderation again. */
    private Evaluation revise(Commitment commitment, Evaluation e, Rating rating, String comment) {
        Rating previous = e.rating;
        e.rating = rating;
        e.comment = comment;
        e.commentStatus = comment != null ? Evaluation.CommentStatus.PENDING : Evaluation.CommentStatus.NONE;
        e.rejectReason = null;
        e.moderatedBy = null;
        e.moderatedAt = null;
        e.revisedAt = now();
        outbox.emit(e, new CommitmentEvaluationRevised(e.id, e.commitmentId, commitment.kind, commitment.departmentCode,
                commitment.organizationCode, previous, rating, comment != null, e.revisedAt));
        return e;
    }

    public Evaluation approve(UUID id) {
        Evaluation e = locked(id);
        return moderation.approve(e, MODERATE_AGAIN, d -> new EvaluationCommentApproved(e.id, e.commitmentId, e.rating,
                e.comment, d.moderator(), d.at()));
    }

    public Evaluation reject(UUID id, String reason) {
        Evaluation e = locked(id);
        return moderation.reject(e, reason, MODERATE_AGAIN, d -> new EvaluationCommentRejected(e.id, e.commitmentId,
                reason, d.moderator(), d.at()));
    }

    public record Summary(long evaluations, long verified, long anonymous, Map<Rating, Long> ratings,
                          Double satisfactionRate, List<Evaluation> approvedComments) {
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
        long verified = count("commitmentId = ?1 and citizen is not null", commitmentId);
        return new Summary(total, verified, total - verified, ratings, rate, approved);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Evaluation> queue() {
        return list("commentStatus = ?1 order by createdAt", Evaluation.CommentStatus.PENDING);
    }

    private Evaluation locked(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("评议", id.toString()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
