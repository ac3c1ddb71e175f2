package kefu.config;

import java.math.BigDecimal;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;

/**
 * A config spreadsheet cell as the text a person typed: numbers without float noise or trailing
 * zeros (0.015, not 0.015000000000000001), a formula's cached result, strings stripped. The pay
 * and sourcing config readers validate this text, so both read cells the same way.
 */
public final class CellText {
  private CellText() {}

  private static final DataFormatter FORMATTER = new DataFormatter(Locale.ROOT);

  /** The cell's text; "" for a missing or blank cell. */
  public static String of(Cell cell) {
    if (cell == null) {
      return "";
    }
    CellType type = cell.getCellType() == CellType.FORMULA
        ? cell.getCachedFormulaResultType() : cell.getCellType();
    switch (type) {
      case NUMERIC:
        return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
      case BOOLEAN:
        return Boolean.toString(cell.getBooleanCellValue());
      case STRING:
        return cell.getRichStringCellValue().getString().strip();
      default:
        synchronized (FORMATTER) { // DataFormatter is not thread-safe
          return FORMATTER.formatCellValue(cell).strip();
        }
    }
  }
}
