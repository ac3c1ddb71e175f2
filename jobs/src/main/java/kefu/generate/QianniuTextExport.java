package kefu.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The chat history again as 千牛 chat records in text, one file per shop ({@code <店铺名>.txt}),
 * each buyer's messages together in time order as when a shop saves every buyer's window into one
 * file: {@code 当前用户来自} lines, header lines in the three shapes (space, no space, nickname and
 * time on two lines), 已读 after some agent messages and a transfer line where a second agent
 * takes a reception over. Even-numbered shops are GBK with CRLF, the others UTF-8 with LF. Written
 * from the driver in one sorted pass, so the files depend only on the options.
 */
final class QianniuTextExport {
  static final String FOLDER = "chats-qianniu";
  private static final DateTimeFormatter CSV_TIME =
      DateTimeFormatter.ofPattern(ExportCells.ISO_TIME);
  private static final DateTimeFormatter WINDOW_TIME =
      DateTimeFormatter.ofPattern("yyyy-M-d H:mm:ss");
  private static final Charset GBK = Charset.forName("GBK");

  private final FileSystem fs;
  private final Path root;
  private final boolean gzip;

  QianniuTextExport(FileSystem fs, Path root, boolean gzip) {
    this.fs = fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
    this.root = root;
    this.gzip = gzip;
  }

  /** Writes {@code messages} ({@link ChatHistory#withReception}); returns the messages written. */
  long write(Dataset<Row> messages, SampleWorld w) {
    Iterator<Row> rows = messages.orderBy("店铺名称", "买家昵称", "发送时间", "rec_id", "k")
        .toLocalIterator();
    long written = 0;
    Shop file = null;
    try {
      while (rows.hasNext()) {
        Row r = rows.next();
        String shop = r.getAs("店铺名称");
        if (file == null || !file.name.equals(shop)) {
          if (file != null) {
            file.out.close();
          }
          file = open(shop, w);
        }
        file.message(r);
        written++;
      }
      if (file != null) {
        file.out.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return written;
  }

  private Shop open(String shop, SampleWorld w) throws IOException {
    int index = 0;
    while (index < w.shops.size() && !w.shops.get(index).name().equals(shop)) {
      index++;
    }
    boolean gbk = index % 2 == 0;
    Path path = new Path(new Path(root, FOLDER), shop + (gzip ? ".txt.gz" : ".txt"));
    OutputStream stream = fs.create(path, true);
    if (gzip) {
      stream = new GZIPOutputStream(stream);
    }
    return new Shop(shop, new BufferedWriter(new OutputStreamWriter(stream,
        gbk ? GBK : StandardCharsets.UTF_8)), gbk ? "\r\n" : "\n");
  }

  /** One shop's file being written: the buyer and reception of the last message. */
  private static final class Shop {
    final String name;
    final Writer out;
    final String eol;
    String buyer;
    long reception = -1;
    String agent;

    Shop(String name, Writer out, String eol) {
      this.name = name;
      this.out = out;
      this.eol = eol;
    }

    void message(Row r) throws IOException {
      String buyerNick = r.getAs("买家昵称");
      String sender = r.getAs("发送方");
      long rec = r.getAs("rec_id");
      int k = r.getAs("k");
      LocalDateTime at = LocalDateTime.parse(r.getAs("发送时间"), CSV_TIME);
      if (!buyerNick.equals(buyer)) {
        if (buyer != null) {
          line("");
        }
        line("当前用户来自 手机淘宝");
        buyer = buyerNick;
      }
      if (rec != reception) {
        reception = rec;
        agent = null;
      }
      String nick;
      if (ChatHistory.AGENT.equals(sender)) {
        nick = r.getAs("客服昵称");
        if (agent != null && !agent.equals(nick)) {
          line(agent + " --> " + nick + " " + at.format(WINDOW_TIME));
        }
        agent = nick;
      } else if (ChatHistory.BOT.equals(sender)) {
        nick = name + ":机器人";
      } else {
        nick = buyerNick;
      }
      switch ((int) Math.floorMod(rec * 7 + k, 3L)) {
        case 0 -> line(nick + " " + at.format(CSV_TIME));
        case 1 -> line(nick + at.format(WINDOW_TIME));
        default -> {
          line(nick);
          line(at.format(WINDOW_TIME));
        }
      }
      line(Objects.toString(r.getAs("消息内容"), ""));
      if (ChatHistory.AGENT.equals(sender) && Math.floorMod(rec + k, 2L) == 0) {
        line("已读");
      }
    }

    private void line(String s) throws IOException {
      out.write(s);
      out.write(eol);
    }
  }
}
