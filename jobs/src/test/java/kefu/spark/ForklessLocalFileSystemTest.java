package kefu.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForklessLocalFileSystemTest {

  @Test
  void hadoopPermissionsBecomeTheSamePosixOnes() {
    assertEquals(PosixFilePermissions.fromString("rw-r-----"),
        ForklessLocalFileSystem.posix(new FsPermission((short) 0640)));
    assertEquals(PosixFilePermissions.fromString("rwxr-x--x"),
        ForklessLocalFileSystem.posix(new FsPermission((short) 0751)));
    assertEquals(PosixFilePermissions.fromString("-w--wx-w-"),
        ForklessLocalFileSystem.posix(new FsPermission((short) 0232)));
  }

  @Test
  void anEmbeddedRunsFilesGetTheirPermissionsWithoutChmod(@TempDir java.nio.file.Path dir)
      throws Exception {
    try (FileSystem fs = FileSystem.newInstance(URI.create("file:///"),
        Sessions.hadoopConfiguration())) {
      assertInstanceOf(ForklessLocalFileSystem.class, fs);
      Path folder = new Path(dir.toUri().toString(), "marts");
      fs.mkdirs(folder, new FsPermission((short) 0750));
      Path file = new Path(folder, "part-0.parquet");
      try (FSDataOutputStream out = fs.create(file, new FsPermission((short) 0640), true, 4096,
          (short) 1, 1 << 20, null)) {
        out.writeBytes("rows");
      }
      fs.setPermission(file, new FsPermission((short) 0604));

      assertEquals("rwxr-x---", PosixFilePermissions.toString(
          Files.getPosixFilePermissions(dir.resolve("marts"))));
      assertEquals("rw----r--", PosixFilePermissions.toString(
          Files.getPosixFilePermissions(dir.resolve("marts/part-0.parquet"))));
      assertEquals("rows", Files.readString(dir.resolve("marts/part-0.parquet")));
    }
  }
}
