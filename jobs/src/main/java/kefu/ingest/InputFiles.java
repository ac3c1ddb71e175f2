package kefu.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Expands input paths (files, folders listed recursively, globs) on any Hadoop file system into
 * the files to parse, on the driver. Hidden files ({@code _SUCCESS}, {@code .crc}, names starting
 * with {@code _} or {@code .}) are skipped; a path that matches nothing is an input error.
 */
final class InputFiles {
  private InputFiles() {}

  static List<FileParser.Task> list(Configuration conf, String table, List<String> paths) {
    TreeSet<String> files = new TreeSet<>();
    for (String p : paths) {
      Path path = new Path(p);
      try {
        FileSystem fs = path.getFileSystem(conf);
        FileStatus[] matches = fs.globStatus(path);
        if (matches == null || matches.length == 0) {
          throw new InputError(p + ": no such file or folder (given for " + table + ")");
        }
        for (FileStatus match : matches) {
          if (match.isDirectory()) {
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(match.getPath(), true);
            while (it.hasNext()) {
              Path file = it.next().getPath();
              if (!hiddenBelow(file, match.getPath())) {
                files.add(file.toString());
              }
            }
          } else if (!hidden(match.getPath().getName()) || !isGlob(p)) {
            files.add(match.getPath().toString());
          }
        }
      } catch (IOException e) {
        throw new InputError(p + ": cannot list input (" + e.getMessage() + ")", e);
      }
    }
    List<FileParser.Task> tasks = new ArrayList<>();
    for (String f : files) {
      tasks.add(new FileParser.Task(table, f));
    }
    return tasks;
  }

  static boolean hidden(String name) {
    return name.startsWith("_") || name.startsWith(".") || name.endsWith(".crc");
  }

  private static boolean hiddenBelow(Path file, Path root) {
    for (Path p = file; p != null && !p.equals(root); p = p.getParent()) {
      if (hidden(p.getName())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isGlob(String p) {
    return p.contains("*") || p.contains("?") || p.contains("[") || p.contains("{");
  }
}
