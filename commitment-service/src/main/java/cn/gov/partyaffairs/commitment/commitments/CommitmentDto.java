package cn.gov.partyaffairs.commitment.commitments;

import cn.gov.partyaffairs.contracts.commitment.CommitmentKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A commitment as officials read it; {@code timeline} (its progress reports, oldest first) only on a single one. */
public record CommitmentDto(
        UUID id,
        CommitmentKind kind,
        String title,
        String description,
        String category,
        String categoryLabel,
        String departmentCode,
        String departmentName,
        String organizationCode,
        String organizationName,
        String responsible,
        BigDecimal targetQuantity,
        String targetUnit,
        List<MilestoneDto> milestones,
        LocalDate pledgedOn,
        LocalDate dueDate,
        CommitmentStatus status,
        String statusLabel,
        Integer progressPercent,
        BigDecimal progressQuantity,
        LocalDate fulfilledOn,
        Boolean onTime,
        String evidence,
        String withdrawReason,
        OffsetDateTime overdueSince,
        long version,
        List<ReportDto> timeline) {

    /** @param missedAt when its date was found passed unreached; {@code stateLabel} says where it stands, in Chinese */
    public record MilestoneDto(String title, LocalDate dueDate, LocalDate reachedOn, OffsetDateTime missedAt,
                               String stateLabel) {
    }

    @Schema(name = "CommitmentProgressReport")
    public record ReportDto(UUID id, Integer percent, BigDecimal quantity, String note, String reason,
                            String milestoneReached, LocalDate reportedOn, String reportedBy) {
        static ReportDto of(ProgressReport r) {
            return new ReportDto(r.id, r.percent, r.quantity, r.note, r.reason, r.milestoneReached, r.reportedOn,
                    r.reportedBy);
        }
    }

    public static CommitmentDto of(Commitment c, CommitmentNames names, List<ProgressReport> timeline) {
        return new CommitmentDto(c.id, c.kind, c.title, c.description, c.category, names.category(c.category),
                c.departmentCode, names.department(c.departmentCode), c.organizationCode,
                names.organization(c.organizationCode), c.responsible, c.targetQuantity, c.targetUnit,
                c.milestones.stream().map(m -> new MilestoneDto(m.title, m.dueDate, m.reachedOn, m.missedAt, m.stateLabel())).toList(),
                c.pledgedOn, c.dueDate, c.status, c.status.label(), c.progressPercent, c.progressQuantity,
                c.fulfilledOn, c.onTime, c.evidence, c.withdrawReason, c.overdueSince, c.version,
                timeline == null ? null : timeline.stream().map(ReportDto::of).toList());
    }
}
