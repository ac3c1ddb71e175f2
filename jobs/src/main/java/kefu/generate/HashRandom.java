package kefu.generate;

import static org.apache.spark.sql.functions.cos;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;

import org.apache.spark.sql.Column;

/**
 * Deterministic per-row randomness: a draw is a hash of (seed, row key, draw number), so a value
 * never depends on partitioning or evaluation order. Each caller uses its own draw numbers.
 */
final class HashRandom {
  private HashRandom() {}

  private static final double TWO_POW_53 = 9007199254740992.0;

  /** Uniform in [0, 1). */
  static Column uniform(long seed, Column key, int draw) {
    return shiftrightunsigned(xxhash64(lit(seed), key, lit(draw)), 11).cast(DoubleType)
        .divide(TWO_POW_53);
  }

  /** Uniform in [0, 1) for a sub-key (line number, message number). */
  static Column uniform(long seed, Column key, Column subKey, int draw) {
    return shiftrightunsigned(xxhash64(lit(seed), key, subKey, lit(draw)), 11).cast(DoubleType)
        .divide(TWO_POW_53);
  }

  /** Standard normal by Box-Muller from two uniforms. */
  static Column normal(Column u1, Column u2) {
    return sqrt(log(lit(1.0).minus(u1)).multiply(-2.0)).multiply(cos(u2.multiply(2 * Math.PI)));
  }

  static Column logNormal(Column median, double sigma, Column z) {
    return median.multiply(exp(z.multiply(sigma)));
  }

  /** Integer in [0, n). */
  static Column below(Column u, Column n) {
    return floor(u.multiply(n)).cast(IntegerType);
  }

  static Column below(Column u, int n) {
    return floor(u.multiply(n)).cast(IntegerType);
  }

  /** Index into weights (need not sum to 1) chosen by u, as a CASE chain. */
  static Column categorical(Column u, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double cumulative = 0;
    Column result = null;
    for (int i = 0; i < weights.length - 1; i++) {
      cumulative += weights[i] / total;
      result = result == null ? when(u.lt(cumulative), i) : result.when(u.lt(cumulative), i);
    }
    return result == null ? lit(0) : result.otherwise(weights.length - 1);
  }
}
