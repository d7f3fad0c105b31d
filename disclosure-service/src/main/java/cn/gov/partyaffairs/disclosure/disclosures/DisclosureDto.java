package cn.gov.partyaffairs.disclosure.disclosures;

import cn.gov.partyaffairs.disclosure.catalog.Scope;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A disclosure with its workflow history and published versions. */
public record DisclosureDto(UUID id, String organizationCode, String organizationName, List<String> itemCodes,
                            String title, String body, LocalDate periodStart, LocalDate periodEnd, Scope scope,
                            List<String> plannedChannels, OffsetDateTime plannedPublicationAt,
                            DisclosureStatus status, String statusLabel, boolean escalated,
                            List<String> publishedChannels, OffsetDateTime publishedAt, String withdrawnReason,
                            int contentVersion, long version, List<Step> steps, List<Revision> revisions) {

    public static DisclosureDto of(Disclosure d, List<DisclosureStep> steps, List<DisclosureRevision> revisions) {
        return new DisclosureDto(d.id, d.organization.code, d.organization.name, List.copyOf(d.itemCodes), d.title,
                d.body, d.periodStart, d.periodEnd, d.scope, d.plannedChannelList(), d.plannedPublicationAt, d.status,
                d.status.label(), d.escalated, d.publishedChannelList(), d.publishedAt, d.withdrawnReason,
                d.contentVersion, d.version,
                steps.stream().map(s -> new Step(s.action, s.statusAfter, s.actor, s.reason, s.at)).toList(),
                revisions.stream().map(r -> new Revision(r.contentVersion, r.title, r.body, r.reason, r.revisedBy,
                        r.revisedAt)).toList());
    }

    /** A list row: no history. */
    public static DisclosureDto summary(Disclosure d) {
        return of(d, List.of(), List.of());
    }

    public record Step(String action, DisclosureStatus statusAfter, String actor, String reason, OffsetDateTime at) {
    }

    public record Revision(int contentVersion, String title, String body, String reason, String revisedBy,
                           OffsetDateTime revisedAt) {
    }
}
