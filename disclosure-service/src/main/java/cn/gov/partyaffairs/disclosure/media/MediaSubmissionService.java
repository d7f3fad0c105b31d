package cn.gov.partyaffairs.disclosure.media;

import cn.gov.partyaffairs.contracts.disclosure.MediaSubmissionAdopted;
import cn.gov.partyaffairs.contracts.disclosure.MediaSubmissionRecorded;
import cn.gov.partyaffairs.disclosure.config.DisclosureConfig;
import cn.gov.partyaffairs.disclosure.organizations.Organization;
import cn.gov.partyaffairs.disclosure.organizations.OrganizationRepository;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.outbox.Outbox;
import cn.gov.partyaffairs.platform.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Publicity submitted to outside media: recorded by the organization (or the county office), adoption noted later. */
@ApplicationScoped
@Transactional
public class MediaSubmissionService implements PanacheRepositoryBase<MediaSubmission, UUID> {

    private final OrganizationRepository organizations;
    private final DisclosureConfig config;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    public MediaSubmissionService(OrganizationRepository organizations, DisclosureConfig config, Outbox outbox,
                                  Caller caller, Clock clock) {
        this.organizations = organizations;
        this.config = config;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    public MediaSubmission record(String organizationCode, String title, String outlet, LocalDate submittedOn) {
        Organization organization = organizations.findByCode(organizationCode)
                .orElseThrow(() -> ProblemException.invalid("organizationCode", "组织 " + organizationCode + " 不存在"));
        caller.requireActsFor(organization.code);
        DisclosureConfig.Outlet known = config.outlets().get(outlet);
        if (known == null) {
            throw ProblemException.invalid("outlet", "未知的媒体 " + outlet + "，可选：" + String.join("、", config.outlets().keySet()));
        }
        if (submittedOn.isAfter(LocalDate.now(clock))) {
            throw ProblemException.invalid("submittedOn", "报送日期不能晚于今天");
        }
        MediaSubmission submission = new MediaSubmission();
        submission.id = UUID.randomUUID();
        submission.organization = organization;
        submission.title = title.strip();
        submission.outlet = outlet;
        submission.outletLevel = known.level();
        submission.submittedOn = submittedOn;
        submission.createdBy = caller.username();
        submission.createdAt = OffsetDateTime.now(clock);
        persist(submission);
        outbox.emit(submission, new MediaSubmissionRecorded(submission.id, organization.code, submission.title, outlet,
                known.level().name(), submittedOn, caller.username(), submission.createdAt));
        return submission;
    }

    public MediaSubmission adopted(UUID id, LocalDate adoptedOn, String placement) {
        MediaSubmission submission = findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("报送记录", id.toString()));
        caller.requireActsFor(submission.organization.code);
        if (submission.adoptedOn != null) {
            throw ProblemException.illegalTransition("ADOPTED", "再次登记采用");
        }
        if (adoptedOn.isBefore(submission.submittedOn)) {
            throw ProblemException.invalid("adoptedOn", "采用日期不能早于报送日期 " + submission.submittedOn);
        }
        submission.adoptedOn = adoptedOn;
        submission.placement = placement == null ? null : placement.strip();
        outbox.emit(submission, new MediaSubmissionAdopted(submission.id, submission.organization.code, submission.outlet,
                submission.outletLevel.name(), adoptedOn, submission.placement, caller.username(),
                OffsetDateTime.now(clock)));
        return submission;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MediaSubmission> of(String organizationCode) {
        return organizationCode == null
                ? list("from MediaSubmission s join fetch s.organization order by s.submittedOn desc")
                : list("from MediaSubmission s join fetch s.organization o where o.code = ?1 order by s.submittedOn desc",
                organizationCode);
    }

    /** Submitted and adopted pieces by outlet level and by outlet; levels ordered national first. */
    public record Statistics(Map<DisclosureConfig.OutletLevel, long[]> byLevel, Map<String, long[]> byOutlet,
                             long adoptedAtPrefectureOrAbove) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Statistics statistics() {
        Map<DisclosureConfig.OutletLevel, long[]> byLevel = new EnumMap<>(DisclosureConfig.OutletLevel.class);
        Map<String, long[]> byOutlet = new TreeMap<>();
        long prefectureOrAbove = 0;
        for (MediaSubmission s : listAll()) {
            long[] level = byLevel.computeIfAbsent(s.outletLevel, l -> new long[2]);
            long[] outlet = byOutlet.computeIfAbsent(s.outlet, o -> new long[2]);
            level[0]++;
            outlet[0]++;
            if (s.adoptedOn != null) {
                level[1]++;
                outlet[1]++;
                if (s.outletLevel != DisclosureConfig.OutletLevel.COUNTY) {
                    prefectureOrAbove++;
                }
            }
        }
        return new Statistics(byLevel, byOutlet, prefectureOrAbove);
    }
}
