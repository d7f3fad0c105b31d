package cn.gov.partyaffairs.contracts.disclosure;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The cadence engine's decision on one organization × period, sent whenever it changes (and once for every
 * obligation that existed before this event did). The only source of the public compliance matrix and its figures.
 *
 * @param due             the engine has seen the due date pass: the period counts towards the rate
 *                        ({@link ComplianceRate})
 * @param exemptionReason why the county office excused the period ({@link ComplianceOutcome#EXEMPTED} only)
 * @param disclosureId    the publication that settled it, if any
 */
@EventType(value = "cn.gov.partyaffairs.disclosure.ComplianceOutcomeRecorded.v1", topic = Topics.DISCLOSURE)
public record ComplianceOutcomeRecorded(
        UUID obligationId,
        UUID organizationId,
        String organizationCode,
        String organizationType,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate dueDate,
        ComplianceOutcome outcome,
        boolean due,
        String exemptionReason,
        UUID disclosureId,
        OffsetDateTime publishedAt,
        OffsetDateTime at) implements DomainEvent {

    /**
     * Its own aggregate, beside the obligation's lapse events: the lapse and its outcome change with the same
     * obligation version, and a consumer skips a version it has passed.
     */
    @Override
    public UUID aggregateId() {
        return outcomeId(obligationId);
    }

    public static UUID outcomeId(UUID obligationId) {
        return UUID.nameUUIDFromBytes(("compliance-outcome:" + obligationId).getBytes());
    }
}
