package kefu.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The input files of every table, listed and checked on the driver before Spark starts, so a
 * mistyped path or an export of the wrong kind is answered in a second, not after Spark's
 * start-up: every path must match a file, and every CSV export must have a header row of its
 * table among its first records (workbooks and Parquet are checked when they are parsed).
 */
public final class ListedInputs {
  /** Bytes of a CSV export read to find its header. */
  static final int HEAD_BYTES = 64 * 1024;
  private static final int HEADER_SEARCH = 10;

  /** The columns that name the shop, in the formats that fall back to the file name without. */
  private static final Map<SourceFormat, String[]> SHOP_COLUMNS = Map.of(
      SourceFormat.ORDER_REPORT, new String[] {"店铺名称", "店铺Id"},
      SourceFormat.CHAT_EXPORT, new String[] {"店铺名称"},
      SourceFormat.CANONICAL_ORDERS, new String[] {"shop_id"},
      SourceFormat.CANONICAL_CHATS, new String[] {"shop_id"},
      // a 售前导入 sheet names its shop per row; an agent named 店铺名:客服名 names it too
      SourceFormat.CHITU_PRESALES, AgentExportMapper.SHOP,
      SourceFormat.QIANNIU_WORKLOAD, AgentExportMapper.SHOP,
      SourceFormat.QIANNIU_PERFORMANCE, AgentExportMapper.SHOP,
      SourceFormat.QIANNIU_AGENT, AgentExportMapper.SHOP,
      SourceFormat.QIANNIU_DAILY, AgentExportMapper.SHOP,
      SourceFormat.CHITU_HOURLY, AgentExportMapper.SHOP);

  private final InputPaths paths;
  private final Map<String, List<FileParser.Task>> tasks;
  private final List<FileNamedShop> withoutShopColumn;
  private final boolean qianniuChats;

  /** An export without a shop column and the shop its rows get from its file name. */
  public record FileNamedShop(String file, String shop) {}

  private ListedInputs(InputPaths paths, Map<String, List<FileParser.Task>> tasks,
      List<FileNamedShop> withoutShopColumn, boolean qianniuChats) {
    this.paths = paths;
    this.tasks = tasks;
    this.withoutShopColumn = withoutShopColumn;
    this.qianniuChats = qianniuChats;
  }

  /** Whether a chats file looks like a 千牛 text record, which may need the roster to read. */
  boolean hasQianniuChats() {
    return qianniuChats;
  }

  /**
   * The CSV exports whose header has no shop column (店铺名称, 店铺Id), so their rows take the
   * shop from the file name unless the run gives --shop.
   */
  public List<FileNamedShop> shopFromFileName() {
    return withoutShopColumn;
  }

  InputPaths paths() {
    return paths;
  }

  /** The files to parse per table, without the per-agent exports (read on the driver). */
  Map<String, List<FileParser.Task>> tasks() {
    Map<String, List<FileParser.Task>> tables = new LinkedHashMap<>(tasks);
    tables.remove(InputPaths.AGENT_EXPORTS);
    return tables;
  }

  /** The per-agent export files (--agent-exports). */
  List<FileParser.Task> agentExportTasks() {
    return tasks.getOrDefault(InputPaths.AGENT_EXPORTS, List.of());
  }

  /** @throws InputError naming the path or file and what was expected */
  public static ListedInputs check(InputPaths inputs, Configuration conf) {
    Map<String, List<FileParser.Task>> tasks = new LinkedHashMap<>();
    List<FileNamedShop> withoutShopColumn = new ArrayList<>();
    List<String> qianniu = new ArrayList<>();
    List<String> groups = new ArrayList<>(Ingest.TABLES);
    groups.add(InputPaths.AGENT_EXPORTS);
    for (String table : groups) {
      List<FileParser.Task> files = InputFiles.list(conf, table, inputs.forTable(table));
      for (FileParser.Task f : files) {
        Headers header = checkHeader(f, conf, qianniu);
        if (header != null && SourceFormat.detect(table, header) == SourceFormat.QIANNIU_DAILY
            && !header.has(AgentExportMapper.DAY) && AgentExportMapper.fileSpan(f.path()) == null) {
          throw new InputError(f.path() + ": a 人均日接入 export states the days it covers only in"
              + " its file name, expected YYYY-MM-DD至YYYY-MM-DD in it (as 千牛 names the"
              + " download) or a 日期 column; found neither");
        }
        if (header != null && !header.has(SHOP_COLUMNS.get(SourceFormat.detect(table, header)))) {
          String local = f.path().replaceFirst("^file:", ""); // as the user typed it
          withoutShopColumn.add(new FileNamedShop(local, ParseContext.fileNameShop(f.path())));
        }
      }
      tasks.put(table, files);
    }
    return new ListedInputs(inputs, tasks, List.copyOf(withoutShopColumn), !qianniu.isEmpty());
  }

