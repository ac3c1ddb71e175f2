package kefu.ingest;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a 千牛 chat record saved as text, classified by its shape: a message header
 * ({@code 昵称 2025-10-3 9:05:11}, the nickname and the time joined or on their own lines), a
 * transfer ({@code 甲 --> 乙 time}), a recall, a delivery status, a system line, or message text.
 * The shapes are those of the chat window; kefu has no specification beyond what shops paste.
 */
record QianniuLine(Kind kind, String nick, String time, String receiver) {

  enum Kind { BLANK, HEADER, TIME_ONLY, TRANSFER, RECALL, STATUS, SYSTEM, TEXT }

  private static final String TIME =
      "(\\d{4}[-/]\\d{1,2}[-/]\\d{1,2}\\s+\\d{1,2}:\\d{1,2}(?::\\d{1,2})?)";
  /** Lazy nickname: the time's four-digit year followed by '-' or '/' ends it, space or not. */
  private static final Pattern HEADER = Pattern.compile("^(\\S.*?)\\s*" + TIME + "$");
  private static final Pattern TIME_ONLY = Pattern.compile("^" + TIME + "$");
  private static final Pattern TRANSFER =
      Pattern.compile("^(\\S.*?)\\s*-->\\s*(\\S.*?)\\s*" + TIME + "$");
  /** Some windows stamp the recall with its time: without this it would read as a header. */
  private static final Pattern RECALL =
      Pattern.compile("^(\\S.*?)\\s*撤回了一条消息(?:\\s*" + TIME + ")?$");
  private static final Pattern URL = Pattern.compile("^https?://\\S+$");
  private static final List<String> STATUS = List.of("已读", "未读", "发送中");
  /** What the window adds around messages: entry source, product cards, assistant routing. */
  private static final List<String> SYSTEM_PREFIXES = List.of("当前用户来自", "商品详情页", "商品推荐",
      "由 服务助手 转交给", "由服务助手转交给", "原因：【离线留言自动分配】", "¥", "￥");

  static QianniuLine classify(String raw) {
    String line = strip(raw);
    if (line.isEmpty()) {
      return of(Kind.BLANK);
    }
    if (STATUS.contains(line)) {
      return of(Kind.STATUS);
    }
    for (String prefix : SYSTEM_PREFIXES) {
      if (line.startsWith(prefix)) {
        return of(Kind.SYSTEM);
      }
    }
    if (URL.matcher(line).matches()) {
      return of(Kind.SYSTEM);
    }
    Matcher m = TRANSFER.matcher(line);
    if (m.matches()) {
      return new QianniuLine(Kind.TRANSFER, m.group(1), m.group(3), m.group(2));
    }
    m = RECALL.matcher(line);
    if (m.matches()) {
      return new QianniuLine(Kind.RECALL, m.group(1), null, null);
    }
    m = TIME_ONLY.matcher(line);
    if (m.matches()) {
      return new QianniuLine(Kind.TIME_ONLY, null, m.group(1), null);
    }
    m = HEADER.matcher(line);
    if (m.matches()) {
      return new QianniuLine(Kind.HEADER, m.group(1), m.group(2), null);
    }
    return of(Kind.TEXT);
  }

  /** Trimmed, without a BOM or the full-width spaces the window pads with. */
  static String strip(String raw) {
    return raw == null ? "" : raw.replace("\uFEFF", "").strip();
  }

  private static QianniuLine of(Kind kind) {
    return new QianniuLine(kind, null, null, null);
  }

  /**
   * True when the file's first lines are a 千牛 chat record: the first line that is neither blank
   * nor a system line is a header, a transfer or a recall, or a nickname with the time on the next
   * line. Recognised by content only, never by file name.
   */
  static boolean startsRecord(List<String> firstLines) {
    for (int i = 0; i < firstLines.size(); i++) {
      QianniuLine l = classify(firstLines.get(i));
      switch (l.kind()) {
        case BLANK: case SYSTEM:
          continue;
        case HEADER: case TRANSFER: case RECALL:
          return true;
        case TEXT:
          return i + 1 < firstLines.size()
              && classify(firstLines.get(i + 1)).kind() == Kind.TIME_ONLY;
        default:
          return false;
      }
    }
    return false;
  }
}
