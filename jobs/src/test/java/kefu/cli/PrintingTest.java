package kefu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kefu.pipeline.JvmWork;
import kefu.pipeline.SparkWork;
import kefu.pipeline.StageLog;
import org.junit.jupiter.api.Test;

class PrintingTest {

  @Test
  void theWorkTableShowsTheJvmsCpuAndCompilingBesideTheTasks() {
    List<StageLog.Stage> stages = List.of(
        new StageLog.Stage("facts", 100, 10, 40.0, 0,
            new SparkWork(1, 81, 200, 60.0, 31.5, 1.2, 5L << 20, 0), new JvmWork(80.4, 52.25)),
        new StageLog.Stage("pay", 10, 5, 1.0, 0, SparkWork.NONE, new JvmWork(1.5, Double.NaN)));
    String[] lines = printed(() -> Printing.workTable(stages)).split("\n");

    assertEquals(4, lines.length, String.join("\n", lines));
    assertTrue(lines[0].matches(".*cpu s +gc s +shuffle MB +spilled MB +jvm cpu s +jit s"),
        lines[0]);
    assertTrue(lines[1].matches("facts +1 +81 +200 +60\\.0 +1\\.50 +31\\.5 +1\\.2 +5 +0 +80\\.4"
        + " +52\\.3"), lines[1]);
    // a JVM that does not time its compilers: not a JIT time of 0
    assertTrue(lines[2].matches("pay .* 1\\.5 +n/a"), lines[2]);
    assertTrue(lines[3].matches("review +1 +81"), lines[3]);
  }

  private static String printed(Runnable print) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      print.run();
    } finally {
      System.setOut(stdout);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
