  UNION ALL BY NAME
  -- DSR scores of orders credited to an agent, by rating date (else the order's sale date)
  SELECT c_shop_id AS shop_id, c_agent_id AS agent_id,
    coalesce(CAST(rated_at AS DATE), c_sale_date) AS business_date,
    sum(dsr_description) AS dsr_description_sum, count(dsr_description) AS dsr_description_count,
    sum(dsr_service) AS dsr_service_sum, count(dsr_service) AS dsr_service_count,
    sum(dsr_logistics) AS dsr_logistics_sum, count(dsr_logistics) AS dsr_logistics_count
  FROM ratings
  JOIN (
    SELECT order_id AS c_order_id, any_value(shop_id) AS c_shop_id,
      any_value(credited_agent_id) AS c_agent_id,
      min(coalesce(paid_date, created_date)) AS c_sale_date
    FROM attributed_orders
    WHERE credited_agent_id IS NOT NULL
    GROUP BY order_id
  ) ON order_id = c_order_id
  GROUP BY ALL
