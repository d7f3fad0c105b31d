package cn.gov.partyaffairs.supervision.programme;

import cn.gov.partyaffairs.contracts.Labels;
import cn.gov.partyaffairs.contracts.supervision.DemonstrationUnitDesignated;
import cn.gov.partyaffairs.contracts.supervision.DemonstrationUnitWithdrawn;
import cn.gov.partyaffairs.contracts.supervision.GroupMember;
import cn.gov.partyaffairs.contracts.supervision.GuidanceGroupFormed;
import cn.gov.partyaffairs.contracts.supervision.GuidanceGroupMembersChanged;
import cn.gov.partyaffairs.contracts.supervision.GuidanceTaskKind;
import cn.gov.partyaffairs.contracts.supervision.GuidanceTaskUpdated;
import cn.gov.partyaffairs.contracts.supervision.UnitAssignedToGroup;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.outbox.Outbox;
import cn.gov.partyaffairs.platform.security.Caller;
import cn.gov.partyaffairs.replica.KnownOrganization;
import cn.gov.partyaffairs.replica.OrganizationReplica;
import cn.gov.partyaffairs.supervision.Days;
import cn.gov.partyaffairs.supervision.Texts;
import cn.gov.partyaffairs.supervision.config.SupervisionConfig;
import cn.gov.partyaffairs.supervision.contentlist.ContentListCopy;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The demonstration-unit programme: units designated and withdrawn by the county office, guidance groups and their
 * members, which group is responsible for which unit (one at a time, every reassignment kept), and each unit's
 * set-up tasks, which its group keeps. Every change is one event.
 */
@ApplicationScoped
@Transactional
public class ProgrammeService {

    private final UnitRepository units;
    private final GroupRepository groups;
    private final AssignmentRepository assignments;
    private final OrganizationReplica organizations;
    private final Event<UnitDesignated> designated;
    private final SupervisionConfig config;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;
    private final ContentListCopy contentLists;

