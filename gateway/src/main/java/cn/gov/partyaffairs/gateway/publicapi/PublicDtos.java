package cn.gov.partyaffairs.gateway.publicapi;

import cn.gov.partyaffairs.gateway.readmodel.CommentView;
import cn.gov.partyaffairs.gateway.readmodel.CommitmentView;
import cn.gov.partyaffairs.gateway.readmodel.ComplianceView;
import cn.gov.partyaffairs.gateway.readmodel.DisclosureVersionView;
import cn.gov.partyaffairs.gateway.readmodel.DisclosureView;
import cn.gov.partyaffairs.gateway.readmodel.EvaluationCommentView;
import cn.gov.partyaffairs.gateway.readmodel.ProgressView;
import cn.gov.partyaffairs.contracts.disclosure.ComplianceRate;
import com.fasterxml.jackson.annotation.JsonInclude;

import cn.gov.partyaffairs.gateway.search.OrganizationSuggestions;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** What the public API answers with: only fields that are public by nature. */
public final class PublicDtos {

    private PublicDtos() {
    }

    /**
     * A public disclosure. A withdrawn one keeps only what the public needs to know it existed: its title,
     * organization, period, publication and withdrawal dates and the reason; its body, items, channels, earlier
     * versions and comments are gone from every public answer (officials read the full record from the service).
     */
    @Schema(name = "PublicDisclosure")
    public record Disclosure(UUID id, String organizationCode, String organizationName, String status, String scope,
                             List<String> itemCodes, String title, String body, LocalDate periodStart,
                             LocalDate periodEnd, List<String> channels, int contentVersion,
                             OffsetDateTime publishedAt, OffsetDateTime withdrawnAt, String withdrawReason,
                             int commentCount, List<Version> versions) {
        public static Disclosure of(DisclosureView d, String organizationName, List<DisclosureVersionView> versions) {
            if (d.isWithdrawn()) {
                return new Disclosure(d.id, d.organizationCode, organizationName, d.status, d.scope, List.of(),
                        d.title, null, d.periodStart, d.periodEnd, List.of(), d.contentVersion, d.publishedAt,
                        d.withdrawnAt, d.withdrawReason, 0, versions == null ? null : List.of());
            }
            return new Disclosure(d.id, d.organizationCode, organizationName, d.status, d.scope, split(d.itemCodes),
                    d.title, d.body, d.periodStart, d.periodEnd, split(d.channels), d.contentVersion, d.publishedAt,
                    null, null, d.commentCount,
                    versions == null ? null : versions.stream().map(Version::of).toList());
        }
    }

    @Schema(name = "PublicDisclosureVersion")
    public record Version(int contentVersion, String title, String body, String reason, OffsetDateTime at) {
        static Version of(DisclosureVersionView v) {
            return new Version(v.contentVersion, v.title, v.body, v.reason, v.at);
        }
    }

    @Schema(name = "PublicComment")
    public record Comment(UUID id, String authorName, String body, OffsetDateTime approvedAt) {
        public static Comment of(CommentView c) {
            return new Comment(c.id, c.authorName, c.body, c.approvedAt);
        }
    }

    /** 已有N人发表了评论. */
    @Schema(name = "PublicComments")
    public record Comments(long count, List<Comment> comments) {
    }

    @Schema(name = "PublicCommitment")
    public record Commitment(UUID id, String kind, String title, String description, String category,
                             String departmentCode, String departmentName, String organizationCode,
                             String organizationName, String responsible, BigDecimal targetQuantity, String targetUnit,
                             List<Milestone> milestones, LocalDate pledgedOn, LocalDate dueDate, String status,
                             Integer progressPercent, LocalDate fulfilledOn, Boolean onTime, String evidence,
                             String withdrawReason, Satisfaction satisfaction, List<Progress> timeline,
                             List<EvaluationComment> comments) {
        public static Commitment of(CommitmentView c, List<Milestone> milestones, List<ProgressView> timeline,
                                    List<EvaluationCommentView> comments) {
            return new Commitment(c.id, c.kind, c.title, c.description, c.category, c.departmentCode, c.departmentName,
                    c.organizationCode, c.organizationName, c.responsible, c.targetQuantity, c.targetUnit, milestones,
                    c.pledgedOn, c.dueDate, c.status, c.progressPercent, c.fulfilledOn, c.onTime, c.evidence,
                    c.withdrawReason, Satisfaction.of(c.satisfied, c.basicallySatisfied, c.dissatisfied,
                            c.verifiedEvaluations),
                    timeline == null ? null : timeline.stream().map(Progress::of).toList(),
                    comments == null ? null : comments.stream().map(EvaluationComment::of).toList());
        }
    }

