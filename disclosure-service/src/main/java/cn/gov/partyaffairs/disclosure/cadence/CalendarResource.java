package cn.gov.partyaffairs.disclosure.cadence;

import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The holiday calendar due dates are counted on: the State Council's arrangement of each year, which the county
 * admin records when the notice comes out; the years still counted on weekends alone are named so they get one.
 */
@Path("/calendar")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    private final HolidayArrangements arrangements;
    private final CadenceEngine engine;
    private final Caller caller;
    private final Clock clock;

    public CalendarResource(HolidayArrangements arrangements, CadenceEngine engine, Caller caller, Clock clock) {
        this.arrangements = arrangements;
        this.engine = engine;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * @param yearsWithoutArrangement years whose due dates are counted on weekends alone until their arrangement is
     *                                recorded (the current year among them when it has none)
     */
    public record Calendar(List<HolidayArrangements.Arrangement> arrangements, List<Integer> yearsWithoutArrangement) {
    }

    public record DayRequest(@NotNull(message = "请填写日期（如 2027-10-01）") LocalDate date,
                             @Size(max = 50, message = "名称最多 50 字") String name) {
    }

    /** 国务院办公厅关于某年部分节假日安排的通知: the days off and the make-up working days. */
    public record ArrangementRequest(
            @NotBlank(message = "请填写通知名称及文号") @Size(max = 200, message = "通知名称最多 200 字") String notice,
            @NotNull(message = "请填写放假日期") @Size(min = 1, max = 60, message = "放假日期应有 1 至 60 天") List<@Valid DayRequest> holidays,
            @NotNull(message = "请填写调休上班日期（没有则填空列表）") @Size(max = 20, message = "调休上班日最多 20 天") List<@Valid DayRequest> workdays) {
    }

    @GET
    @RolesAllowed({Caller.COUNTY_ADMIN, Caller.INSPECTOR, Caller.ORG_CLERK})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Every year's holiday arrangement, and the years still counted on weekends alone")
    public Calendar calendar() {
        return new Calendar(arrangements.all(), arrangements.yearsWithoutArrangement(LocalDate.now(clock)));
    }

    @GET
    @Path("{year}")
    @RolesAllowed({Caller.COUNTY_ADMIN, Caller.INSPECTOR, Caller.ORG_CLERK})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "One year's holiday arrangement")
    public HolidayArrangements.Arrangement year(@PathParam("year") int year) {
        return arrangements.year(year).orElseThrow(() -> ProblemException.notFound("节假日安排", String.valueOf(year)));
    }

    @PUT
    @Path("{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.COUNTY_ADMIN)
    @Transactional
    @Operation(summary = "Record (or correct) one year's arrangement; the open periods counted on weekends alone are "
            + "counted again on it")
    public HolidayArrangements.Arrangement put(@PathParam("year") int year,
                                               @Valid @NotNull(message = "请提交节假日安排") ArrangementRequest request) {
        if (year < 2000 || year > 2100) {
            throw ProblemException.invalid("year", "年份应在 2000 至 2100 之间");
        }
        arrangements.put(year, request.notice(),
                request.holidays().stream().map(d -> new HolidayArrangements.Day(d.date(), d.name())).toList(),
                request.workdays().stream().map(d -> new HolidayArrangements.Day(d.date(), d.name())).toList(),
                caller.username());
        engine.recountProvisionalDueDates();
        return arrangements.year(year).orElseThrow();
    }
}