    public ProgrammeService(UnitRepository units, GroupRepository groups, AssignmentRepository assignments,
                            OrganizationReplica organizations, Event<UnitDesignated> designated,
                            SupervisionConfig config, Outbox outbox, Caller caller, Clock clock,
                            ContentListCopy contentLists) {
        this.contentLists = contentLists;
        this.units = units;
        this.groups = groups;
        this.assignments = assignments;
        this.organizations = organizations;
        this.designated = designated;
        this.config = config;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    public GuidanceGroup formGroup(ProgrammeRequests.FormGroup request) {
        String code = request.code().strip();
        if (!code.matches("[A-Za-z0-9-]+")) {
            throw ProblemException.invalid("code", "小组代码只能由字母、数字和连字符组成，例如 YP-G01");
        }
        groups.findByCode(code).ifPresent(existing -> {
            throw ProblemException.conflict("duplicate-code", "小组代码 " + code + " 已被“" + existing.name + "”使用");
        });
        GuidanceGroup g = new GuidanceGroup();
        g.id = UUID.randomUUID();
        g.code = code;
        g.name = request.name().strip();
        g.members = members(request.members());
        g.formedBy = caller.username();
        g.createdAt = now();
        groups.persist(g);
        outbox.emit(g, new GuidanceGroupFormed(g.id, g.code, g.name, contract(g.members), g.formedBy, g.createdAt));
        return g;
    }

    public GuidanceGroup changeMembers(String code, ProgrammeRequests.ChangeMembers request) {
        caller.requireActsForGroup(code);
        GuidanceGroup g = group(code);
        g.members.clear();
        g.members.addAll(members(request.members()));
        outbox.emit(g, new GuidanceGroupMembersChanged(g.id, g.code, contract(g.members), caller.username(), now()));
        return g;
    }

    /**
     * Names an organization of the register a demonstration unit, or names it again after a withdrawal; its expected
     * cadence follows from its type. Lapses of it already known become findings at once.
     */
    public DemonstrationUnit designate(ProgrammeRequests.Designate request) {
        String code = request.organizationCode().strip();
        KnownOrganization organization = organizations.findByCode(code).filter(o -> o.active).orElseThrow(() ->
                ProblemException.invalid("organizationCode", "党组织 " + code + " 不存在或已撤销（组织名册由党务公开服务维护）"));
        SupervisionConfig.UnitType type = config.unitTypes().get(organization.type);
        if (type == null) {
            throw ProblemException.invalid("organizationCode", organization.name + "的组织类型（" + organization.type
                    + "）不能作为示范单位；可选类型：" + unitTypeList());
        }
        LocalDate designatedOn = Days.onOrToday(request.designatedOn(), today(), "designatedOn", "命名日期");
        DemonstrationUnit u = units.lockByCode(code).orElse(null);
        if (u != null && u.status == UnitStatus.DESIGNATED) {
            throw ProblemException.conflict("already-designated", organization.name + "已是示范单位（自 " + u.designatedOn + " 起）");
        }
        boolean isNew = u == null;
        if (isNew) {
            u = new DemonstrationUnit();
            u.id = UUID.randomUUID();
            u.organizationCode = code;
            u.createdAt = now();
            for (GuidanceTaskKind kind : GuidanceTaskKind.values()) {
                GuidanceTask task = new GuidanceTask();
                task.status = TaskStatus.NOT_STARTED;
                u.tasks.put(kind, task);
            }
        } else {
            Days.notBefore(designatedOn, u.withdrawnOn, "designatedOn", "重新命名日期", "撤销日期");
            u.withdrawnOn = null;
            u.withdrawReason = null;
        }
        u.organizationName = organization.name;
        u.organizationType = organization.type;
        u.cadenceMonths = type.cadenceMonths();
        u.status = UnitStatus.DESIGNATED;
        u.designatedOn = designatedOn;
        u.designatedBy = caller.username();
        if (isNew) {
            units.persist(u);
        }
        outbox.emit(u, new DemonstrationUnitDesignated(u.id, u.organizationCode, u.organizationName, u.organizationType,
                u.cadenceMonths, u.designatedOn, u.designatedBy, now()));
        designated.fire(new UnitDesignated(u));
        return u;
    }

    /** Withdraws a designation; the responsible group's responsibility ends that day. */
    public DemonstrationUnit withdraw(String code, ProgrammeRequests.Withdraw request) {
        DemonstrationUnit u = units.lockByCode(code).orElseThrow(() -> ProblemException.notFound("示范单位", code));
        if (u.status != UnitStatus.DESIGNATED) {
            throw ProblemException.illegalTransition(u.status.named(), "撤销示范单位");
        }
        LocalDate withdrawnOn = Days.onOrToday(request.withdrawnOn(), today(), "withdrawnOn", "撤销日期");
        Days.notBefore(withdrawnOn, u.designatedOn, "withdrawnOn", "撤销日期", "命名日期");
        GroupAssignment current = assignments.current(u.id).orElse(null);
        if (current != null) {
            Days.notBefore(withdrawnOn, current.assignedFrom, "withdrawnOn", "撤销日期", "现任小组开始负责的日期");
            current.assignedUntil = withdrawnOn;
        }
        u.status = UnitStatus.WITHDRAWN;
        u.withdrawnOn = withdrawnOn;
        u.withdrawReason = Texts.plain(request.reason());
        outbox.emit(u, new DemonstrationUnitWithdrawn(u.id, u.organizationCode, u.withdrawReason, withdrawnOn,
                current == null ? null : current.groupCode, caller.username(), now()));
        return u;
    }

    /**
     * Makes a group responsible for a unit from a day on; the previous group's responsibility ends that day and stays
     * in the history. The unit row is locked, and the database allows one open assignment per unit.
     */
    public GroupAssignment assign(String code, ProgrammeRequests.Assign request) {
        DemonstrationUnit u = units.lockByCode(code).orElseThrow(() -> ProblemException.notFound("示范单位", code));
        if (u.status != UnitStatus.DESIGNATED) {
            throw ProblemException.illegalTransition(u.status.named(), "指定督促指导小组");
        }
        String groupCode = request.groupCode().strip();
        GuidanceGroup g = groups.findByCode(groupCode).orElseThrow(() ->
                ProblemException.invalid("groupCode", "督促指导小组 " + groupCode + " 不存在，请先组建该小组"));
        LocalDate from = Days.onOrToday(request.from(), today(), "from", "开始负责日期");
        Days.notBefore(from, u.designatedOn, "from", "开始负责日期", "命名日期");
        GroupAssignment current = assignments.current(u.id).orElse(null);
        if (current != null) {
            if (current.groupCode.equals(g.code)) {
                throw ProblemException.conflict("already-responsible",
                        g.name + "自 " + current.assignedFrom + " 起已负责" + u.organizationName);
            }
            Days.notBefore(from, current.assignedFrom, "from", "开始负责日期", "现任小组开始负责的日期");
            current.assignedUntil = from;
            // The old row must be closed before the new one opens: one open assignment per unit.
            assignments.flush();
        }
        GroupAssignment a = new GroupAssignment();
        a.id = UUID.randomUUID();
        a.unitId = u.id;
        a.groupCode = g.code;
        a.assignedFrom = from;
        a.reason = Texts.plain(request.reason());
        a.assignedBy = caller.username();
        a.createdAt = now();
        assignments.persist(a);
        outbox.emit(u, new UnitAssignedToGroup(u.id, u.organizationCode, g.code, current == null ? null : current.groupCode,
                from, a.reason, a.assignedBy, a.createdAt));
        return a;
    }

    /**
     * The responsible group (or a county admin) records where a set-up task stands. What a task sets up must exist
     * before it is done: the content list for {@code CONTENT_CATALOG} (409 while the unit's list is empty).
     */
    public DemonstrationUnit updateTask(String code, GuidanceTaskKind kind, ProgrammeRequests.UpdateTask request) {
        DemonstrationUnit u = unitForAction(code, "更新建设任务").unit();
        if (kind == GuidanceTaskKind.CONTENT_CATALOG && request.status() == TaskStatus.DONE
                && contentLists.itemCount(u.organizationCode) == 0) {
            throw ProblemException.conflict("content-list-empty", u.organizationName + "（" + u.organizationCode
                    + "）尚未确定公开内容和目录，不能将“确定公开内容和目录”标为已完成：请先由本单位或县委党务公开办公室在组织名册的“公开目录”中"
                    + "勾选本单位的公开事项并保存（PUT /organizations/" + u.organizationCode + "/content-list），再标记完成。");
        }
        LocalDate on = Days.onOrToday(request.on(), today(), "on", "任务日期");
        Days.notBefore(on, u.designatedOn, "on", "任务日期", "命名日期");
        GuidanceTask task = u.tasks.get(kind);
        task.status = request.status();
        task.statusOn = on;
        task.note = Texts.plain(request.note());
        task.updatedBy = caller.username();
        outbox.emit(u, new GuidanceTaskUpdated(u.id, u.organizationCode, kind, task.status.name(), on, task.note,
                task.updatedBy, now()));
        return u;
    }

    /**
     * A designated unit, locked, for a step its responsible group (or a county admin) takes: 403 for anyone else, 409
     * once the designation is withdrawn.
     */
    public UnitInCharge unitForAction(String code, String action) {
        DemonstrationUnit u = units.lockByCode(code).orElseThrow(() -> ProblemException.notFound("示范单位", code));
        String groupCode = assignments.current(u.id).map(a -> a.groupCode).orElse(null);
        caller.requireActsForGroup(groupCode);
        if (u.status != UnitStatus.DESIGNATED) {
            throw ProblemException.illegalTransition(u.status.named(), action);
        }
        return new UnitInCharge(u, groupCode);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DemonstrationUnit unit(String code) {
        return units.findByCode(code).orElseThrow(() -> ProblemException.notFound("示范单位", code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public GuidanceGroup group(String code) {
        return groups.findByCode(code).orElseThrow(() -> ProblemException.notFound("督促指导小组", code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<GuidanceGroup> groups() {
        return groups.listAll(Sort.by("code"));
    }

    private String unitTypeList() {
        return String.join("、", config.unitTypes().keySet().stream().sorted()
                .map(type -> type + "（" + Labels.zh(Labels.ORGANIZATION_TYPE, type) + "）").toList());
    }

    private static List<GroupMemberEntry> members(List<ProgrammeRequests.Member> requested) {
        return requested.stream().map(m -> {
            GroupMemberEntry member = new GroupMemberEntry();
            member.name = m.name().strip();
            member.position = m.position().strip();
            member.contact = m.contact() == null || m.contact().isBlank() ? null : m.contact().strip();
            return member;
        }).collect(Collectors.toCollection(ArrayList::new));
    }

    public static List<GroupMember> contract(List<GroupMemberEntry> members) {
        return members.stream().map(m -> new GroupMember(m.name, m.position, m.contact)).toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