    /**
     * A milestone of a commitment, as its events left it.
     *
     * @param reachedOn when a progress report said it was reached
     * @param missedAt  when the commitment service found its date passed unreached (ISO-8601, as the event said it)
     */
    @Schema(name = "PublicMilestone")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Milestone(String title, LocalDate dueDate, LocalDate reachedOn, String missedAt) {
    }

    @Schema(name = "PublicProgress")
    public record Progress(Integer percent, BigDecimal quantity, String note, String reason, String milestoneReached,
                           LocalDate reportedOn) {
        static Progress of(ProgressView p) {
            return new Progress(p.percent, p.quantity, p.note, p.reason, p.milestoneReached, p.reportedOn);
        }
    }

    @Schema(name = "PublicEvaluationComment")
    public record EvaluationComment(String rating, String comment, OffsetDateTime approvedAt) {
        static EvaluationComment of(EvaluationCommentView e) {
            return new EvaluationComment(e.rating, e.comment, e.approvedAt);
        }
    }

    /**
     * @param evaluations every evaluation once, however often a citizen revised theirs
     * @param verified    of them, by signed-in citizens (one per person)
     * @param anonymous   of them, anonymous (limited per address and day)
     * @param rate        satisfied and basically satisfied over all evaluations; null without any
     */
    public record Satisfaction(long evaluations, long satisfied, long basicallySatisfied, long dissatisfied,
                               Double rate, long verified, long anonymous) {
        public static Satisfaction of(long satisfied, long basically, long dissatisfied, long verified) {
            long all = satisfied + basically + dissatisfied;
            return new Satisfaction(all, satisfied, basically, dissatisfied, ratio(satisfied + basically, all),
                    verified, all - verified);
        }
    }

    /**
     * One cell of the matrix, as the cadence engine decided it.
     *
     * @param state PENDING, KEPT, LATE, MISSING, CURED (late, after a lapse) or EXEMPTED (with its reason)
     * @param due   the engine counts the period towards the rate
     */
    public record CompliancePeriod(String organizationCode, String organizationType, LocalDate periodStart,
                                   LocalDate periodEnd, String state, LocalDate dueDate, boolean due,
                                   String exemptionReason) {
        public static CompliancePeriod of(ComplianceView c) {
            return new CompliancePeriod(c.organizationCode, c.organizationType, c.periodStart, c.periodEnd, c.state,
                    c.dueDate, c.due, c.exemptionReason);
        }
    }

    public record Department(String code, String name) {
    }

    /**
     * A search hit: the disclosure, and its title and body with the words found marked ({@code <mark>}; the text
     * around them is HTML-escaped, so the snippets may be shown as HTML).
     */
    public record SearchHit(Disclosure disclosure, String titleHighlight, String bodyHighlight) {
    }

    /** Search results, best first; {@code suggestions}: organizations whose names are close to what was typed. */
    public record SearchPage(List<SearchHit> items, int page, int size, long total,
                             List<OrganizationSuggestions.Suggestion> suggestions) {
    }

    /**
     * A township committee and the organizations under it (each with its own figures): periods kept on time, late
     * and missing, counted by {@link ComplianceRate}.
     */
    public record TownshipCompliance(String townshipCode, String townshipName, long kept, long late, long missing,
                                     long exempted, long periodsDue, Double onTimeRate,
                                     List<OrganizationCompliance> organizations) {
        public static TownshipCompliance of(String code, String name, ComplianceRate rate,
                                            List<OrganizationCompliance> organizations) {
            return new TownshipCompliance(code, name, rate.onTime(), rate.late(), rate.missing(), rate.exempted(),
                    rate.periodsDue(), rate.onTimeRate(), organizations);
        }
    }

    /** One organization's periods counted by {@link ComplianceRate}. */
    public record OrganizationCompliance(String organizationCode, String organizationName, String organizationType,
                                         long kept, long late, long missing, long exempted, long periodsDue,
                                         Double onTimeRate) {
        public static OrganizationCompliance of(String code, String name, String type, ComplianceRate rate) {
            return new OrganizationCompliance(code, name, type, rate.onTime(), rate.late(), rate.missing(),
                    rate.exempted(), rate.periodsDue(), rate.onTimeRate());
        }
    }

    public static Double ratio(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
