package cn.gov.partyaffairs.commitment.departments;

import cn.gov.partyaffairs.platform.rest.AggregateHeaders;
import cn.gov.partyaffairs.platform.security.Caller;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/departments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class DepartmentResource {

    private final DepartmentService departments;

    public DepartmentResource(DepartmentService departments) {
        this.departments = departments;
    }

    public record DepartmentDto(UUID id, String code, String name, String headName) {
        static DepartmentDto of(Department d) {
            return new DepartmentDto(d.id, d.code, d.name, d.headName);
        }
    }

    @POST
    @RolesAllowed(Caller.COUNTY_ADMIN)
    @Operation(summary = "Register a department whose head commits publicly")
    @APIResponseSchema(value = DepartmentDto.class, responseCode = "201", responseDescription = "部门已登记")
    public Response register(@NotNull(message = "请求体不能为空") @Valid DepartmentRequests.RegisterDepartment request) {
        Department d = departments.register(request);
        return AggregateHeaders.answer(Response.created(URI.create("/departments/" + d.code)), d, DepartmentDto.of(d));
    }

    @GET
    @Operation(summary = "Every registered department, by code")
    public List<DepartmentDto> all() {
        return departments.all().stream().map(DepartmentDto::of).toList();
    }

    @GET
    @Path("{code}")
    public DepartmentDto get(@PathParam("code") String code) {
        return DepartmentDto.of(departments.get(code));
    }
}
