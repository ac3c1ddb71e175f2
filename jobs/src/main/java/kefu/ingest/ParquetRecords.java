package kefu.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * A Parquet file as header + records of strings, so canonical Parquet goes through the same
 * mappers, checks and rejects as CSV and XLSX. Row numbers count like a spreadsheet: the header
 * is row 1, the first record row 2. Timestamps become wall-clock times in the shop's zone.
 */
final class ParquetRecords implements Iterator<RawRecord>, AutoCloseable {
  private static final DateTimeFormatter WALL_CLOCK =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
  private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;

  private final ParquetReader<Group> reader;
  private final MessageType schema;
  private final ZoneId zone;
  private RawRecord next;
  private long row = 1;

  private ParquetRecords(ParquetReader<Group> reader, MessageType schema, ZoneId zone) {
    this.reader = reader;
    this.schema = schema;
    this.zone = zone;
    List<String> names = new ArrayList<>();
    for (Type f : schema.getFields()) {
      names.add(f.getName());
    }
    this.next = new RawRecord(row, names, null);
  }

  /** Opens {@code path}; nested columns are not a canonical table and fail here. */
  static ParquetRecords open(Configuration conf, Path path, ZoneId zone) throws IOException {
    MessageType schema;
    try (var footer = org.apache.parquet.hadoop.ParquetFileReader.open(
        org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(path, conf))) {
      schema = footer.getFooter().getFileMetaData().getSchema();
    }
    for (Type f : schema.getFields()) {
      if (!f.isPrimitive() || f.isRepetition(Type.Repetition.REPEATED)) {
        throw new IOException("column '" + f.getName() + "' is nested or repeated; expected flat "
            + "canonical columns");
      }
    }
    ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), path)
        .withConf(conf).build();
    return new ParquetRecords(reader, schema, zone);
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      try {
        Group g = reader.read();
        if (g != null) {
          next = new RawRecord(++row, cells(g), null);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read Parquet row " + (row + 1), e);
      }
    }
    return next != null;
  }

  @Override
  public RawRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    RawRecord r = next;
    next = null;
    return r;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  private List<String> cells(Group g) {
    List<String> cells = new ArrayList<>(schema.getFieldCount());
    for (int i = 0; i < schema.getFieldCount(); i++) {
      cells.add(g.getFieldRepetitionCount(i) == 0 ? null
          : value(g, i, schema.getType(i).asPrimitiveType()));
    }
    return cells;
  }

  private String value(Group g, int i, PrimitiveType type) {
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    switch (type.getPrimitiveTypeName()) {
      case INT96:
        return wallClock(int96(g.getInt96(i, 0).getBytes()));
      case INT64:
        if (logical instanceof TimestampLogicalTypeAnnotation ts) {
          return timestamp(g.getLong(i, 0), ts);
        }
        if (logical instanceof DecimalLogicalTypeAnnotation d) {
          return BigDecimal.valueOf(g.getLong(i, 0), d.getScale()).toPlainString();
        }
        return Long.toString(g.getLong(i, 0));
      case INT32:
        if (logical instanceof DateLogicalTypeAnnotation) {
          return LocalDate.ofEpochDay(g.getInteger(i, 0)).toString();
        }
        if (logical instanceof DecimalLogicalTypeAnnotation d) {
          return BigDecimal.valueOf(g.getInteger(i, 0), d.getScale()).toPlainString();
        }
        return Integer.toString(g.getInteger(i, 0));
      case BINARY:
      case FIXED_LEN_BYTE_ARRAY:
        if (logical instanceof DecimalLogicalTypeAnnotation d) {
          return new BigDecimal(new BigInteger(g.getBinary(i, 0).getBytes()), d.getScale())
              .toPlainString();
        }
        return g.getString(i, 0);
      case BOOLEAN:
        return Boolean.toString(g.getBoolean(i, 0));
      case FLOAT:
        return BigDecimal.valueOf(g.getFloat(i, 0)).toPlainString();
      case DOUBLE:
        return BigDecimal.valueOf(g.getDouble(i, 0)).toPlainString();
      default:
        return g.getValueToString(i, 0);
    }
  }

  private String timestamp(long value, TimestampLogicalTypeAnnotation ts) {
    Instant instant = switch (ts.getUnit()) {
      case MILLIS -> Instant.ofEpochMilli(value);
      case MICROS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L),
          Math.floorMod(value, 1_000_000L) * 1_000L);
      case NANOS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L),
          Math.floorMod(value, 1_000_000_000L));
    };
    // A timestamp not adjusted to UTC is already a wall-clock time.
    return ts.isAdjustedToUTC() ? wallClock(instant)
        : LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(WALL_CLOCK);
  }

  private String wallClock(Instant instant) {
    return LocalDateTime.ofInstant(instant, zone).format(WALL_CLOCK);
  }

  /** Legacy INT96: nanoseconds of the day then the Julian day, little-endian. */
  static Instant int96(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = b.getLong();
    long julianDay = Integer.toUnsignedLong(b.getInt());
    return Instant.ofEpochSecond((julianDay - JULIAN_DAY_OF_EPOCH) * 86_400L)
        .plusNanos(nanosOfDay);
  }
}
