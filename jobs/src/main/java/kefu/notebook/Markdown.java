package kefu.notebook;

import java.util.List;
import java.util.stream.Collectors;

/** A narrative block as Markdown for a notebook cell. */
final class Markdown {
  private Markdown() {}

  static String of(Block block) {
    if (block instanceof Block.Heading h) {
      return "#".repeat(h.level()) + " " + inline(h.text());
    } else if (block instanceof Block.Paragraph p) {
      return inline(p.text());
    } else if (block instanceof Block.Bullets b) {
      return b.items().stream().map(i -> "- " + inline(i)).collect(Collectors.joining("\n"));
    } else if (block instanceof Block.Table t) {
      return table(t);
    } else if (block instanceof Block.Image i) {
      return "![" + inline(i.caption()) + "](attachment:" + i.name() + ")\n\n"
          + inline(i.caption());
    }
    return ((Block.Code) block).source();
  }

  private static String table(Block.Table t) {
    StringBuilder sb = new StringBuilder();
    sb.append(row(t.headers())).append('\n');
    sb.append(t.headers().stream().map(h -> "---").collect(Collectors.joining(" | ", "| ", " |")))
        .append('\n');
    for (List<String> r : t.rows()) {
      sb.append(row(r)).append('\n');
    }
    if (t.note() != null) {
      sb.append('\n').append(inline(t.note()));
    }
    return sb.toString().stripTrailing();
  }

  private static String row(List<String> cells) {
    return cells.stream().map(c -> inline(c).replace("|", "\\|"))
        .collect(Collectors.joining(" | ", "| ", " |"));
  }

  /**
   * Report text as literal Markdown: characters that would start markup or HTML are escaped, and
   * line breaks inside a value become spaces.
   */
  static String inline(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("\\", "\\\\").replaceAll("([`*_\\[\\]<>#!])", "\\\\$1")
        .replaceAll("[\r\n\t]+", " ");
  }
}
