package kefu.ingest;

import java.util.List;

/**
 * One record of an input file as strings: the physical line (CSV) or row number (XLSX) where it
 * starts, its cells, and a structural problem if the record itself is broken.
 */
record RawRecord(long line, List<String> cells, String problem) {

  boolean isBlank() {
    for (String c : cells) {
      if (c != null && !c.isBlank()) {
        return false;
      }
    }
    return true;
  }

  String cell(int index) {
    return index >= 0 && index < cells.size() ? cells.get(index) : null;
  }
}
