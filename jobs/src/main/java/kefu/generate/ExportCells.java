package kefu.generate;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.timestamp_add;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.time.LocalDateTime;
import kefu.canonical.CanonicalSchema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/** Cell formatting shared by the exports: local times, money and Excel text guards. */
final class ExportCells {
  private ExportCells() {}

  /** 2016 订单报表 style. */
  static final String SLASH_TIME = "yyyy/M/d H:mm:ss";
  static final String ISO_TIME = "yyyy-MM-dd HH:mm:ss";

  /** Local seconds since origin formatted as wall-clock time (null stays null). */
  static Column time(Column localSeconds, LocalDateTime origin, String pattern) {
    return date_format(timestamp_add("SECOND", localSeconds, lit(origin)), pattern);
  }

  /** Cents as "123.45". */
  static Column money(Column cents) {
    return cents.cast(DataTypes.createDecimalType(20, 0)).divide(100)
        .cast(CanonicalSchema.MONEY).cast(StringType);
  }

  /** Cents as "123.45" or "123.45元" when the shop's export carries the unit. */
  static Column money(Column cents, Column yuanSuffix) {
    return when(yuanSuffix, concat(money(cents), lit("元"))).otherwise(money(cents));
  }

  /** Excel guard for long ids: ="2000123…". */
  static Column excelText(Column value) {
    return concat(lit("=\""), value.cast(StringType), lit("\""));
  }

  /** Null as empty string (exports never write a null marker). */
  static Column orEmpty(Column value) {
    return when(value.isNull(), lit("")).otherwise(value.cast(StringType));
  }
}
