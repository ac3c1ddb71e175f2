package kefu.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchDirTest {

  private static void fill(ScratchDir scratch) throws Exception {
    Path nested = Files.createDirectories(scratch.path().resolve("spill/part-0"));
    Files.writeString(nested.resolve("block.tmp"), "x".repeat(1000));
  }

  @Test
  void closingDeletesTheFolderAndItsShutdownHook() throws Exception {
    ScratchDir scratch = ScratchDir.create("kefu-test-scratch-");
    fill(scratch);
    assertTrue(scratch.path().getFileName().toString().startsWith("kefu-test-scratch-"));

    scratch.close();

    assertFalse(Files.exists(scratch.path()));
    // already removed by close, so the JVM keeps no hook per closed folder
    assertFalse(Runtime.getRuntime().removeShutdownHook(scratch.deleteAtExit()));
  }

  @Test
  void aJvmStoppedBeforeCloseStillDeletesTheFolder() throws Exception {
    try (ScratchDir scratch = ScratchDir.create("kefu-test-scratch-")) {
      fill(scratch);

      scratch.deleteAtExit().run(); // what the JVM runs on Ctrl-C or kill

      assertFalse(Files.exists(scratch.path()));
    }
  }
}
