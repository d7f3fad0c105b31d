package cn.gov.partyaffairs.disclosure.disclosures;

import cn.gov.partyaffairs.disclosure.catalog.Scope;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a clerk writes when drafting or editing a disclosure.
 *
 * @param organizationCode     the organization disclosing (a clerk's own)
 * @param itemCodes            catalog items it discloses, e.g. {@code C8-01}
 * @param title                title
 * @param body                 the disclosed content
 * @param periodStart          first day of the period it covers
 * @param periodEnd            last day of the period it covers
 * @param scope                PUBLIC, PARTY_WIDE or PARTY_PART
 * @param plannedChannels      channel codes, e.g. {@code disclosure-board}
 * @param plannedPublicationAt when it is to be published
 */
public record DisclosureContent(
        @NotBlank(message = "请填写公开组织代码") String organizationCode,
        @NotEmpty(message = "请至少选择一个公开目录事项") List<@NotBlank String> itemCodes,
        @NotBlank(message = "请填写标题") @Size(max = 200, message = "标题最多 200 字") String title,
        @NotBlank(message = "请填写公开内容") @Size(max = 20000, message = "公开内容最多 20000 字") String body,
        @NotNull(message = "请填写所属期间的开始日期") LocalDate periodStart,
        @NotNull(message = "请填写所属期间的结束日期") LocalDate periodEnd,
        @NotNull(message = "请选择公开范围") Scope scope,
        @NotEmpty(message = "请至少选择一种公开方式") List<@NotBlank String> plannedChannels,
        @NotNull(message = "请填写计划公开时间") OffsetDateTime plannedPublicationAt) {
}
