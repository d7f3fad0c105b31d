package cn.gov.partyaffairs.disclosure.cadence;

import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.security.Caller;
import cn.gov.partyaffairs.contracts.disclosure.ComplianceOutcome;
import cn.gov.partyaffairs.contracts.disclosure.ComplianceRate;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Cadence compliance: what each organization owed per period and whether it kept it; county-wide rates. */
@Path("/compliance")
@Produces(MediaType.APPLICATION_JSON)
@Transactional(Transactional.TxType.SUPPORTS)
public class ComplianceResource {

    private final EntityManager em;
    private final CadenceEngine engine;
    private final Caller caller;
    private final Clock clock;

    public ComplianceResource(EntityManager em, CadenceEngine engine, Caller caller, Clock clock) {
        this.em = em;
        this.engine = engine;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * @param state DUE (not yet due), ON_TIME, LATE (published after the due date, lapse cured or never raised),
     *              MISSING (due date passed, nothing published)
     */
    public record PeriodCompliance(String organizationCode, LocalDate periodStart, LocalDate periodEnd,
                                   LocalDate dueDate, String state, ComplianceOutcome outcome, boolean due,
                                   String exemptionReason, boolean dueDateProvisional) {
    }

    /**
     * @param closedPeriods the periods due (exempted ones left out); the rate is {@link ComplianceRate}'s
     */
    public record TypeRate(String organizationType, long closedPeriods, long onTime, long late, long missing,
                           long exempted, Double onTimeRate) {
        static TypeRate of(String type, ComplianceRate rate) {
            return new TypeRate(type, rate.periodsDue(), rate.onTime(), rate.late(), rate.missing(), rate.exempted(),
                    rate.onTimeRate());
        }
    }

    /** 免除: why a period is excused. */
    public record Exemption(
            @NotBlank(message = "请填写组织代码") String organization,
            @NotNull(message = "请填写周期的第一天（如 2026-03-01）") LocalDate periodStart,
            @NotBlank(message = "请填写免除理由") @Size(max = 500, message = "免除理由最多 500 字") String reason) {
    }

    @GET
    @RolesAllowed({Caller.COUNTY_ADMIN, Caller.INSPECTOR, Caller.ORG_CLERK})
    @Operation(summary = "Per period of one organization: due, published on time, late, missing")
    public List<PeriodCompliance> organization(@QueryParam("organization") String code) {
        if (code == null || code.isBlank()) {
            throw ProblemException.invalid("organization", "请指定组织代码");
        }
        if (caller.is(Caller.ORG_CLERK) && !caller.is(Caller.COUNTY_ADMIN) && !caller.is(Caller.INSPECTOR)) {
            caller.requireActsFor(code);
        }
        LocalDate today = LocalDate.now(clock);
        return em.createQuery("""
                        from DisclosureObligation o join fetch o.organization org where org.code = :code
                        order by o.periodStart""", DisclosureObligation.class)
                .setParameter("code", code).getResultList().stream()
                .map(o -> period(code, o, today))
                .toList();
    }

    @GET
    @Path("rates")
    @RolesAllowed({Caller.COUNTY_ADMIN, Caller.INSPECTOR})
    @Operation(summary = "County-wide on-time rates by organization type (on time ÷ periods due), as published")
    public List<TypeRate> rates() {
        Map<String, ComplianceRate> byType = new TreeMap<>();
        em.createQuery("from DisclosureObligation o join fetch o.organization", DisclosureObligation.class)
                .getResultList()
                .forEach(o -> byType.merge(o.organization.type, ComplianceRate.NONE.plus(o.outcome(), o.duePassed),
                        ComplianceRate::plus));
        return byType.entrySet().stream().map(e -> TypeRate.of(e.getKey(), e.getValue())).toList();
    }

    @POST
    @Path("exemptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.COUNTY_ADMIN)
    @Operation(summary = "Excuse one organization's period, with a public reason; it no longer counts")
    public PeriodCompliance exempt(@Valid @NotNull(message = "请提交免除的组织、周期和理由") Exemption exemption) {
        DisclosureObligation o = engine.exempt(exemption.organization(), exemption.periodStart(), exemption.reason());
        return period(exemption.organization(), o, LocalDate.now(clock));
    }

    @POST
    @Path("check")
    @RolesAllowed(Caller.COUNTY_ADMIN)
    @Operation(summary = "Run the cadence check now (it also runs on its own every minute)")
    public Map<String, Integer> check() {
        return Map.of("newLapses", engine.check());
    }

    private static PeriodCompliance period(String code, DisclosureObligation o, LocalDate today) {
        return new PeriodCompliance(code, o.periodStart, o.periodEnd, o.dueDate, state(o, today), o.outcome(),
                o.duePassed, o.exemptionReason, o.dueDateProvisional);
    }

    private static String state(DisclosureObligation o, LocalDate today) {
        return switch (o.status) {
            case EXEMPTED -> "EXEMPTED";
            case MET -> "ON_TIME";
            case LATE, CURED -> "LATE";
            case LAPSED -> "MISSING";
            case OPEN -> o.dueDate.isBefore(today) ? "MISSING" : "DUE";
        };
    }
}
