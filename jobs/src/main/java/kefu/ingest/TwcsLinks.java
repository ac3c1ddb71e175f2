package kefu.ingest;

import static org.apache.spark.sql.functions.arrays_zip;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.when;

import kefu.canonical.CanonicalSchema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Places twcs tweets in conversations, within each file. A buyer tweet's shop is the first
 * {@code @handle} it mentions that is a brand of the file, else the brand that replied to it,
 * else the brand it replied to. An agent tweet's buyer is the author of the buyer tweet it answers,
 * else the first non-brand handle it mentions. Tweets that cannot be placed are rejected.
 */
final class TwcsLinks {
  private TwcsLinks() {}

  /** The parsed columns tweets are placed with and written from. */
  static final org.apache.spark.sql.Column[] COLUMNS = java.util.stream.Stream.of("kind", "table",
      "format", "source_file", "source_line", "shop_id", "buyer_key", "agent_id", "sender",
      "sent_at", "text", "tweet_id", "reply_to_tweet_id", "mentions", "mention_keys")
      .map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new);

  /**
   * Every tweet with its shop and buyer resolved where possible; {@code unplaced} names why a
   * tweet could not be placed (null when it was). Cache it: both outputs read it.
   */
  static Dataset<Row> resolve(Dataset<Row> tweets) {
    Dataset<Row> agentTweets = tweets.filter(col("sender").equalTo(CanonicalSchema.AGENT));
    Dataset<Row> buyerTweets = tweets.filter(col("sender").equalTo(CanonicalSchema.BUYER));
    Dataset<Row> brands = agentTweets
        .select(col("source_file").as("b_file"), lower(col("shop_id")).as("b_handle"),
            col("shop_id").as("brand"))
        .groupBy("b_file", "b_handle").agg(min("brand").as("brand"));

    Dataset<Row> buyers = buyerTweets
        .join(mentionedBrand(buyerTweets, brands), keys("m"), "left").drop("m_file", "m_line")
        .join(replyingBrand(agentTweets, buyerTweets), keys("r"), "left")
        .drop("r_file", "r_line")
        .join(repliedBrand(agentTweets, buyerTweets), keys("t"), "left").drop("t_file", "t_line")
        .withColumn("shop_id",
            coalesce(col("mentioned_brand"), col("replying_brand"), col("replied_brand")))
        .drop("mentioned_brand", "replying_brand", "replied_brand")
        .withColumn("unplaced", when(col("shop_id").isNull(),
            lit("buyer tweet addresses no brand of this file")));

    Dataset<Row> agents = agentTweets
        .join(answeredBuyer(agentTweets, buyerTweets), keys("a"), "left")
        .drop("a_file", "a_line")
        .join(mentionedCustomer(agentTweets, brands), keys("c"), "left").drop("c_file", "c_line")
        .withColumn("buyer_key", coalesce(col("answered_buyer"), col("mentioned_customer")))
        .drop("answered_buyer", "mentioned_customer")
        .withColumn("unplaced", when(col("buyer_key").isNull(),
            lit("brand tweet answers no identifiable customer")));
    return buyers.unionByName(agents);
  }

  static Dataset<Row> placed(Dataset<Row> resolved) {
    return resolved.filter(col("unplaced").isNull()).drop("unplaced");
  }

  static Dataset<Row> rejects(Dataset<Row> resolved) {
    return RejectRows.of(resolved.filter(col("unplaced").isNotNull()), "tweet_id",
        col("tweet_id"), col("unplaced"));
  }

  private static org.apache.spark.sql.Column keys(String prefix) {
    return col("source_file").equalTo(col(prefix + "_file"))
        .and(col("source_line").equalTo(col(prefix + "_line")));
  }

  private static Dataset<Row> mentionedBrand(Dataset<Row> buyerTweets, Dataset<Row> brands) {
    Dataset<Row> mentions = buyerTweets.select(col("source_file").as("m_file"),
        col("source_line").as("m_line"), posexplode(col("mentions")).as(new String[] {"pos",
            "handle"}));
    return mentions
        .join(brands, col("m_file").equalTo(col("b_file")).and(col("handle").equalTo(
            col("b_handle"))))
        .groupBy("m_file", "m_line").agg(min_by(col("brand"), col("pos")).as("mentioned_brand"));
  }

  private static Dataset<Row> replyingBrand(Dataset<Row> agentTweets, Dataset<Row> buyerTweets) {
    Dataset<Row> replies = agentTweets.select(col("source_file").as("x_file"),
        col("reply_to_tweet_id").as("x_tweet"), col("shop_id").as("x_brand"));
    return buyerTweets.select(col("source_file").as("r_file"), col("source_line").as("r_line"),
            col("tweet_id").as("r_tweet"))
        .join(replies, col("r_file").equalTo(col("x_file"))
            .and(col("r_tweet").equalTo(col("x_tweet"))))
        .groupBy("r_file", "r_line").agg(min("x_brand").as("replying_brand"));
  }

  private static Dataset<Row> repliedBrand(Dataset<Row> agentTweets, Dataset<Row> buyerTweets) {
    Dataset<Row> brandTweets = agentTweets.select(col("source_file").as("y_file"),
        col("tweet_id").as("y_tweet"), col("shop_id").as("y_brand"));
    return buyerTweets.select(col("source_file").as("t_file"), col("source_line").as("t_line"),
            col("reply_to_tweet_id").as("t_tweet"))
        .join(brandTweets, col("t_file").equalTo(col("y_file"))
            .and(col("t_tweet").equalTo(col("y_tweet"))))
        .groupBy("t_file", "t_line").agg(min("y_brand").as("replied_brand"));
  }

  private static Dataset<Row> answeredBuyer(Dataset<Row> agentTweets, Dataset<Row> buyerTweets) {
    Dataset<Row> asked = buyerTweets.select(col("source_file").as("z_file"),
        col("tweet_id").as("z_tweet"), col("buyer_key").as("z_buyer"));
    return agentTweets.select(col("source_file").as("a_file"), col("source_line").as("a_line"),
            col("reply_to_tweet_id").as("a_tweet"))
        .join(asked, col("a_file").equalTo(col("z_file"))
            .and(col("a_tweet").equalTo(col("z_tweet"))))
        .groupBy("a_file", "a_line").agg(min("z_buyer").as("answered_buyer"));
  }

  private static Dataset<Row> mentionedCustomer(Dataset<Row> agentTweets, Dataset<Row> brands) {
    Dataset<Row> mentions = agentTweets.select(col("source_file").as("c_file"),
        col("source_line").as("c_line"),
        posexplode(arrays_zip(col("mentions"), col("mention_keys"))).as(new String[] {"pos",
            "mention"}));
    return mentions
        .join(brands, col("c_file").equalTo(col("b_file"))
            .and(col("mention.mentions").equalTo(col("b_handle"))), "left_anti")
        .groupBy("c_file", "c_line")
        .agg(min_by(col("mention.mention_keys"), col("pos")).as("mentioned_customer"));
  }
}
