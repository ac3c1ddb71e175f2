-- kefu.marts.AgentMetrics for one period: the agent_daily numerators and denominators summed over
-- the period's days, then the rates (null when the denominator is 0).
CREATE OR REPLACE TEMP TABLE agent_metrics AS
WITH sums AS (
  SELECT shop_id, agent_id, '{period_type}' AS period_type, '{period}' AS period,
    {measure_sums}
  FROM agent_daily
  WHERE business_date >= DATE '{period_start}' AND business_date < DATE '{period_end}'
  GROUP BY shop_id, agent_id
)
SELECT *,
  ratio(inquiry_paid_buyers, inquiry_buyers) AS inquiry_conversion,
  ratio(inquiry_ordered_buyers, inquiry_buyers) AS inquiry_order_rate,
  ratio(inquiry_paid_buyers, inquiry_ordered_buyers) AS order_payment_rate,
  CAST(sales_gross - refund_amount AS DECIMAL(14, 2)) AS sales_net,
  ratio(refunded_units, sold_units) AS refund_rate_units,
  ratio(refund_amount, sales_gross) AS refund_rate_amount,
  ratio(return_count, sold_lines) AS return_rate,
  ratio(replied_receptions, receptions) AS reply_rate,
  ratio(response_seconds_sum, answered_buyer_messages) AS response_seconds_avg
FROM sums;
