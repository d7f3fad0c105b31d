package cn.gov.partyaffairs.supervision.programme;

import cn.gov.partyaffairs.platform.aggregate.Aggregate;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A guidance group (督促指导小组). Its code is what an inspector's token names in the {@code guidance_group} claim. */
@Entity
@Table(name = "guidance_group")
public class GuidanceGroup extends Aggregate {

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "guidance_group_member", joinColumns = @JoinColumn(name = "group_id"))
    @OrderColumn(name = "seq")
    public List<GroupMemberEntry> members = new ArrayList<>();

    @Column(name = "formed_by", nullable = false)
    public String formedBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
