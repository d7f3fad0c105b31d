package cn.gov.partyaffairs.commitment.departments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The bodies of the department commands. */
public final class DepartmentRequests {

    private DepartmentRequests() {
    }

    public record RegisterDepartment(
            @NotBlank(message = "请填写部门代码") @Size(max = 32, message = "部门代码最多 32 个字符") String code,
            @NotBlank(message = "请填写部门名称") @Size(max = 100, message = "部门名称最多 100 字") String name,
            @Size(max = 50, message = "负责人姓名最多 50 字") String headName) {
    }
}
