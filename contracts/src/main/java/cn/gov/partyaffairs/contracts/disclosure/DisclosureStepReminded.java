package cn.gov.partyaffairs.contracts.disclosure;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A workflow step that waits for someone ({@code step}: the disclosure's status, {@code SUBMITTED} waiting for review,
 * {@code REVIEWED} for approval, {@code APPROVED} for publication) reaches its limit on the next working day: the
 * holder of the step is reminded. Sent once per step (a step entered again after a return is a new
 * {@code deadlineId}); the aggregate is the disclosure.
 *
 * @param holderOrganizationCode who must act: an organization's code, or null for the county office
 * @param limitDate              the last working day of the limit, on the State Council's holiday arrangements
 */
@EventType(value = "cn.gov.partyaffairs.disclosure.DisclosureStepReminded.v1", topic = Topics.DISCLOSURE)
public record DisclosureStepReminded(
        UUID disclosureId,
        UUID deadlineId,
        String organizationCode,
        String scope,
        String step,
        String holderOrganizationCode,
        LocalDate enteredOn,
        int limitWorkingDays,
        LocalDate limitDate,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return disclosureId;
    }
}
