package cn.gov.partyaffairs.disclosure.comment;

import cn.gov.partyaffairs.contracts.disclosure.CommentApproved;
import cn.gov.partyaffairs.contracts.disclosure.CommentRejected;
import cn.gov.partyaffairs.contracts.disclosure.CommentSubmitted;
import cn.gov.partyaffairs.disclosure.config.DisclosureConfig;
import cn.gov.partyaffairs.disclosure.disclosures.Disclosure;
import cn.gov.partyaffairs.disclosure.disclosures.DisclosureRepository;
import cn.gov.partyaffairs.disclosure.disclosures.DisclosureStatus;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.outbox.Outbox;
import cn.gov.partyaffairs.platform.publicinput.Moderation;
import cn.gov.partyaffairs.platform.publicinput.PlainText;
import cn.gov.partyaffairs.platform.publicinput.PublicInputLimiter;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The public's comments: accepted on published public disclosures only, reduced to plain text, rate-limited per
 * client, and held until a county moderator approves or rejects them.
 */
@ApplicationScoped
@Transactional
public class CommentService implements PanacheRepositoryBase<Comment, UUID> {

    private static final String KIND = "disclosure-comment";
    private static final String MODERATE_AGAIN = "再次审核";

    private final DisclosureRepository disclosures;
    private final PublicInputLimiter limiter;
    private final DisclosureConfig.Comments config;
    private final Outbox outbox;
    private final Moderation moderation;
    private final Clock clock;

    public CommentService(DisclosureRepository disclosures, PublicInputLimiter limiter, DisclosureConfig config,
                          Outbox outbox, Moderation moderation, Clock clock) {
        this.disclosures = disclosures;
        this.limiter = limiter;
        this.config = config.comments();
        this.outbox = outbox;
        this.moderation = moderation;
        this.clock = clock;
    }

    public Comment submit(UUID disclosureId, String authorName, String body, String clientKey) {
        Disclosure disclosure = publicDisclosure(disclosureId);
        String text = PlainText.of(body);
        if (text == null || text.isEmpty()) {
            throw ProblemException.invalid("body", "请填写评论内容（不含网页代码）");
        }
        if (text.length() > config.maxLength()) {
            throw ProblemException.invalid("body", "评论最多 " + config.maxLength() + " 字，现有 " + text.length() + " 字");
        }
        String author = PlainText.of(authorName);
        limiter.admit(KIND, clientKey, config.maxPerClient(), config.window());
        Comment comment = new Comment();
        comment.id = UUID.randomUUID();
        comment.disclosureId = disclosure.id;
        comment.authorName = author == null || author.isEmpty() ? "匿名群众" : author;
        comment.body = text;
        comment.clientKey = clientKey;
        comment.status = Comment.Status.PENDING;
        comment.createdAt = now();
        persist(comment);
        outbox.emit(comment, new CommentSubmitted(comment.id, disclosure.id, disclosure.organization.code, comment.authorName,
                comment.body, comment.createdAt));
        return comment;
    }

    public Comment approve(UUID commentId) {
        Comment comment = locked(commentId);
        String organizationCode = organizationOf(comment);
        return moderation.approve(comment, MODERATE_AGAIN, d -> new CommentApproved(comment.id, comment.disclosureId,
                organizationCode, comment.authorName, comment.body, d.moderator(), d.at()));
    }

    public Comment reject(UUID commentId, String reason) {
        Comment comment = locked(commentId);
        String organizationCode = organizationOf(comment);
        return moderation.reject(comment, reason, MODERATE_AGAIN, d -> new CommentRejected(comment.id,
                comment.disclosureId, organizationCode, reason, d.moderator(), d.at()));
    }

    /** Approved comments of a published public disclosure, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Comment> approved(UUID disclosureId) {
        publicDisclosure(disclosureId);
        return list("disclosureId = ?1 and status = ?2 order by createdAt", disclosureId, Comment.Status.APPROVED);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Comment> queue() {
        return list("status = ?1 order by createdAt", Comment.Status.PENDING);
    }

    /** Party-internal or unpublished disclosures take no comments; their existence is not revealed to the public. */
    private Disclosure publicDisclosure(UUID id) {
        Disclosure d = disclosures.findByIdOptional(id).orElse(null);
        if (d == null || d.scope.isPartyInternal() || d.status != DisclosureStatus.PUBLISHED) {
            throw ProblemException.notFound("公开事项", id.toString());
        }
        return d;
    }

    private Comment locked(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("评论", id.toString()));
    }

    private String organizationOf(Comment comment) {
        return disclosures.findById(comment.disclosureId).organization.code;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
