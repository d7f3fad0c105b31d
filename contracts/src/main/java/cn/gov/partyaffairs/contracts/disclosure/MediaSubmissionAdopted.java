package cn.gov.partyaffairs.contracts.disclosure;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The outlet adopted (published) the piece, with where it placed it (e.g. page 1 lead). */
@EventType(value = "cn.gov.partyaffairs.disclosure.MediaSubmissionAdopted.v1", topic = Topics.DISCLOSURE)
public record MediaSubmissionAdopted(
        UUID submissionId,
        String organizationCode,
        String outlet,
        String outletLevel,
        LocalDate adoptedOn,
        String placement,
        String recordedBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return submissionId;
    }
}
