package cn.gov.partyaffairs.supervision.practice;

import cn.gov.partyaffairs.platform.aggregate.Aggregate;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A write-up of a unit's good practice (经验做法), optionally from an inspection, with what a media submission
 * (信息报送) needs: a title, a summary and the text.
 */
@Entity
@Table(name = "good_practice")
public class GoodPractice extends Aggregate {

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Column(name = "inspection_id")
    public UUID inspectionId;

    @Column(nullable = false)
    public String title;

    public String summary;

    @Column(nullable = false)
    public String body;

    @Column(name = "written_on", nullable = false)
    public LocalDate writtenOn;

    @Column(nullable = false)
    public String author;

    @Column(name = "revised_by")
    public String revisedBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
