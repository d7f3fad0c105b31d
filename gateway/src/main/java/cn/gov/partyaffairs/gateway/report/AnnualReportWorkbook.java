package cn.gov.partyaffairs.gateway.report;

import jakarta.enterprise.context.ApplicationScoped;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The report's tables as an XLSX workbook (fastexcel): one sheet per table, figures as numbers, rates as percents. */
@ApplicationScoped
public class AnnualReportWorkbook {

    public byte[] render(AnnualReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "YupingPartyAffairs", "1.0");
            String title = AnnualReportPage.title(report);

            Sheet categories = new Sheet(workbook.newWorksheet("表1 按类别"), title + " 表1 按公开目录类别统计的公开事项（件）",
                    List.of("类别", "名称", "公开事项"));
            report.disclosures().byCategory().forEach(c -> categories.row(c.code(), c.label(), c.count()));

            Sheet types = new Sheet(workbook.newWorksheet("表2 按组织类型"), title + " 表2 按党组织类型统计的公开事项（件）",
                    List.of("党组织类型", "公开事项"));
            report.disclosures().byOrganizationType().forEach(c -> types.row(c.label(), c.count()));
            types.row("合计", report.disclosures().total());

            Sheet compliance = new Sheet(workbook.newWorksheet("表3 按时公开"), title + " 表3 公开期次与按时公开率",
                    List.of("党组织类型", "应公开期次", "按时公开", "逾期补公开", "未公开", "免于公开", "按时公开率"));
            for (AnnualReport.Compliance c : report.compliance()) {
                compliance.row(c.label(), c.periodsDue(), c.kept(), c.late(), c.missing(), c.exempted(), new Rate(c.onTimeRate()));
            }
            AnnualReport.Compliance total = report.complianceTotal();
            compliance.row("合计", total.periodsDue(), total.kept(), total.late(), total.missing(), total.exempted(),
                    new Rate(total.onTimeRate()));

            Sheet comments = new Sheet(workbook.newWorksheet("表4 群众评论"), title + " 表4 群众评论",
                    List.of("项目", "条数"));
            comments.row("审核通过并公开的评论", report.commentsApproved());

            Sheet commitments = new Sheet(workbook.newWorksheet("表5 承诺兑现"), title + " 表5 本年度作出的承诺及其兑现情况（件）",
                    List.of("类别", "承诺", "推进中", "已兑现", "按时兑现", "按时兑现率", "逾期", "已撤回"));
            for (AnnualReport.Commitments c : report.commitments()) {
                commitments.row(c.label(), c.pledged(), c.inProgress(), c.fulfilled(), c.fulfilledOnTime(),
                        new Rate(c.onTimeRate()), c.overdue(), c.withdrawn());
            }

            AnnualReport.Evaluations e = report.evaluations();
            Sheet evaluations = new Sheet(workbook.newWorksheet("表6 群众评议"), title + " 表6 群众对承诺的评议（人次）",
                    List.of("评议", "满意", "基本满意", "不满意", "满意率"));
            evaluations.row(e.evaluations(), e.satisfied(), e.basicallySatisfied(), e.dissatisfied(),
                    new Rate(e.satisfactionRate()));

            if (report.findings() != null) {
                AnnualReport.Findings f = report.findings();
                Sheet findings = new Sheet(workbook.newWorksheet("表7 问题整改"), title + " 表7 本年度提出的问题及整改情况（个）",
                        List.of("提出问题", "已整改销号", "待验收", "整改中", "其中逾期", "整改销号率"));
                findings.row(f.raised(), f.closed(), f.awaitingVerification(), f.open(), f.overdue(),
                        new Rate(f.rectifiedRate()));
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A ratio written as a percentage cell; empty where nothing was due. */
    private record Rate(Double value) {
    }

    /** A sheet with its title in the first row, the header in the third, then one row per call. */
    private static final class Sheet {
        private final Worksheet sheet;
        private int next = 3;

        Sheet(Worksheet sheet, String title, List<String> header) {
            this.sheet = sheet;
            sheet.value(0, 0, title);
            sheet.style(0, 0).bold().set();
            for (int c = 0; c < header.size(); c++) {
                sheet.value(2, c, header.get(c));
                sheet.style(2, c).bold().fillColor("EEEEEE").set();
                sheet.width(c, c == 0 ? 22 : 14);
            }
        }

        void row(Object... cells) {
            for (int c = 0; c < cells.length; c++) {
                Object cell = cells[c];
                if (cell instanceof Rate rate) {
                    if (rate.value() != null) {
                        sheet.value(next, c, rate.value());
                        sheet.style(next, c).format("0.0%").set();
                    }
                } else if (cell instanceof Number number) {
                    sheet.value(next, c, number);
                } else {
                    sheet.value(next, c, String.valueOf(cell));
                }
            }
            next++;
        }
    }
}
