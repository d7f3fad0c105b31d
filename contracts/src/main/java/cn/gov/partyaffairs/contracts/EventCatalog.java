package cn.gov.partyaffairs.contracts;

import cn.gov.partyaffairs.contracts.commitment.DepartmentRegistered;
import cn.gov.partyaffairs.contracts.commitment.CommitmentPledged;
import cn.gov.partyaffairs.contracts.commitment.CommitmentProgressReported;
import cn.gov.partyaffairs.contracts.commitment.CommitmentFulfilled;
import cn.gov.partyaffairs.contracts.commitment.CommitmentOverdue;
import cn.gov.partyaffairs.contracts.commitment.CommitmentMilestoneMissed;
import cn.gov.partyaffairs.contracts.commitment.CommitmentWithdrawn;
import cn.gov.partyaffairs.contracts.commitment.CommitmentEvaluated;
import cn.gov.partyaffairs.contracts.commitment.CommitmentEvaluationRevised;
import cn.gov.partyaffairs.contracts.commitment.EvaluationCommentApproved;
import cn.gov.partyaffairs.contracts.commitment.EvaluationCommentRejected;
import cn.gov.partyaffairs.contracts.disclosure.CatalogPublished;
import cn.gov.partyaffairs.contracts.disclosure.CommentApproved;
import cn.gov.partyaffairs.contracts.disclosure.CommentRejected;
import cn.gov.partyaffairs.contracts.disclosure.CommentSubmitted;
import cn.gov.partyaffairs.contracts.disclosure.ComplianceOutcomeRecorded;
import cn.gov.partyaffairs.contracts.disclosure.ContentListSettled;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureApproved;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureCorrected;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureDraftEdited;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureDrafted;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureEscalated;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureStepEscalated;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureStepReminded;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureLapseCured;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureDueSoon;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureOverdue;
import cn.gov.partyaffairs.contracts.disclosure.DisclosurePublished;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureReturned;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureReviewed;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureSubmitted;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureWithdrawn;
import cn.gov.partyaffairs.contracts.disclosure.MediaSubmissionAdopted;
import cn.gov.partyaffairs.contracts.disclosure.MediaSubmissionRecorded;
import cn.gov.partyaffairs.contracts.disclosure.OrganizationDeactivated;
import cn.gov.partyaffairs.contracts.disclosure.OrganizationRegistered;
import cn.gov.partyaffairs.contracts.disclosure.OrganizationUpdated;
import cn.gov.partyaffairs.contracts.supervision.DemonstrationUnitDesignated;
import cn.gov.partyaffairs.contracts.supervision.DemonstrationUnitWithdrawn;
import cn.gov.partyaffairs.contracts.supervision.GuidanceGroupFormed;
import cn.gov.partyaffairs.contracts.supervision.GuidanceGroupMembersChanged;
import cn.gov.partyaffairs.contracts.supervision.UnitAssignedToGroup;
import cn.gov.partyaffairs.contracts.supervision.GuidanceTaskUpdated;
import cn.gov.partyaffairs.contracts.supervision.InspectionRoundPlanned;
import cn.gov.partyaffairs.contracts.supervision.InspectionRoundClosed;
import cn.gov.partyaffairs.contracts.supervision.InspectionRecorded;
import cn.gov.partyaffairs.contracts.supervision.FindingRaised;
import cn.gov.partyaffairs.contracts.supervision.RectificationReported;
import cn.gov.partyaffairs.contracts.supervision.RectificationVerified;
import cn.gov.partyaffairs.contracts.supervision.FindingReopened;
import cn.gov.partyaffairs.contracts.supervision.RectificationOverdue;
import cn.gov.partyaffairs.contracts.supervision.FindingResolved;
import cn.gov.partyaffairs.contracts.supervision.GoodPracticeWrittenUp;
import cn.gov.partyaffairs.contracts.supervision.GoodPracticeRevised;
import cn.gov.partyaffairs.contracts.supervision.ProgressReportGenerated;
import cn.gov.partyaffairs.contracts.supervision.ProgressReportEdited;
import cn.gov.partyaffairs.contracts.supervision.ProgressReportFiled;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type of the suite. A JSON example of each lies at {@code examples/<type>.json} in this module. */
public final class EventCatalog {

    public static final List<Class<? extends DomainEvent>> ALL = List.of(
            OrganizationRegistered.class,
            OrganizationUpdated.class,
            OrganizationDeactivated.class,
            ContentListSettled.class,
            CatalogPublished.class,
            DisclosureDrafted.class,
            DisclosureDraftEdited.class,
            DisclosureSubmitted.class,
            DisclosureReviewed.class,
            DisclosureReturned.class,
            DisclosureEscalated.class,
            DisclosureApproved.class,
            DisclosurePublished.class,
            DisclosureCorrected.class,
            DisclosureWithdrawn.class,
            DisclosureDueSoon.class,
            DisclosureOverdue.class,
            DisclosureLapseCured.class,
            DisclosureStepReminded.class,
            DisclosureStepEscalated.class,
            ComplianceOutcomeRecorded.class,
            CommentSubmitted.class,
            CommentApproved.class,
            CommentRejected.class,
            MediaSubmissionRecorded.class,
            MediaSubmissionAdopted.class,
            DepartmentRegistered.class,
            CommitmentPledged.class,
            CommitmentProgressReported.class,
            CommitmentFulfilled.class,
            CommitmentOverdue.class,
            CommitmentMilestoneMissed.class,
            CommitmentWithdrawn.class,
            CommitmentEvaluated.class,
            CommitmentEvaluationRevised.class,
            EvaluationCommentApproved.class,
            EvaluationCommentRejected.class,
            DemonstrationUnitDesignated.class,
            DemonstrationUnitWithdrawn.class,
            GuidanceGroupFormed.class,
            GuidanceGroupMembersChanged.class,
            UnitAssignedToGroup.class,
            GuidanceTaskUpdated.class,
            InspectionRoundPlanned.class,
            InspectionRoundClosed.class,
            InspectionRecorded.class,
            FindingRaised.class,
            RectificationReported.class,
            RectificationVerified.class,
            FindingReopened.class,
            RectificationOverdue.class,
            FindingResolved.class,
            GoodPracticeWrittenUp.class,
            GoodPracticeRevised.class,
            ProgressReportGenerated.class,
            ProgressReportEdited.class,
            ProgressReportFiled.class);

    private static final Map<String, Class<? extends DomainEvent>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(c -> DomainEvent.typeOf(c).value(), Function.identity()));

    private EventCatalog() {
    }

    public static Optional<Class<? extends DomainEvent>> forType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static String examplePath(Class<? extends DomainEvent> eventClass) {
        return "examples/" + DomainEvent.typeOf(eventClass).value() + ".json";
    }
}
