package kefu.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReviewSettingsTest {
  @Test
  void runSettingsCarryTheLanguage() {
    kefu.ingest.InputPaths in = new kefu.ingest.InputPaths(java.util.List.of("o.csv"),
        java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of());
    ReviewSettings zh = new ReviewSettings(in, "cfg", "2025Q4", "out", null, "Asia/Shanghai",
        kefu.derive.DeriveRules.defaults(), false, false, true, "r");
    assertEquals("zh", zh.language());
    ReviewSettings en = new ReviewSettings(in, "cfg", "2025Q4", "out", null, "Asia/Shanghai",
        kefu.derive.DeriveRules.defaults(), false, false, true, "r", "EN");
    assertEquals("en", en.language());
    assertEquals("Agents", en.labels().get("pipeline.sheet.agents"));
  }
}
