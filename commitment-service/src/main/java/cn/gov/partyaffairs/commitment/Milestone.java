package cn.gov.partyaffairs.commitment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalDate;

/** A step on the way to a commitment's target, reached when a progress report says so. */
@Embeddable
public class Milestone {

    @Column(nullable = false)
    public String title;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "reached_on")
    public LocalDate reachedOn;
}
