package kefu.notebook;

import java.util.Base64;
import java.util.List;

/** The same narrative as one self-contained HTML page (charts inline), for people without Jupyter. */
final class HtmlPage {
  private HtmlPage() {}

  static String render(String title, String language, List<Block> blocks) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"").append(esc(language)).append("\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n<title>").append(esc(title)).append("</title>\n")
        .append("<style>body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;")
        .append("max-width:1100px;margin:2em auto;padding:0 1em;color:#222}")
        .append("table{border-collapse:collapse;margin:.5em 0;font-size:13px}")
        .append("th,td{border:1px solid #ccc;padding:3px 6px;text-align:right}")
        .append("th{background:#f0f3f8}td:first-child,th:first-child{text-align:left}")
        .append("pre{background:#f6f8fa;padding:.8em;overflow:auto}img{max-width:100%}")
        .append(".note{color:#666;font-size:12px}</style>\n</head>\n<body>\n");
    for (Block b : blocks) {
      sb.append(html(b)).append('\n');
    }
    return sb.append("</body>\n</html>\n").toString();
  }

  private static String html(Block block) {
    if (block instanceof Block.Heading h) {
      return "<h" + h.level() + ">" + esc(h.text()) + "</h" + h.level() + ">";
    } else if (block instanceof Block.Paragraph p) {
      return "<p>" + esc(p.text()) + "</p>";
    } else if (block instanceof Block.Bullets b) {
      return "<ul>" + String.join("", b.items().stream().map(i -> "<li>" + esc(i) + "</li>")
          .toList()) + "</ul>";
    } else if (block instanceof Block.Table t) {
      return table(t);
    } else if (block instanceof Block.Image i) {
      return "<figure><img alt=\"" + esc(i.caption()) + "\" src=\"data:image/png;base64,"
          + Base64.getEncoder().encodeToString(i.png()) + "\"><figcaption>" + esc(i.caption())
          + "</figcaption></figure>";
    }
    return "<pre><code class=\"language-python\">" + esc(((Block.Code) block).source())
        + "</code></pre>";
  }

  private static String table(Block.Table t) {
    StringBuilder sb = new StringBuilder("<table><thead><tr>");
    t.headers().forEach(h -> sb.append("<th>").append(esc(h)).append("</th>"));
    sb.append("</tr></thead><tbody>");
    for (List<String> r : t.rows()) {
      sb.append("<tr>");
      r.forEach(c -> sb.append("<td>").append(esc(c)).append("</td>"));
      sb.append("</tr>");
    }
    sb.append("</tbody></table>");
    if (t.note() != null) {
      sb.append("<p class=\"note\">").append(esc(t.note())).append("</p>");
    }
    return sb.toString();
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&#39;");
  }
}
