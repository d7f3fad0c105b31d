package cn.gov.partyaffairs.supervision.programme;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A member of a guidance group: name, post and how to reach them. */
@Embeddable
public class GroupMemberEntry {

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String position;

    public String contact;
}
