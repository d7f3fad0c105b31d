package cn.gov.partyaffairs.disclosure.organizations;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * @param code          stable human code: capital letters, digits and dashes, e.g. {@code YP-V001}
 * @param name          Chinese name
 * @param type          a type code the register knows, e.g. {@code village-branch}
 * @param parentCode    the code of the organization above it; empty for the top of the tree
 * @param cadenceMonths overrides the type's disclosure cadence for this organization
 * @param disclosingSince when its disclosure obligations begin; today if empty, earlier for a register brought in from paper
 */
public record RegisterOrganizationRequest(
        @NotBlank(message = "请填写组织代码") @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}",
                message = "组织代码只能含大写字母、数字和短横线，2 至 32 位，如 YP-V001") String code,
        @NotBlank(message = "请填写组织名称") @Size(max = 100, message = "组织名称最多 100 字") String name,
        @NotBlank(message = "请选择组织类型") String type,
        String parentCode,
        @Min(value = 1, message = "公开周期至少 1 个月") @Max(value = 12, message = "公开周期最多 12 个月") Integer cadenceMonths,
        LocalDate disclosingSince) {
}
