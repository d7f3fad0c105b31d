package cn.gov.partyaffairs.contracts.disclosure;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A moderator approved a comment: from now on it is public and counts (已有N人发表了评论). */
@EventType(value = "cn.gov.partyaffairs.disclosure.CommentApproved.v1", topic = Topics.DISCLOSURE)
public record CommentApproved(
        UUID commentId,
        UUID disclosureId,
        String organizationCode,
        String authorName,
        String body,
        String approvedBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return commentId;
    }
}
