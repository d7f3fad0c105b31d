package cn.gov.partyaffairs.supervision.inspection;

import cn.gov.partyaffairs.platform.security.Caller;
import cn.gov.partyaffairs.supervision.programme.AssignmentRepository;
import cn.gov.partyaffairs.platform.rest.PageResult;
import cn.gov.partyaffairs.supervision.config.SupervisionConfig;
import cn.gov.partyaffairs.supervision.inspection.InspectionDtos.ChecklistItemDto;
import cn.gov.partyaffairs.supervision.inspection.InspectionDtos.InspectionDto;
import cn.gov.partyaffairs.supervision.programme.SupervisionNames;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.UUID;

/** The inspections recorded in every round, and the checklist they are scored against. */
@Path("/inspections")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class InspectionResource {

    private final InspectionService service;
    private final InspectionRepository inspections;
    private final SupervisionConfig config;
    private final SupervisionNames names;
    private final AssignmentRepository assignments;
    private final Caller caller;

    public InspectionResource(InspectionService service, InspectionRepository inspections, SupervisionConfig config,
                              SupervisionNames names, AssignmentRepository assignments, Caller caller) {
        this.assignments = assignments;
        this.caller = caller;
        this.service = service;
        this.inspections = inspections;
        this.config = config;
        this.names = names;
    }

    @GET
    @Operation(summary = "Inspections, filtered by round, unit and group (responsible when inspected); newest first")
    public PageResult<InspectionDto> search(@QueryParam("round") UUID round,
                                            @QueryParam("unit") String unit,
                                            @QueryParam("group") String group,
                                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                            @QueryParam("size") @DefaultValue(PageResult.DEFAULT_SIZE) @Min(1)
                                            @Max(PageResult.MAX_SIZE) int size) {
        var scope = caller.unitReadScope().narrow(unit, group, assignments::currentGroupOf);
        PageResult<Inspection> found = inspections.search(round, scope.unit(), scope.group(), page, size);
        return new PageResult<>(found.items().stream().map(i -> InspectionDto.of(i, names)).toList(), page, size,
                found.total());
    }

    @GET
    @Path("checklist")
    @Operation(summary = "The checklist: every item an inspection scores, in order, with its maximum (they add up to the total)")
    public List<ChecklistItemDto> checklist() {
        return config.checklistOrder().stream().map(code -> {
            SupervisionConfig.ChecklistItem item = config.checklist().get(code);
            return new ChecklistItemDto(code, item.label(), item.maxScore());
        }).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One inspection with its scored checklist")
    public InspectionDto get(@PathParam("id") UUID id) {
        Inspection inspection = service.inspection(id);
        var scope = caller.unitReadScope();
        if (!scope.mayRead(inspection.unitCode, inspection.groupCode)) {
            scope.requireMayRead(inspection.unitCode, assignments.currentGroupOf(inspection.unitCode));
        }
        return InspectionDto.of(inspection, names);
    }
}
