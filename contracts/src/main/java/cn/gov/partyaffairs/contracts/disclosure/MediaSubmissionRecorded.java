package cn.gov.partyaffairs.contracts.disclosure;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An organization submitted a write-up of its work to an outside media outlet (信息报送). */
@EventType(value = "cn.gov.partyaffairs.disclosure.MediaSubmissionRecorded.v1", topic = Topics.DISCLOSURE)
public record MediaSubmissionRecorded(
        UUID submissionId,
        String organizationCode,
        String title,
        String outlet,
        String outletLevel,
        LocalDate submittedOn,
        String recordedBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return submissionId;
    }
}
