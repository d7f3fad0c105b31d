package cn.gov.partyaffairs.supervision.report;

import cn.gov.partyaffairs.platform.rest.AggregateHeaders;
import cn.gov.partyaffairs.platform.security.Caller;
import cn.gov.partyaffairs.supervision.programme.SupervisionNames;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.util.UUID;

/** One progress report: read it; while a draft, its group edits, regenerates and finally files it. */
@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class ProgressReportResource {

    private final ProgressReportService service;
    private final SupervisionNames names;

    private final Caller caller;

    public ProgressReportResource(ProgressReportService service, SupervisionNames names, Caller caller) {
        this.caller = caller;
        this.service = service;
        this.names = names;
    }

    public record Edit(
            @NotBlank(message = "请填写报告正文") @Size(max = 20000, message = "报告正文最多 20000 字") String summary,
            @Size(max = 20000, message = "下一步工作最多 20000 字") String nextSteps) {
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One progress report with its figures per unit")
    public ReportDto get(@PathParam("id") UUID id) {
        ProgressReport r = service.get(id);
        caller.requireActsForGroup(r.groupCode);
        return ReportDto.of(r, service.figures(r), names);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Caller.COUNTY_ADMIN, Caller.INSPECTOR})
    @Operation(summary = "Edit a draft's text (summary and next steps); the figures stay as generated")
    @APIResponseSchema(value = ReportDto.class, responseCode = "200", responseDescription = "已保存")
    public Response edit(@PathParam("id") UUID id, @NotNull(message = "请求体不能为空") @Valid Edit request) {
        return AggregateHeaders.answer(Response.ok(), service.edit(id, request.summary(), request.nextSteps()), this::dto);
    }

    @POST
    @Path("{id}/regenerate")
    @RolesAllowed({Caller.COUNTY_ADMIN, Caller.INSPECTOR})
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Count a draft's figures again and write a new summary (the next steps stay)")
    @APIResponseSchema(value = ReportDto.class, responseCode = "200", responseDescription = "数字已按当前记录重算")
    public Response regenerate(@PathParam("id") UUID id) {
        return AggregateHeaders.answer(Response.ok(), service.regenerate(id), this::dto);
    }

    @POST
    @Path("{id}/file")
    @RolesAllowed({Caller.COUNTY_ADMIN, Caller.INSPECTOR})
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "File the report (报送): from now on it does not change")
    @APIResponseSchema(value = ReportDto.class, responseCode = "200", responseDescription = "已报送")
    public Response file(@PathParam("id") UUID id) {
        return AggregateHeaders.answer(Response.ok(), service.file(id), this::dto);
    }

    private ReportDto dto(ProgressReport r) {
        return ReportDto.of(r, service.figures(r), names);
    }
}
