package kefu.notebook;

import java.util.List;

/**
 * One piece of the run's narrative. The same blocks become notebook cells and HTML, so the two
 * exports never tell different stories.
 */
sealed interface Block {
  record Heading(int level, String text) implements Block {}

  record Paragraph(String text) implements Block {}

  record Bullets(List<String> items) implements Block {}

  /** Values already formatted for reading; {@code note} says where the full table is. */
  record Table(List<String> headers, List<List<String>> rows, String note) implements Block {}

  record Image(String name, byte[] png, String caption) implements Block {}

  /** Python a researcher can re-run; the exports carry no outputs for it. */
  record Code(String source) implements Block {}
}
