-- kefu.derive.Receptions: chat messages of one (shop, buyer) split after more than the session
-- gap of silence (bot messages keep a conversation alive), one row per reception and agent part.
-- A buyer message still waiting for a reply (the last buyer-or-reply message before is the
-- buyer's) keeps the reception open for every message of its business day.
-- The DuckDB-only tie-breakers (a hash of source_file, source_line) make the window passes see
-- the same order; Spark's order of same-second, same-sender messages is arbitrary anyway. The
-- hash keeps the sort keys narrow: sorting every message with its file's path beside it spilled
-- over 50 GB at 50M orders.
CREATE OR REPLACE TEMP TABLE receptions AS
WITH messages AS (
  SELECT shop_id, buyer_key, sent_at, hash(source_file) AS source_file_key, source_line,
    sender = 'buyer' AS is_buyer,
    {is_reply} AS is_reply,
    CASE WHEN {is_reply} THEN
      CASE WHEN sender = 'bot' THEN coalesce(agent_id, 'bot') ELSE coalesce(agent_id, 'unknown') END
    END AS reply_agent,
    -- a reply stamped in the same second as the question sorts after it
    CASE WHEN sender = 'buyer' THEN 0 ELSE 1 END AS sender_rank
  FROM chats
  WHERE sender IN ('buyer', 'agent', 'bot') AND sent_at IS NOT NULL AND buyer_key IS NOT NULL
),
gaps AS (
  SELECT *,
    unix_seconds(sent_at) - unix_seconds(lag(sent_at) OVER (PARTITION BY shop_id, buyer_key
        ORDER BY sent_at, sender_rank, source_file_key, source_line)) AS gap_seconds,
    last_value(CASE WHEN is_buyer OR is_reply
        THEN struct_pack(waiting := is_buyer, day := CAST(sent_at AS DATE)) END IGNORE NULLS)
      OVER (PARTITION BY shop_id, buyer_key
        ORDER BY sent_at, sender_rank, source_file_key, source_line
        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS last_exchange
  FROM messages
),
sequenced AS (
  SELECT *,
    sum(CASE WHEN gap_seconds IS NULL THEN 1
      WHEN gap_seconds <= {gap_seconds} THEN 0
      WHEN coalesce(struct_extract(last_exchange, 'waiting')
        AND struct_extract(last_exchange, 'day') = CAST(sent_at AS DATE), false) THEN 0
      ELSE 1 END)
      OVER (PARTITION BY shop_id, buyer_key ORDER BY sent_at, sender_rank, source_file_key, source_line
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS reception_seq
  FROM gaps
),
placed AS (
  SELECT *,
    min(sent_at) OVER reception AS started_at,
    max(sent_at) OVER reception AS ended_at,
    min(CASE WHEN is_buyer THEN sent_at END) OVER reception AS first_buyer_at,
    first_value(is_buyer) OVER (PARTITION BY shop_id, buyer_key, reception_seq
      ORDER BY sent_at, sender_rank, source_file_key, source_line) AS is_buyer_started,
    first_value(CASE WHEN is_reply THEN struct_pack(reply_at := sent_at, agent := reply_agent) END
        IGNORE NULLS) OVER (PARTITION BY shop_id, buyer_key, reception_seq
          ORDER BY sent_at, sender_rank, source_file_key, source_line
          ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS next_reply,
    last_value(CASE WHEN is_reply THEN reply_agent END IGNORE NULLS)
        OVER (PARTITION BY shop_id, buyer_key, reception_seq
          ORDER BY sent_at, sender_rank, source_file_key, source_line
          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS previous_reply_agent
  FROM sequenced
  WINDOW reception AS (PARTITION BY shop_id, buyer_key, reception_seq)
),
parts AS (
  SELECT shop_id, buyer_key, started_at, ended_at, is_buyer_started, sent_at, is_buyer, is_reply,
    CASE WHEN is_reply THEN reply_agent
      ELSE coalesce(struct_extract(next_reply, 'agent'), previous_reply_agent) END AS agent_id,
    CASE WHEN is_buyer
      THEN unix_seconds(struct_extract(next_reply, 'reply_at')) - unix_seconds(sent_at) END
      AS wait_seconds,
    is_buyer AND sent_at = first_buyer_at AS is_first_buyer_message
  FROM placed
  WHERE is_buyer OR is_reply
)
SELECT
  concat_ws('|', shop_id, buyer_key, CAST(unix_seconds(started_at) AS VARCHAR)) AS reception_id,
  shop_id, buyer_key, agent_id, started_at, ended_at,
  min(CASE WHEN is_reply THEN sent_at END) AS agent_started_at,
  CAST(started_at AS DATE) AS reception_date,
  CAST(count(CASE WHEN is_buyer THEN 1 END) AS BIGINT) AS buyer_messages,
  CAST(count(wait_seconds) AS BIGINT) AS answered_buyer_messages,
  CAST(coalesce(sum(wait_seconds), 0) AS BIGINT) AS response_seconds_sum,
  max(CASE WHEN is_first_buyer_message THEN wait_seconds END) AS first_response_seconds,
  CAST(count(CASE WHEN is_reply THEN 1 END) AS BIGINT) AS agent_messages,
  count(wait_seconds) > 0 AS is_replied,
  is_buyer_started
FROM parts
GROUP BY shop_id, buyer_key, started_at, ended_at, is_buyer_started, agent_id;
