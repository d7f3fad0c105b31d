package cn.gov.partyaffairs.supervision.inspection;

import cn.gov.partyaffairs.supervision.programme.SupervisionNames;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Rounds, inspections and the checklist as officials read them. */
public final class InspectionDtos {

    private InspectionDtos() {
    }

    public record ChecklistItemDto(String item, String label, int maxScore) {
    }

    public record RoundDto(UUID id, String name, LocalDate startsOn, LocalDate endsOn, List<String> unitCodes,
                           RoundStatus status, String statusLabel, List<InspectionDto> inspections, long version) {
        public static RoundDto of(InspectionRound r, List<InspectionDto> inspections) {
            return new RoundDto(r.id, r.name, r.startsOn, r.endsOn, List.copyOf(r.unitCodes), r.status, r.status.label(),
                    inspections, r.version);
        }
    }

    public record ScoreDto(String item, String label, int score, int maxScore, String note) {
    }

    public record InspectionDto(UUID id, UUID roundId, String unitCode, String unitName, String groupCode,
                                LocalDate inspectedOn, List<String> inspectors, List<ScoreDto> scores, int totalScore,
                                int maxScore, String observations, String recordedBy, OffsetDateTime recordedAt,
                                long version) {
        public static InspectionDto of(Inspection i, SupervisionNames names) {
            return new InspectionDto(i.id, i.roundId, i.unitCode, names.organization(i.unitCode), i.groupCode,
                    i.inspectedOn, List.copyOf(i.inspectors),
                    i.scores.stream().map(s -> new ScoreDto(s.item, s.label, s.score, s.maxScore, s.note)).toList(),
                    i.totalScore, i.maxScore, i.observations, i.recordedBy, i.createdAt, i.version);
        }
    }
}
