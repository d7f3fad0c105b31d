package cn.gov.partyaffairs.disclosure.comment;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.disclosure.CommentApproved;
import cn.gov.partyaffairs.contracts.disclosure.CommentRejected;
import cn.gov.partyaffairs.contracts.disclosure.CommentSubmitted;
import cn.gov.partyaffairs.disclosure.Disclosure;
import cn.gov.partyaffairs.disclosure.DisclosureStatus;
import cn.gov.partyaffairs.disclosure.config.DisclosureConfig;
import cn.gov.partyaffairs.disclosure.repository.DisclosureRepository;
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

    private final DisclosureRepository disclosures;
    private final PublicInputLimiter limiter;
    private final DisclosureConfig.Comments config;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    public CommentService(DisclosureRepository disclosures, PublicInputLimiter limiter, DisclosureConfig config,
                          Outbox outbox, Caller caller, Clock clock) {
        this.disclosures = disclosures;
        this.limiter = limiter;
        this.config = config.comments();
        this.outbox = outbox;
        this.caller = caller;
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
        emit(comment, new CommentSubmitted(comment.id, disclosure.id, disclosure.organization.code, comment.authorName,
                comment.body, comment.createdAt));
        return comment;
    }

    public Comment approve(UUID commentId) {
        Comment comment = pending(commentId);
        comment.status = Comment.Status.APPROVED;
        moderated(comment);
        Disclosure disclosure = disclosures.findById(comment.disclosureId);
        emit(comment, new CommentApproved(comment.id, comment.disclosureId, disclosure.organization.code,
                comment.authorName, comment.body, caller.username(), comment.moderatedAt));
        return comment;
    }

    public Comment reject(UUID commentId, String reason) {
        Comment comment = pending(commentId);
        comment.status = Comment.Status.REJECTED;
        comment.rejectReason = reason;
        moderated(comment);
        Disclosure disclosure = disclosures.findById(comment.disclosureId);
        emit(comment, new CommentRejected(comment.id, comment.disclosureId, disclosure.organization.code, reason,
                caller.username(), comment.moderatedAt));
        return comment;
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

    private Comment pending(UUID id) {
        Comment comment = findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("评论", id.toString()));
        if (comment.status != Comment.Status.PENDING) {
            throw ProblemException.illegalTransition(comment.status.name(), "再次审核");
        }
        return comment;
    }

    private void moderated(Comment comment) {
        comment.moderatedBy = caller.username();
        comment.moderatedAt = now();
    }

    private void emit(Comment comment, DomainEvent event) {
        comment.version++;
        outbox.append(event, comment.version);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
