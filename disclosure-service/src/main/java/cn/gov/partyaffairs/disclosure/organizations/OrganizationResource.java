package cn.gov.partyaffairs.disclosure.organizations;

import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.rest.AggregateHeaders;
import cn.gov.partyaffairs.platform.rest.PageResult;
import cn.gov.partyaffairs.platform.security.Caller;
import cn.gov.partyaffairs.platform.security.SystemScope;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@Path("/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    private final OrganizationService service;
    private final Caller caller;
    private final Validator validator;

    public OrganizationResource(OrganizationService service, Caller caller, Validator validator) {
        this.service = service;
        this.caller = caller;
        this.validator = validator;
    }

    @POST
    @RolesAllowed({Caller.COUNTY_ADMIN, Caller.INTEGRATION})
    @Operation(summary = "Register a party organization (county admins only)")
    @APIResponseSchema(value = OrganizationDto.class, responseCode = "201", responseDescription = "登记成功，返回该组织")
    public Response register(@NotNull(message = "请求体不能为空") @Valid RegisterOrganizationRequest request) {
        caller.requireCountyAdminOr(SystemScope.ORGANIZATIONS_WRITE);
        Organization organization = service.register(request, caller.username());
        return AggregateHeaders.answer(Response.created(URI.create("/organizations/" + organization.code)),
                organization, OrganizationDto::of);
    }

    @PUT
    @Path("{code}")
    @RolesAllowed({Caller.COUNTY_ADMIN, Caller.INTEGRATION})
    @Operation(summary = "Change an organization's name, type, parent or cadence (its code stays)")
    @APIResponseSchema(value = OrganizationDto.class, responseCode = "200", responseDescription = "已更新，返回该组织")
    public Response update(@PathParam("code") String code,
                           @NotNull(message = "请求体不能为空") @Valid RegisterOrganizationRequest request) {
        caller.requireCountyAdminOr(SystemScope.ORGANIZATIONS_WRITE);
        Organization organization = service.update(code, request, caller.username());
        return AggregateHeaders.answer(Response.ok(), organization, OrganizationDto::of);
    }

    public record Deactivation(@NotBlank(message = "请填写撤销理由") @Size(max = 500, message = "理由最多 500 字") String reason) {
    }

    @POST
    @Path("{code}/deactivate")
    @RolesAllowed(Caller.COUNTY_ADMIN)
    @Operation(summary = "Take an organization off the register (it owes no more disclosures)")
    @APIResponseSchema(value = OrganizationDto.class, responseCode = "200", responseDescription = "已停用，返回该组织")
    public Response deactivate(@PathParam("code") String code,
                               @NotNull(message = "请求体不能为空") @Valid Deactivation request) {
        Organization organization = service.deactivate(code, request.reason(), caller.username());
        return AggregateHeaders.answer(Response.ok(), organization, OrganizationDto::of);
    }

    public record ContentList(@NotNull(message = "请选择公开事项") List<@NotBlank String> itemCodes) {
    }

    /** An organization's content list: the codes of the catalog items it discloses. */
    public record ContentListDto(String code, List<String> itemCodes) {
    }

    /** What a CSV import registered: how many, and their codes in the file's order. */
    public record ImportResult(int imported, List<String> codes) {
    }

    @PUT
    @Path("{code}/content-list")
    @RolesAllowed({Caller.COUNTY_ADMIN, Caller.ORG_CLERK})
    @Operation(summary = "Settle the organization's content list (公开的内容和目录): the catalog items it discloses")
    @APIResponseSchema(value = ContentListDto.class, responseCode = "200", responseDescription = "已确定公开内容和目录")
    public Response settleContentList(@PathParam("code") String code,
                                      @NotNull(message = "请求体不能为空") @Valid ContentList request) {
        caller.requireActsFor(code);
        Organization organization = service.settleContentList(code, request.itemCodes(), caller.username());
        return AggregateHeaders.answer(Response.ok(), organization,
                o -> new ContentListDto(code, List.copyOf(o.contentList)));
    }

    @GET
    @Path("{code}/content-list")
    @Authenticated
    @Operation(summary = "The organization's content list")
    public ContentListDto contentList(@PathParam("code") String code) {
        return new ContentListDto(code, List.copyOf(service.contentListOf(code)));
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({Caller.COUNTY_ADMIN, Caller.INTEGRATION})
    @Operation(summary = "Register many organizations from CSV (" + OrganizationCsv.HEADER + "), all or nothing")
    @APIResponseSchema(value = ImportResult.class, responseCode = "200", responseDescription = "全部登记成功：数量和代码")
    public Response importCsv(String csv) {
        caller.requireCountyAdminOr(SystemScope.ORGANIZATIONS_WRITE);
        OrganizationCsv.Parsed parsed = OrganizationCsv.parse(csv);
        Map<Integer, List<String>> problems = new TreeMap<>(parsed.malformed());
        List<RegisterOrganizationRequest> rows = parsed.rows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == null) {
                continue;
            }
            int row = i + 1;
            validator.validate(rows.get(i)).forEach(v -> problems.computeIfAbsent(row, r -> new ArrayList<>())
                    .add(v.getPropertyPath() + ": " + v.getMessage()));
        }
        List<Organization> created = service.importAll(rows, problems, caller.username());
        return Response.ok(new ImportResult(created.size(), created.stream().map(o -> o.code).toList())).build();
    }

    @GET
    @Authenticated
    @Operation(summary = "List organizations, filtered by type, parent and text")
    public PageResult<OrganizationDto> list(@QueryParam("type") String type, @QueryParam("parent") String parent,
                                            @QueryParam("q") String text,
                                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                            @QueryParam("size") @DefaultValue(PageResult.DEFAULT_SIZE) @Min(1)
                                            @Max(PageResult.MAX_SIZE) int size) {
        return service.search(type, parent, text, page, size, OrganizationDto::of);
    }

    @GET
    @Path("{code}")
    @Authenticated
    @Operation(summary = "One organization by its code")
    public OrganizationDto get(@PathParam("code") String code) {
        return service.findByCode(code).map(OrganizationDto::of)
                .orElseThrow(() -> ProblemException.notFound("组织", code));
    }
}
