package kefu.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the sheets of an .xlsx with POI's streaming (SAX) reader into raw records, one per sheet.
 * Numbers come back unformatted (dates as Excel serials, long ids in plain digits) so that
 * {@link Cells} types them exactly as it types CSV text. POI's zip-bomb limits stay at defaults.
 */
final class XlsxReader {
  private XlsxReader() {}

  static List<List<RawRecord>> sheets(InputStream in) throws IOException {
    try (OPCPackage pkg = OPCPackage.open(in)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      StylesTable styles = reader.getStylesTable();
      List<List<RawRecord>> sheets = new ArrayList<>();
      XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (it.hasNext()) {
        try (InputStream sheet = it.next()) {
          Collector collector = new Collector();
          XMLReader xml = XMLHelper.newXMLReader();
          xml.setContentHandler(new XSSFSheetXMLHandler(
              styles, strings, collector, new RawNumbers(), false));
          xml.parse(new InputSource(sheet));
          sheets.add(collector.records);
        }
      }
      return sheets;
    } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
      throw new IOException("not a readable .xlsx workbook: " + e.getMessage(), e);
    }
  }

  /** Numbers as plain decimal text: no thousands separators, no date formatting. */
  private static final class RawNumbers extends DataFormatter {
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      return plain(value);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString,
        boolean use1904Windowing) {
      return plain(value);
    }

    private static String plain(double value) {
      String s = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
      return s.equals("-0") ? "0" : s;
    }
  }

  private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
    final List<RawRecord> records = new ArrayList<>();
    private List<String> cells;
    private int row;

    @Override
    public void startRow(int rowNum) {
      row = rowNum;
      cells = new ArrayList<>();
    }

    @Override
    public void endRow(int rowNum) {
      records.add(new RawRecord(row + 1L, cells, null));
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
      int column = reference == null ? cells.size() : new CellReference(reference).getCol();
      while (cells.size() < column) {
        cells.add("");
      }
      cells.add(value == null ? "" : value);
    }
  }
}
