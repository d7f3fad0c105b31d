package cn.gov.partyaffairs.supervision.programme;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.LocalDate;

/** One set-up task of a unit: its status, the day it reached it, and a note. */
@Embeddable
public class GuidanceTask {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskStatus status;

    @Column(name = "status_on")
    public LocalDate statusOn;

    public String note;

    @Column(name = "updated_by")
    public String updatedBy;
}
