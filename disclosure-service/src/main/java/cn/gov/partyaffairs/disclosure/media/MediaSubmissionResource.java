package cn.gov.partyaffairs.disclosure.media;

import cn.gov.partyaffairs.contracts.Labels;
import cn.gov.partyaffairs.disclosure.config.DisclosureConfig;
import cn.gov.partyaffairs.platform.rest.AggregateHeaders;
import cn.gov.partyaffairs.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** 信息报送: pieces submitted to outside media, their adoption, and the statistics the county reports. */
@Path("/media-submissions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.COUNTY_ADMIN, Caller.ORG_CLERK})
public class MediaSubmissionResource {

    private final MediaSubmissionService submissions;
    private final Caller caller;

    public MediaSubmissionResource(MediaSubmissionService submissions, Caller caller) {
        this.caller = caller;
        this.submissions = submissions;
    }

    public record NewSubmission(@NotBlank(message = "请填写报送组织") String organizationCode,
                                @NotBlank(message = "请填写标题") @Size(max = 200, message = "标题最多 200 字") String title,
                                @NotBlank(message = "请选择媒体") String outlet,
                                @NotNull(message = "请填写报送日期") LocalDate submittedOn) {
    }

    public record Adoption(@NotNull(message = "请填写采用日期") LocalDate adoptedOn,
                           @Size(max = 200, message = "版面位置最多 200 字") String placement) {
    }

    public record SubmissionDto(UUID id, String organizationCode, String title, String outlet, String outletLabel,
                                DisclosureConfig.OutletLevel outletLevel, LocalDate submittedOn, LocalDate adoptedOn,
                                String placement) {
    }

    public record Count(long submitted, long adopted) {
    }

    public record StatisticsDto(Map<DisclosureConfig.OutletLevel, Count> byLevel, Map<String, Count> byOutlet,
                                long adoptedAtPrefectureOrAbove) {
    }

    @POST
    @Operation(summary = "Record a piece submitted to an outlet")
    @APIResponseSchema(value = SubmissionDto.class, responseCode = "201", responseDescription = "信息报送已登记")
    public Response record(@NotNull(message = "请求体不能为空") @Valid NewSubmission request) {
        MediaSubmission s = submissions.record(request.organizationCode(), request.title(), request.outlet(),
                request.submittedOn());
        return AggregateHeaders.answer(Response.created(URI.create("/media-submissions/" + s.id)), s, this::dto);
    }

    @POST
    @Path("{id}/adoption")
    @Operation(summary = "Record that the outlet adopted the piece, and where it placed it")
    @APIResponseSchema(value = SubmissionDto.class, responseCode = "200", responseDescription = "已记录媒体采用")
    public Response adopted(@PathParam("id") UUID id, @NotNull(message = "请求体不能为空") @Valid Adoption request) {
        MediaSubmission s = submissions.adopted(id, request.adoptedOn(), request.placement());
        return AggregateHeaders.answer(Response.ok(), s, this::dto);
    }

    @GET
    @Operation(summary = "Submissions, newest first, optionally of one organization")
    public List<SubmissionDto> list(@QueryParam("organization") String organization) {
        // An organization's submissions are its own clerk's and the county office's; others read the statistics.
        return submissions.of(caller.unitReadScope().ownOrganization(organization)).stream().map(this::dto).toList();
    }

    @GET
    @Path("statistics")
    @Operation(summary = "Submitted and adopted by outlet level and by outlet")
    public StatisticsDto statistics() {
        MediaSubmissionService.Statistics stats = submissions.statistics();
        Map<DisclosureConfig.OutletLevel, Count> byLevel = new LinkedHashMap<>();
        stats.byLevel().forEach((level, c) -> byLevel.put(level, new Count(c[0], c[1])));
        Map<String, Count> byOutlet = new LinkedHashMap<>();
        stats.byOutlet().forEach((outlet, c) -> byOutlet.put(outlet, new Count(c[0], c[1])));
        return new StatisticsDto(byLevel, byOutlet, stats.adoptedAtPrefectureOrAbove());
    }

    private SubmissionDto dto(MediaSubmission s) {
        return new SubmissionDto(s.id, s.organization.code, s.title, s.outlet, Labels.zh(Labels.OUTLET, s.outlet),
                s.outletLevel, s.submittedOn, s.adoptedOn, s.placement);
    }
}
