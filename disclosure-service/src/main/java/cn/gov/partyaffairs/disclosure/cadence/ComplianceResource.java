package cn.gov.partyaffairs.disclosure.cadence;

import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
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
                                   LocalDate dueDate, String state) {
    }

    public record TypeRate(String organizationType, long closedPeriods, long onTime, long late, long missing,
                           double onTimeRate) {
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
                .map(o -> new PeriodCompliance(code, o.periodStart, o.periodEnd, o.dueDate, state(o, today)))
                .toList();
    }

    @GET
    @Path("rates")
    @RolesAllowed({Caller.COUNTY_ADMIN, Caller.INSPECTOR})
    @Operation(summary = "County-wide on-time rates by organization type, over the periods whose due date has passed")
    public List<TypeRate> rates() {
        LocalDate today = LocalDate.now(clock);
        Map<String, long[]> byType = new TreeMap<>();
        em.createQuery("from DisclosureObligation o join fetch o.organization where o.dueDate < :today",
                        DisclosureObligation.class)
                .setParameter("today", today).getResultList()
                .forEach(o -> {
                    long[] counts = byType.computeIfAbsent(o.organization.type, t -> new long[3]);
                    switch (state(o, today)) {
                        case "ON_TIME" -> counts[0]++;
                        case "LATE" -> counts[1]++;
                        default -> counts[2]++;
                    }
                });
        return byType.entrySet().stream().map(e -> {
            long[] c = e.getValue();
            long total = c[0] + c[1] + c[2];
            return new TypeRate(e.getKey(), total, c[0], c[1], c[2], total == 0 ? 0 : (double) c[0] / total);
        }).toList();
    }

    @POST
    @Path("check")
    @RolesAllowed(Caller.COUNTY_ADMIN)
    @Operation(summary = "Run the cadence check now (it also runs on its own every minute)")
    public Map<String, Integer> check() {
        return Map.of("newLapses", engine.check());
    }

    private static String state(DisclosureObligation o, LocalDate today) {
        return switch (o.status) {
            case MET -> "ON_TIME";
            case LATE, CURED -> "LATE";
            case LAPSED -> "MISSING";
            case OPEN -> o.dueDate.isBefore(today) ? "MISSING" : "DUE";
        };
    }
}
