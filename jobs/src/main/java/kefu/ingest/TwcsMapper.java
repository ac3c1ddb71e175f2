package kefu.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kefu.canonical.CanonicalSchema;

/**
 * Customer Support on Twitter (twcs.csv): inbound tweets are buyer messages (author pseudonymised),
 * outbound tweets are agent messages of the brand = shop, the agent named by the sign-off. Shops
 * of buyer tweets and buyers of agent tweets are resolved later across the file ({@link Twcs}).
 */
final class TwcsMapper implements RecordMapper {
  private static final Pattern MENTION = Pattern.compile("@(\\w+)");
  private static final Pattern TRAILING_URL = Pattern.compile("\\s*https?://\\S+\\s*$");
  private static final Pattern[] SIGN_OFFS = {
      Pattern.compile("\\^\\s?([A-Za-z]{1,5})$"),
      Pattern.compile("(?:^|[\\s.!?,)])[-–—~]\\s?([A-Z][A-Za-z]{0,15})$"),
      Pattern.compile("(?:^|[\\s.!?,)])/\\s?([A-Z][A-Za-z]{0,4})$")};
  private static final Pattern DECIMAL_ID = Pattern.compile("(\\d+)\\.0*");

  private final ParseContext ctx;

  TwcsMapper(ParseContext ctx) {
    this.ctx = ctx;
  }

  /** The agent sign-off at the end of a brand tweet ({@code ^JK}, {@code -Becky}, {@code /LW}). */
  static String signOff(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    Matcher url = TRAILING_URL.matcher(t);
    while (url.find()) {
      t = t.substring(0, url.start()).strip();
      url = TRAILING_URL.matcher(t);
    }
    for (Pattern p : SIGN_OFFS) {
      Matcher m = p.matcher(t);
      if (m.find()) {
        return m.group(1);
      }
    }
    return null;
  }

  static String tweetId(String raw) {
    String s = Cells.text(raw);
    if (s == null) {
      return null;
    }
    Matcher m = DECIMAL_ID.matcher(s);
    return m.matches() ? m.group(1) : s;
  }

  @Override
  public void map(Fields f, Parsed.Builder out, String fallbackShop) {
    String tweet = tweetId(f.raw("tweet_id"));
    if (tweet == null) {
      throw f.reject(new String[] {"tweet_id"}, "missing required value");
    }
    String author = f.requiredText("author_id");
    Boolean inbound = f.yesNo("inbound");
    if (inbound == null) {
      throw f.reject(new String[] {"inbound"}, "missing required value");
    }
    String text = f.raw("text");
    List<String> mentions = new ArrayList<>();
    List<String> mentionKeys = new ArrayList<>();
    if (text != null) {
      Matcher m = MENTION.matcher(text);
      while (m.find()) {
        mentions.add(m.group(1).toLowerCase(Locale.ROOT));
        mentionKeys.add(ctx.pseudonymizer().pseudonym(m.group(1)));
      }
    }
    out.set("tweet_id", tweet)
        .set("reply_to_tweet_id", tweetId(f.raw("in_response_to_tweet_id")))
        .set("sent_at", f.twitterTime("created_at"))
        .set("mentions", scala.jdk.javaapi.CollectionConverters.asScala(mentions).toSeq())
        .set("mention_keys", scala.jdk.javaapi.CollectionConverters.asScala(mentionKeys).toSeq())
        .set("text", ctx.keepChatText() ? Cells.text(text) : null);
    if (inbound) {
      out.set("sender", CanonicalSchema.BUYER)
          .set("buyer_key", ctx.pseudonymizer().pseudonym(author));
    } else {
      String signOff = signOff(text);
      out.set("sender", CanonicalSchema.AGENT)
          .set("shop_id", author)
          .set("agent_id", author + ":" + (signOff == null ? "unknown" : signOff));
    }
  }
}
