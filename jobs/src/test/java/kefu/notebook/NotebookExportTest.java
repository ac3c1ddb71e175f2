package kefu.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import kefu.report.CellKind;
import kefu.report.ChartSpec;
import kefu.report.KeyFigure;
import kefu.report.Labels;
import kefu.report.ReportColumn;
import kefu.report.ReportTable;
import kefu.report.ReviewReport;
import kefu.report.ReviewWorkbookWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookExportTest {
  @TempDir Path tmp;

  private static final RunLocation RUN = new RunLocation("2025Q4-test", "/data/run/marts",
      List.of("agent_daily", "pay_distribution"), LocalDate.of(2025, 10, 1),
      LocalDate.of(2026, 1, 1));

  static ReviewReport report() {
    List<List<Object>> rows = List.of(
        Arrays.asList("店铺A", "小美|<b>", 120L, 0.4567, new BigDecimal("12345.60")),
        Arrays.asList("店铺A", "=cmd|' /C calc'!A0", 80L, null, new BigDecimal("-3.50")));
    ReportTable agents = new ReportTable("客服", "客服绩效（本期）", List.of(
        new ReportColumn("店铺", CellKind.TEXT), new ReportColumn("客服", CellKind.TEXT),
        new ReportColumn("接待数", CellKind.INTEGER), new ReportColumn("询单转化率", CellKind.PERCENT),
        new ReportColumn("销售额", CellKind.MONEY)), rows);
    LinkedHashMap<String, List<Number>> series = new LinkedHashMap<>();
    series.put("询单转化率", List.of(0.4567, 0.3));
    ChartSpec chart = new ChartSpec("conversion_by_agent", "客服询单转化率", "客服", "询单转化率",
        CellKind.PERCENT, List.of("小美", "青青"), series, "客服");
    LinkedHashMap<String, String> run = new LinkedHashMap<>();
    run.put("generated_at", "2026-01-05T08:00:00Z");
    return new ReviewReport("客服绩效季度复盘 2025Q4", "2025Q4", "2025Q3", "2024Q4", "Asia/Shanghai",
        List.of(new KeyFigure("付款金额", new BigDecimal("8571696.67"), CellKind.MONEY,
            new BigDecimal("5915000.00"), null)),
        List.of("询单转化率 44.5%（17,614 / 39,559 人）。"), List.of(agents), List.of(chart),
        null, run);
  }

  private Path export(String lang) {
    Path reportDir = tmp.resolve("report-" + lang);
    ReviewWorkbookWriter.write(report(), reportDir);
    return NotebookExport.write(report(), Labels.of(lang), reportDir.resolve("charts"), RUN,
        tmp.resolve("notebooks-" + lang).resolve(RUN.runId()));
  }

  @Test
  void theNotebookIsValidNbformat4() throws Exception {
    for (String lang : List.of("zh", "en")) {
      JsonNode notebook = new ObjectMapper().readTree(export(lang).toFile());
      Set<ValidationMessage> problems = schema().validate(notebook);
      assertTrue(problems.isEmpty(), lang + ": " + problems);
      assertEquals(4, notebook.get("nbformat").asInt());
    }
  }

  @Test
  void theSchemaCheckRejectsABrokenNotebook() throws Exception {
    ObjectMapper json = new ObjectMapper();
    var notebook = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
        export("zh").toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) notebook.get("cells").get(0))
        .put("cell_type", "chart");
    notebook.remove("nbformat_minor");
    assertFalse(schema().validate(notebook).isEmpty());
  }

  @Test
  void itTellsTheRunsStoryWithChartsTablesAndCodeThatLoadsTheMarts() throws Exception {
    Path ipynb = export("zh");
    JsonNode cells = new ObjectMapper().readTree(ipynb.toFile()).get("cells");
    String all = cells.toString();
    assertTrue(all.contains("客服绩效季度复盘 2025Q4"));
    assertTrue(all.contains("¥8,571,696.67"), "money formatted like the workbook");
    assertTrue(all.contains("45.7%"), "percent formatted like the workbook");
    assertTrue(all.contains("询单转化率 44.5%"), "the findings");
    boolean attachment = false;
    int code = 0;
    for (JsonNode cell : cells) {
      attachment |= cell.has("attachments")
          && cell.get("attachments").has("conversion_by_agent.png");
      if (cell.get("cell_type").asText().equals("code")) {
        code++;
        assertTrue(cell.get("outputs").isEmpty());
      }
    }
    assertTrue(attachment, "the chart is embedded as an attachment");
    assertTrue(code >= 2);
    assertTrue(all.contains("/data/run/marts") && all.contains("date '2025-10-01'"));

    String html = Files.readString(ipynb.resolveSibling(NotebookExport.HTML_FILE));
    assertTrue(html.contains("<title>客服绩效季度复盘 2025Q4</title>"));
    assertTrue(html.contains("data:image/png;base64,"));
    assertTrue(html.contains("小美|&lt;b&gt;"), "input text is escaped, never markup");
    assertFalse(html.contains("<b>"));
  }

  @Test
  void inputTextCannotBecomeMarkdownOrBreakATable() {
    assertEquals("小美\\|\\<b\\>", Markdown.inline("小美|<b>").replace("|", "\\|"));
    assertEquals("a b", Markdown.inline("a\r\nb"));
  }

  @Test
  void anEnglishExportUsesEnglishLabels() throws Exception {
    String all = Files.readString(export("en"));
    assertTrue(all.contains("Key figures") && all.contains("Recompute"));
    assertFalse(all.contains("关键指标"));
  }

  @Test
  void equalRunsExportIdenticalFiles() throws Exception {
    Path first = export("zh");
    byte[] a = Files.readAllBytes(first);
    byte[] h = Files.readAllBytes(first.resolveSibling(NotebookExport.HTML_FILE));
    Path second = export("zh");
    assertTrue(Arrays.equals(a, Files.readAllBytes(second)));
    assertTrue(Arrays.equals(h, Files.readAllBytes(second.resolveSibling(NotebookExport.HTML_FILE))));
  }

  private static JsonSchema schema() throws Exception {
    try (InputStream in = NotebookExportTest.class.getResourceAsStream(
        "/nbformat/nbformat.v4.5.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
  }
}
