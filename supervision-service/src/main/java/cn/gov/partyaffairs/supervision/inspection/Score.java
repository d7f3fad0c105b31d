package cn.gov.partyaffairs.supervision.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One checklist item's score, with the item's label and maximum as configured on the day. */
@Embeddable
public class Score {

    @Column(nullable = false)
    public String item;

    @Column(nullable = false)
    public String label;

    @Column(nullable = false)
    public int score;

    @Column(name = "max_score", nullable = false)
    public int maxScore;

    public String note;
}
