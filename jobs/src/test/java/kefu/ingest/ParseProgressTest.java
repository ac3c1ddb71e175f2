package kefu.ingest;

import static kefu.ingest.IngestFixtures.GBK;
import static kefu.ingest.IngestFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import kefu.testing.SparkTestSession;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseProgressTest {
  @TempDir Path dir;

  @Test
  void parsingAFileReportsItsRecordsAndBytesAsTheTasksInput() throws Exception {
    Path chats = write(dir, "chats.csv", GBK,
        "店铺名称,买家昵称,客服昵称,发送方,发送时间,消息内容",
        "旗舰店,张三,,买家,2016/5/23 21:50:00,在吗",
        "旗舰店,张三,旗舰店:小美,客服,2016/5/23 21:50:30,亲，在的",
        "旗舰店,张三,,买家,not a time,坏行");
    ParseContext ctx = new ParseContext("Asia/Shanghai", new Pseudonymizer(IngestFixtures.KEY),
        null, null, false);
    SparkSession spark = SparkTestSession.get();
    AtomicLong records = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    SparkListener listener = new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        records.addAndGet(end.taskMetrics().inputMetrics().recordsRead());
        bytes.addAndGet(end.taskMetrics().inputMetrics().bytesRead());
      }
    };
    spark.sparkContext().addSparkListener(listener);
    try {
      org.apache.spark.util.CollectionAccumulator<ParsedFile> files =
          spark.sparkContext().collectionAccumulator();
      long rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
          .parallelize(List.of(new FileParser.Task("chats", chats.toString())), 1)
          .flatMap(new FileParser(Map.of(), ctx, files))
          .count();
      spark.sparkContext().listenerBus().waitUntilEmpty();
      // 3 records (one rejected); the file's facts go to the driver apart
      assertEquals(3, rows);
      assertEquals(3, records.get());
      assertEquals(1, files.value().size());
      assertEquals(3, files.value().get(0).rowsRead());
      assertEquals(Files.size(chats), bytes.get());
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
  }
}
