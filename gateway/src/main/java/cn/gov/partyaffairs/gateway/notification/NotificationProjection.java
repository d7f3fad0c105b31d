package cn.gov.partyaffairs.gateway.notification;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventCatalog;
import cn.gov.partyaffairs.contracts.commitment.CommitmentFulfilled;
import cn.gov.partyaffairs.contracts.commitment.CommitmentOverdue;
import cn.gov.partyaffairs.contracts.commitment.CommitmentProgressReported;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureApproved;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureCorrected;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureDueSoon;
import cn.gov.partyaffairs.contracts.disclosure.DisclosurePublished;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureReturned;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureReviewed;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureStepReminded;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureSubmitted;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureWithdrawn;
import cn.gov.partyaffairs.contracts.supervision.RectificationReported;
import cn.gov.partyaffairs.gateway.EventLogEntry;
import cn.gov.partyaffairs.gateway.notification.Notifications.Content;
import cn.gov.partyaffairs.gateway.notification.Notifications.Recipient;
import cn.gov.partyaffairs.platform.messaging.IncomingEvent;
import cn.gov.partyaffairs.platform.security.Caller;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Live events into notifications, in the event's transaction after the read models took it (so the names and
 * titles are the read models'). Citizens hear of what they follow, public events only: an organization's or a
 * category's disclosures published, corrected or withdrawn, a commitment's progress, fulfilment or lapse. Officials
 * hear of their work: a period falling due and a returned or approved disclosure (its clerks), one waiting for review or approval (the parent
 * organization's clerks and the county admins, never the person who did the step before), a step's limit coming
 * (its holder), a rectification reported (the unit's guidance group). A rebuild does not come here: what was
 * notified stays notified, and {@link Notifications#idOf} makes a repeat of the same event add nothing.
 */
@ApplicationScoped
public class NotificationProjection {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Notifications notifications;

    public NotificationProjection(EntityManager em, ObjectMapper mapper, Notifications notifications) {
        this.em = em;
        this.mapper = mapper;
        this.notifications = notifications;
    }

    /** Notifies whoever the live event concerns; {@code audience}: who may see it (citizens hear only public ones). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int apply(IncomingEvent event, EventLogEntry.Audience audience) {
        Class<? extends DomainEvent> type = EventCatalog.forType(event.type()).orElse(null);
        if (type == null) {
            return 0;
        }
        boolean open = audience == EventLogEntry.Audience.PUBLIC;
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        Content content = null;
        if (type == DisclosurePublished.class && open) {
            DisclosurePublished e = event.as(DisclosurePublished.class, mapper);
            String org = organizationName(e.organizationCode());
            content = new Content("DISCLOSURE_PUBLISHED", org + "公开了「" + e.title() + "」",
                    org + "于" + DAY.format(e.at()) + "公开了「" + e.title() + "」（" + e.periodStart() + " 至 "
                            + e.periodEnd() + "）。", disclosureLink(e.disclosureId()));
            followersOfDisclosure(recipients, e.organizationCode(), e.disclosureId());
        } else if (type == DisclosureCorrected.class && open) {
            DisclosureCorrected e = event.as(DisclosureCorrected.class, mapper);
            content = new Content("DISCLOSURE_CORRECTED", "「" + e.title() + "」已更正",
                    organizationName(e.organizationCode()) + "更正了「" + e.title() + "」（第 " + e.contentVersion()
                            + " 版）。更正原因：" + e.reason(), disclosureLink(e.disclosureId()));
            followersOfDisclosure(recipients, e.organizationCode(), e.disclosureId());
        } else if (type == DisclosureWithdrawn.class && open) {
            DisclosureWithdrawn e = event.as(DisclosureWithdrawn.class, mapper);
            String title = disclosureTitle(e.disclosureId());
            content = new Content("DISCLOSURE_WITHDRAWN", "「" + title + "」已撤回",
                    organizationName(e.organizationCode()) + "撤回了「" + title + "」。撤回原因：" + e.reason(),
                    "/org.html?code=" + e.organizationCode());
            followersOfDisclosure(recipients, e.organizationCode(), e.disclosureId());
        } else if (type == CommitmentFulfilled.class && open) {
            CommitmentFulfilled e = event.as(CommitmentFulfilled.class, mapper);
            String title = commitmentTitle(e.commitmentId());
            content = new Content("COMMITMENT_FULFILLED", "承诺「" + title + "」已兑现",
                    "「" + title + "」已于" + DAY.format(e.fulfilledOn()) + "兑现" + (e.onTime() ? "，按期完成。" : "，晚于承诺期限。"),
                    commitmentLink(e.commitmentId()));
            followersOfCommitment(recipients, e.commitmentId(), e.organizationCode());
        } else if (type == CommitmentOverdue.class && open) {
            CommitmentOverdue e = event.as(CommitmentOverdue.class, mapper);
            content = new Content("COMMITMENT_OVERDUE", "承诺「" + e.title() + "」已逾期",
                    "「" + e.title() + "」承诺于" + DAY.format(e.dueDate()) + "前完成，至今未兑现"
                            + (e.progressPercent() == null ? "。" : "（进度 " + e.progressPercent() + "%）。"),
                    commitmentLink(e.commitmentId()));
            followersOfCommitment(recipients, e.commitmentId(), e.organizationCode());
        } else if (type == CommitmentProgressReported.class && open) {
            CommitmentProgressReported e = event.as(CommitmentProgressReported.class, mapper);
            String title = commitmentTitle(e.commitmentId());
            content = new Content("COMMITMENT_PROGRESS", "承诺「" + title + "」有新进展"
                    + (e.progressPercent() == null ? "" : "：" + e.progressPercent() + "%"),
                    "「" + title + "」报告了进展" + (e.note() == null || e.note().isBlank() ? "。" : "：" + e.note()),
                    commitmentLink(e.commitmentId()));
            followersOfCommitment(recipients, e.commitmentId(), e.organizationCode());
        } else if (type == DisclosureSubmitted.class) {
            DisclosureSubmitted e = event.as(DisclosureSubmitted.class, mapper);
            String title = disclosureTitle(e.disclosureId());
            content = new Content("REVIEW_WAITING", "「" + title + "」待您审核",
                    organizationName(e.organizationCode()) + "提交了「" + title + "」，请在工作台审核（保密、必要、准确三项检查）。",
                    "/console.html");
            competent(recipients, e.organizationCode(), e.submittedBy());
        } else if (type == DisclosureReviewed.class) {
            DisclosureReviewed e = event.as(DisclosureReviewed.class, mapper);
            String title = disclosureTitle(e.disclosureId());
            content = new Content("APPROVAL_WAITING", "「" + title + "」已审核，待您审批",
                    organizationName(e.organizationCode()) + "的「" + title + "」已由 " + e.reviewedBy()
                            + " 审核通过，请另一位负责人审批（四眼原则）。", "/console.html");
            competent(recipients, e.organizationCode(), e.reviewedBy());
        } else if (type == DisclosureApproved.class) {
            DisclosureApproved e = event.as(DisclosureApproved.class, mapper);
            String title = disclosureTitle(e.disclosureId());
            content = new Content("PUBLICATION_WAITING", "「" + title + "」已审批，可以公开",
                    "「" + title + "」已由 " + e.approvedBy() + " 审批通过，请在工作台公开。", "/console.html");
            clerks(recipients, e.organizationCode(), e.approvedBy());
        } else if (type == DisclosureReturned.class) {
            DisclosureReturned e = event.as(DisclosureReturned.class, mapper);
            String title = disclosureTitle(e.disclosureId());
            content = new Content("DISCLOSURE_RETURNED", "「" + title + "」被退回修改",
                    e.returnedBy() + " 退回了「" + title + "」。退回原因：" + e.reasons(), "/console.html");
            clerks(recipients, e.organizationCode(), e.returnedBy());
        } else if (type == DisclosureStepReminded.class) {
            DisclosureStepReminded e = event.as(DisclosureStepReminded.class, mapper);
            String title = disclosureTitle(e.disclosureId());
            content = new Content("STEP_REMINDED", "「" + title + "」的" + step(e.step()) + "将于" + DAY.format(e.limitDate()) + "到期",
                    organizationName(e.organizationCode()) + "的「" + title + "」等待" + step(e.step()) + "，时限 "
                            + e.limitWorkingDays() + " 个工作日，" + DAY.format(e.limitDate()) + "到期；逾期将上报上级。",
                    "/console.html");
            if (e.holderOrganizationCode() == null) {
                countyAdmins(recipients, null);
            } else {
                clerks(recipients, e.holderOrganizationCode(), null);
            }
        } else if (type == DisclosureDueSoon.class) {
            DisclosureDueSoon e = event.as(DisclosureDueSoon.class, mapper);
            content = new Content("PERIOD_DUE_SOON", "本组织" + e.periodStart() + " 至 " + e.periodEnd() + "的党务公开将于"
                    + DAY.format(e.dueDate()) + "到期",
                    organizationName(e.organizationCode()) + "本期（" + e.periodStart() + " 至 " + e.periodEnd()
                            + "）尚未公开，还有 " + e.workingDaysLeft() + " 个工作日到期（" + DAY.format(e.dueDate())
                            + "）；逾期未公开将记为未按期公开。", "/console.html");
            clerks(recipients, e.organizationCode(), null);
        } else if (type == RectificationReported.class) {
            RectificationReported e = event.as(RectificationReported.class, mapper);
            content = new Content("RECTIFICATION_REPORTED", organizationName(e.unitCode()) + "报告了整改情况",
                    organizationName(e.unitCode()) + "于" + DAY.format(e.reportedOn()) + "报告整改：" + e.evidence()
                            + "。请核实（整改期限 " + DAY.format(e.deadline()) + "）。", "/console.html");
            inspectorsOf(recipients, e.unitCode(), e.reportedBy());
        }
        if (content == null) {
            return 0;
        }
        OffsetDateTime at = event.time() != null ? event.time() : OffsetDateTime.now();
        int notified = 0;
        for (Recipient recipient : recipients.values()) {
            if (notifications.notify(recipient, event.id(), content, at)) {
                notified++;
            }
        }
        return notified;
    }

    private static String step(String step) {
        return switch (step) {
            case "SUBMITTED" -> "审核";
            case "REVIEWED" -> "审批";
            case "APPROVED" -> "公开";
            default -> "办理";
        };
    }

    private static String disclosureLink(UUID id) {
        return "/disclosure.html?id=" + id;
    }

    private static String commitmentLink(UUID id) {
        return "/commitments.html#c-" + id;
    }

    private String organizationName(String code) {
        List<?> rows = em.createNativeQuery("SELECT name FROM organization_view WHERE code = ?1")
                .setParameter(1, code).getResultList();
        return rows.isEmpty() ? code : (String) rows.get(0);
    }

    private String disclosureTitle(UUID id) {
        List<?> rows = em.createNativeQuery("SELECT title FROM disclosure_view WHERE id = ?1")
                .setParameter(1, id).getResultList();
        return rows.isEmpty() ? "公开事项" : (String) rows.get(0);
    }

    private String commitmentTitle(UUID id) {
        List<?> rows = em.createNativeQuery("SELECT title FROM commitment_view WHERE id = ?1")
                .setParameter(1, id).getResultList();
        return rows.isEmpty() ? "承诺事项" : (String) rows.get(0);
    }

    private static final String ACCOUNT = "SELECT a.subject, a.display_name, a.email, a.delivery FROM notify_account a ";

    /** The followers of the organization, and of any catalog category the disclosure covers. */
    private void followersOfDisclosure(Map<String, Recipient> into, String organizationCode, UUID disclosureId) {
        add(into, em.createNativeQuery(ACCOUNT + """
                        WHERE EXISTS (SELECT 1 FROM follow f WHERE f.subject = a.subject AND (
                            (f.target_kind = 'ORGANIZATION' AND f.target_code = ?1)
                         OR (f.target_kind = 'CATEGORY' AND EXISTS (SELECT 1 FROM disclosure_view d WHERE d.id = ?2
                                AND d.category_codes LIKE '%,' || f.target_code || ',%'))))
                        ORDER BY a.subject""")
                .setParameter(1, organizationCode).setParameter(2, disclosureId).getResultList(), null);
    }

    /** The followers of the commitment, and of the organization whose practical thing it is. */
    private void followersOfCommitment(Map<String, Recipient> into, UUID commitmentId, String organizationCode) {
        add(into, em.createNativeQuery(ACCOUNT + """
                        WHERE EXISTS (SELECT 1 FROM follow f WHERE f.subject = a.subject AND (
                            (f.target_kind = 'COMMITMENT' AND f.target_code = ?1)
                         OR (f.target_kind = 'ORGANIZATION' AND f.target_code = ?2)))
                        ORDER BY a.subject""")
                .setParameter(1, commitmentId.toString()).setParameter(2, organizationCode == null ? "" : organizationCode)
                .getResultList(), null);
    }

    /** Who may review or approve the organization's disclosure: its parent's clerks and the county admins. */
    private void competent(Map<String, Recipient> into, String organizationCode, String except) {
        add(into, em.createNativeQuery(ACCOUNT + """
                        WHERE a.roles LIKE '%,' || ?1 || ',%' AND a.org_code =
                            (SELECT o.parent_code FROM organization_view o WHERE o.code = ?2)
                        ORDER BY a.subject""")
                .setParameter(1, Caller.ORG_CLERK).setParameter(2, organizationCode).getResultList(), except);
        countyAdmins(into, except);
    }

    private void countyAdmins(Map<String, Recipient> into, String except) {
        add(into, em.createNativeQuery(ACCOUNT + "WHERE a.roles LIKE '%,' || ?1 || ',%' ORDER BY a.subject")
                .setParameter(1, Caller.COUNTY_ADMIN).getResultList(), except);
    }

    private void clerks(Map<String, Recipient> into, String organizationCode, String except) {
        add(into, em.createNativeQuery(ACCOUNT + "WHERE a.roles LIKE '%,' || ?1 || ',%' AND a.org_code = ?2 ORDER BY a.subject")
                .setParameter(1, Caller.ORG_CLERK).setParameter(2, organizationCode).getResultList(), except);
    }

    /** The inspectors of the guidance group responsible for the unit. */
    private void inspectorsOf(Map<String, Recipient> into, String unitCode, String except) {
        add(into, em.createNativeQuery(ACCOUNT + """
                        WHERE a.roles LIKE '%,' || ?1 || ',%' AND a.guidance_group =
                            (SELECT u.group_code FROM unit_view u WHERE u.organization_code = ?2)
                        ORDER BY a.subject""")
                .setParameter(1, Caller.INSPECTOR).setParameter(2, unitCode).getResultList(), except);
    }

    /** Adds the rows as recipients, leaving out the account named {@code exceptUsername} (who did the step). */
    private void add(Map<String, Recipient> into, List<?> rows, String exceptUsername) {
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            into.putIfAbsent((String) r[0], new Recipient((String) r[0], (String) r[1], (String) r[2],
                    Delivery.valueOf((String) r[3])));
        }
        if (exceptUsername != null) {
            List<?> subjects = em.createNativeQuery("SELECT subject FROM notify_account WHERE username = ?1")
                    .setParameter(1, exceptUsername).getResultList();
            subjects.forEach(into::remove);
        }
    }
}
