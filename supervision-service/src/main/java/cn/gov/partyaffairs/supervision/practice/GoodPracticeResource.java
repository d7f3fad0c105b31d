package cn.gov.partyaffairs.supervision.practice;

import cn.gov.partyaffairs.platform.rest.AggregateHeaders;
import cn.gov.partyaffairs.platform.rest.PageResult;
import cn.gov.partyaffairs.platform.security.Caller;
import cn.gov.partyaffairs.supervision.programme.SupervisionNames;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import java.util.UUID;

/** Good-practice write-ups (经验做法), linked to a unit and optionally an inspection, ready to be submitted to the media. */
@Path("/good-practices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class GoodPracticeResource {

    private static final String BODY_REQUIRED = "请求体不能为空";

    private final GoodPracticeService service;
    private final SupervisionNames names;

    public GoodPracticeResource(GoodPracticeService service, SupervisionNames names) {
        this.service = service;
        this.names = names;
    }

    /** @param writtenOn the day it was written; today when absent */
    public record WriteUp(
            @NotBlank(message = "请填写示范单位代码") @Size(max = 32) String unitCode,
            UUID inspectionId,
            @NotBlank(message = "请填写标题") @Size(max = 200, message = "标题最多 200 字") String title,
            @Size(max = 500, message = "摘要最多 500 字") String summary,
            @NotBlank(message = "请填写正文") @Size(max = 20000, message = "正文最多 20000 字") String body,
            LocalDate writtenOn) {
    }

    public record Revise(
            @NotBlank(message = "请填写标题") @Size(max = 200, message = "标题最多 200 字") String title,
            @Size(max = 500, message = "摘要最多 500 字") String summary,
            @NotBlank(message = "请填写正文") @Size(max = 20000, message = "正文最多 20000 字") String body) {
    }

    public record GoodPracticeDto(UUID id, String unitCode, String unitName, UUID inspectionId, String title,
                                  String summary, String body, LocalDate writtenOn, String author, String revisedBy,
                                  long version) {
        static GoodPracticeDto of(GoodPractice p, SupervisionNames names) {
            return new GoodPracticeDto(p.id, p.unitCode, names.organization(p.unitCode), p.inspectionId, p.title,
                    p.summary, p.body, p.writtenOn, p.author, p.revisedBy, p.version);
        }
    }

    @GET
    @Operation(summary = "Write-ups, filtered by unit and group (its current units); newest first")
    public PageResult<GoodPracticeDto> search(@QueryParam("unit") String unit, @QueryParam("group") String group,
                                              @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                              @QueryParam("size") @DefaultValue(PageResult.DEFAULT_SIZE) @Min(1)
                                              @Max(PageResult.MAX_SIZE) int size) {
        PageResult<GoodPractice> found = service.search(unit, group, page, size);
        return new PageResult<>(found.items().stream().map(p -> GoodPracticeDto.of(p, names)).toList(), page, size,
                found.total());
    }

    @GET
    @Path("{id}")
    public GoodPracticeDto get(@PathParam("id") UUID id) {
        return GoodPracticeDto.of(service.get(id), names);
    }

    @POST
    @RolesAllowed({Caller.COUNTY_ADMIN, Caller.INSPECTOR})
    @Operation(summary = "Write up a unit's good practice (the unit's group or a county admin)")
    @APIResponseSchema(value = GoodPracticeDto.class, responseCode = "201", responseDescription = "经验做法已撰写")
    public Response writeUp(@NotNull(message = BODY_REQUIRED) @Valid WriteUp request) {
        GoodPractice p = service.writeUp(request);
        return AggregateHeaders.answer(Response.created(URI.create("/good-practices/" + p.id)), p, GoodPracticeDto.of(p, names));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Caller.COUNTY_ADMIN, Caller.INSPECTOR})
    @Operation(summary = "Revise a write-up: its whole new text")
    @APIResponseSchema(value = GoodPracticeDto.class, responseCode = "200", responseDescription = "已修改")
    public Response revise(@PathParam("id") UUID id, @NotNull(message = BODY_REQUIRED) @Valid Revise request) {
        GoodPractice p = service.revise(id, request);
        return AggregateHeaders.answer(Response.ok(), p, GoodPracticeDto.of(p, names));
    }
}
