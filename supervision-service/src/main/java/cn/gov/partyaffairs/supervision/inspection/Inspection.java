package cn.gov.partyaffairs.supervision.inspection;

import cn.gov.partyaffairs.platform.aggregate.Aggregate;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One on-site inspection of a unit in a round: who, when, the scored checklist and what was observed. */
@Entity
@Table(name = "inspection")
public class Inspection extends Aggregate {

    @Column(name = "round_id", nullable = false)
    public UUID roundId;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    /** The group responsible for the unit on the day it was recorded; null if none was. */
    @Column(name = "group_code")
    public String groupCode;

    @Column(name = "inspected_on", nullable = false)
    public LocalDate inspectedOn;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "inspection_inspector", joinColumns = @JoinColumn(name = "inspection_id"))
    @OrderColumn(name = "position")
    @Column(name = "name")
    public List<String> inspectors = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "inspection_score", joinColumns = @JoinColumn(name = "inspection_id"))
    @OrderColumn(name = "position")
    public List<Score> scores = new ArrayList<>();

    @Column(name = "total_score", nullable = false)
    public int totalScore;

    @Column(name = "max_score", nullable = false)
    public int maxScore;

    public String observations;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