  /**
   * The header row found, of a format with a shop column, else null (also for files checked
   * only when parsed); a 千牛 text record's path is added to {@code qianniu}.
   */
  private static Headers checkHeader(FileParser.Task file, Configuration conf,
      List<String> qianniu) {
    byte[] head;
    try (InputStream in = new Path(file.path()).getFileSystem(conf).open(new Path(file.path()))) {
      head = in.readNBytes(HEAD_BYTES);
    } catch (IOException e) {
      throw new InputError(file.path() + ": cannot read file (" + e.getMessage() + ")", e);
    }
    if (isGzip(head)) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(head))) {
        head = in.readNBytes(HEAD_BYTES);
      } catch (IOException e) {
        return null; // a gzip cut short is reported, with its size, when the file is parsed
      }
    }
    if (!isText(head)) {
      return null; // workbooks, Parquet and binary files: checked when parsed
    }
    // As the parser: UTF-8 when the bytes are valid UTF-8, else GB18030 (the superset of GBK);
    // bytes valid in neither are not a text export, which the parser says.
    java.nio.charset.Charset charset = decodes(head, StandardCharsets.UTF_8)
        ? StandardCharsets.UTF_8 : decodes(head, FileFacts.GB18030) ? FileFacts.GB18030 : null;
    if (charset == null) {
      return null;
    }
    if ("chats".equals(file.table()) && QianniuLine.startsRecord(firstLines(head, charset))) {
      qianniu.add(file.path());
      return null; // a 千牛 chat record as text: no header row, its agents name the shop
    }
    List<RawRecord> records = firstRecords(head, charset, HEADER_SEARCH);
    if (records.isEmpty() || records.size() < HEADER_SEARCH && head.length == HEAD_BYTES) {
      return null; // empty, or very long records: the parser, reading the whole file, says
    }
    for (RawRecord r : records) {
      Headers header = new Headers(r.cells());
      SourceFormat format = SourceFormat.detect(file.table(), header);
      if (format != null) {
        if (SHOP_COLUMNS.get(format) == AgentExportMapper.SHOP
            && !header.has(AgentExportMapper.SHOP)
            && agentsNameTheirShop(header, wholeRecords(head, charset), r)) {
          return null; // every agent is 店铺名:客服名: no row takes the file name's shop
        }
        return SHOP_COLUMNS.containsKey(format) ? header : null;
      }
    }
    RawRecord first = records.get(0);
    throw new InputError(file.path() + " line " + first.line() + ": "
        + SourceFormat.mismatch(file.table(), new Headers(first.cells())));
  }

  /** The first lines of the head, as {@link FileParser} looks at them for a 千牛 record. */
  private static List<String> firstLines(byte[] head, java.nio.charset.Charset charset) {
    String text = new String(head, charset);
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\r?\n", -1)) {
      if (lines.size() == FileParser.QIANNIU_PEEK) {
        break;
      }
      lines.add(line);
    }
    return lines;
  }

  /**
   * Whether the rows of a per-agent export after its header {@code headerRecord} (those in the
   * head read) all name their agent as a sub-account 店铺名:客服名, which names the shop; rows
   * without an agent (汇总) are skipped, and at least one agent must be named.
   */
  private static boolean agentsNameTheirShop(Headers header, List<RawRecord> records,
      RawRecord headerRecord) {
    int agent = header.index(AgentExportMapper.AGENT);
    if (agent < 0) {
      return false; // 分时接待: no agent, its rows take the shop from the file name
    }
    int named = 0;
    for (RawRecord r : records) {
      String nick = r.line() <= headerRecord.line() ? null : r.cell(agent);
      if (nick == null || nick.isBlank()) {
        continue;
      }
      if (QianniuRoles.shopOf(nick.trim()) == null) {
        return false;
      }
      named++;
    }
    return named > 0;
  }

  /** The records of the head, without the last one when the head cuts the file short. */
  private static List<RawRecord> wholeRecords(byte[] head, java.nio.charset.Charset charset) {
    List<RawRecord> records = firstRecords(head, charset, Integer.MAX_VALUE);
    return head.length == HEAD_BYTES && !records.isEmpty()
        ? records.subList(0, records.size() - 1) : records;
  }

  /** The first {@code max} non-blank records of the head, decoded leniently as {@code charset}. */
  private static List<RawRecord> firstRecords(byte[] head, java.nio.charset.Charset charset,
      int max) {
    CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    CsvReader csv = new CsvReader(new InputStreamReader(new ByteArrayInputStream(head),
        decoder));
    List<RawRecord> records = new ArrayList<>();
    try {
      while (csv.hasNext() && records.size() < max) {
        RawRecord r = csv.next();
        if (!r.isBlank()) {
          records.add(r);
        }
      }
    } catch (RuntimeException e) {
      // the head ends inside a record: the records before it are enough
    }
    return records;
  }

  /** Valid text in {@code charset} up to the head's end (a character cut by the end is valid). */
  private static boolean decodes(byte[] head, java.nio.charset.Charset charset) {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    java.nio.CharBuffer sink = java.nio.CharBuffer.allocate(head.length);
    return !decoder.decode(java.nio.ByteBuffer.wrap(head), sink, false).isError();
  }

  private static boolean isGzip(byte[] b) {
    return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
  }

  /** Not a zip (xlsx), Parquet or legacy xls container, and no NUL byte. */
  private static boolean isText(byte[] b) {
    if (b.length >= 4 && ((b[0] == 'P' && b[1] == 'K') || (b[0] == 'P' && b[1] == 'A'
        && b[2] == 'R' && b[3] == '1') || ((b[0] & 0xff) == 0xD0 && (b[1] & 0xff) == 0xCF))) {
      return false;
    }
    for (byte x : b) {
      if (x == 0) {
        return false;
      }
    }
    return true;
  }
}
