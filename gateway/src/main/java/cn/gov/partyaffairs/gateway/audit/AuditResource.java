package cn.gov.partyaffairs.gateway.audit;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import cn.gov.partyaffairs.gateway.export.Csv;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.rest.PageResult;
import cn.gov.partyaffairs.platform.security.Caller;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The county admin reads the audit trail: who did what, when and why, in every service and the gateway. */
@Path("/api/v1/internal/audit")
@RolesAllowed(Caller.COUNTY_ADMIN)
@Blocking
public class AuditResource {

    static final List<String> CSV_HEADER = List.of("时间", "操作人", "操作人类型", "操作", "对象", "对象编号", "组织",
            "部门", "理由与说明", "来源");
    private static final Map<String, String> KINDS = Map.of("PERSON", "工作人员", "SYSTEM", "部门系统",
            "PUBLIC", "公众", "SERVICE", "系统自动");

    private final AuditQuery audit;

    public AuditResource(AuditQuery audit) {
        this.audit = audit;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The audit trail, newest first: filter by organization, actor (account, system or service), "
            + "action and a period of days (from, to; county time)")
    public PageResult<AuditQuery.Entry> list(@QueryParam("organization") String organization,
                                             @QueryParam("actor") String actor,
                                             @QueryParam("action") String action,
                                             @QueryParam("from") LocalDate from,
                                             @QueryParam("to") LocalDate to,
                                             @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
                                             @QueryParam("size") @DefaultValue(PageResult.DEFAULT_SIZE)
                                             @Min(1) @Max(PageResult.MAX_SIZE) int size) {
        return audit.page(filter(organization, actor, action, from, to), page, size);
    }

    @Schema(name = "AuditAction")
    public record Action(String code, String label, String labelEn) {
    }

    @GET
    @Path("actions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every action the trail records, with its Chinese and English name (the filter's choices)")
    public List<Action> actions() {
        return AuditActions.all().entrySet().stream()
                .map(e -> new Action(e.getKey(), e.getValue().zh(), e.getValue().en())).toList();
    }

    @GET
    @Path("export.csv")
    @Produces(Csv.MEDIA_TYPE)
    @APIResponse(responseCode = "200", description = "审计记录 CSV (attachment)", content = @Content(mediaType = Csv.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Operation(summary = "The same entries as CSV (UTF-8 with BOM, Chinese headers), every page at once")
    public Response export(@QueryParam("organization") String organization, @QueryParam("actor") String actor,
                           @QueryParam("action") String action, @QueryParam("from") LocalDate from,
                           @QueryParam("to") LocalDate to) {
        AuditQuery.Filter filter = filter(organization, actor, action, from, to);
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(Csv.BOM);
            writer.write(Csv.row(CSV_HEADER));
            try {
                audit.each(filter, e -> {
                    try {
                        writer.write(Csv.row(List.of(e.at().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                                nullToEmpty(e.actor()), KINDS.getOrDefault(e.actorKind(), nullToEmpty(e.actorKind())),
                                e.actionLabel(), nullToEmpty(e.subjectLabel()), nullToEmpty(e.subject()),
                                nullToEmpty(e.organizationCode()), nullToEmpty(e.departmentCode()),
                                nullToEmpty(e.reason()), e.source())));
                    } catch (IOException io) {
                        throw new UncheckedIOException(io);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        return Response.ok(body, Csv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"yuping-audit.csv\"").build();
    }

    private static AuditQuery.Filter filter(String organization, String actor, String action, LocalDate from,
                                            LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("to", "结束日期不能早于开始日期");
        }
        return new AuditQuery.Filter(organization, actor, action, from, to);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
