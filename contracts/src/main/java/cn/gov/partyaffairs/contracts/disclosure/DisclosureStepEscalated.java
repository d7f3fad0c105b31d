package cn.gov.partyaffairs.contracts.disclosure;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A waiting workflow step (see {@link DisclosureStepReminded}) went past its limit: escalated to the parent
 * organization, and past the second limit to the county office ({@code level}). Sent once per step and level; for
 * officials only (not to be confused with {@link DisclosureEscalated}, an approval passed up on purpose).
 *
 * @param holderOrganizationCode      who should have acted: an organization's code, or null for the county office
 * @param escalatedToOrganizationCode the organization told; null when the county office is told
 * @param limitDate                   the limit passed: the step's own, or the second one for the county office
 */
@EventType(value = "cn.gov.partyaffairs.disclosure.DisclosureStepEscalated.v1", topic = Topics.DISCLOSURE)
public record DisclosureStepEscalated(
        UUID disclosureId,
        UUID deadlineId,
        String organizationCode,
        String scope,
        String step,
        String holderOrganizationCode,
        StepEscalationLevel level,
        String escalatedToOrganizationCode,
        LocalDate enteredOn,
        LocalDate limitDate,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return disclosureId;
    }
}
