package cn.gov.partyaffairs.commitment.departments;

import cn.gov.partyaffairs.contracts.commitment.DepartmentRegistered;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.outbox.Outbox;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The register of departments whose heads commit publicly; the county office keeps it. */
@ApplicationScoped
@Transactional
public class DepartmentService {

    private final DepartmentRepository departments;
    private final Outbox outbox;
    private final Clock clock;

    public DepartmentService(DepartmentRepository departments, Outbox outbox, Clock clock) {
        this.departments = departments;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Department register(DepartmentRequests.RegisterDepartment request) {
        String code = request.code().strip();
        if (!code.matches("[A-Za-z0-9-]+")) {
            throw ProblemException.invalid("code", "部门代码只能由字母、数字和连字符组成，例如 YP-D-TRANSPORT");
        }
        departments.findByCode(code).ifPresent(existing -> {
            throw ProblemException.conflict("duplicate-code", "部门代码 " + code + " 已被“" + existing.name + "”使用");
        });
        Department d = new Department();
        d.id = UUID.randomUUID();
        d.code = code;
        d.name = request.name().strip();
        d.headName = request.headName() == null || request.headName().isBlank() ? null : request.headName().strip();
        d.createdAt = OffsetDateTime.now(clock);
        departments.persist(d);
        outbox.emit(d, new DepartmentRegistered(d.id, d.code, d.name, d.headName, d.createdAt));
        return d;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Department> all() {
        return departments.listAll(Sort.by("code"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Department get(String code) {
        return departments.findByCode(code).orElseThrow(() -> ProblemException.notFound("部门", code));
    }
}
