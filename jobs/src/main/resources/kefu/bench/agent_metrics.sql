-- kefu.marts.AgentMetrics for every reviewed period: the agent_daily numerators and denominators
-- summed over each period's days, then the rates (null when the denominator is 0).
CREATE OR REPLACE TEMP TABLE agent_metrics AS
WITH sums AS (
  SELECT shop_id, agent_id, period_type, period,
    {measure_sums}
  FROM agent_daily
  JOIN periods ON business_date >= period_start AND business_date < period_end
  GROUP BY shop_id, agent_id, period_type, period
)
SELECT *,
  ratio(inquiry_paid_buyers, inquiry_buyers) AS inquiry_conversion,
  ratio(inquiry_ordered_buyers, inquiry_buyers) AS inquiry_order_rate,
  ratio(inquiry_paid_buyers, inquiry_ordered_buyers) AS order_payment_rate,
  CAST(sales_gross - refund_amount AS DECIMAL(14, 2)) AS sales_net,
  money_per(sales_gross, paying_buyers) AS average_order_value,
  ratio(refunded_units, sold_units) AS refund_rate_units,
  ratio(refund_amount, sales_gross) AS refund_rate_amount,
  ratio(return_count, sold_lines) AS return_rate,
  ratio(replied_receptions, receptions) AS reply_rate,
  ratio(first_response_seconds_sum, first_response_count) AS first_response_seconds_avg,
  ratio(response_seconds_sum, answered_buyer_messages) AS response_seconds_avg,
  ratio(dsr_description_sum, dsr_description_count) AS dsr_description_avg,
  ratio(dsr_service_sum, dsr_service_count) AS dsr_service_avg,
  ratio(dsr_logistics_sum, dsr_logistics_count) AS dsr_logistics_avg,
  ratio(inquiry_paid_next_day_buyers, inquiry_buyers) AS inquiry_next_day_payment_rate,
  ratio(agent_messages, buyer_messages) AS answer_ratio
FROM sums;
