{{ config(materialized='table') }}
-- Mart: one row per customer with their order history.
select
    c.customer_id,
    c.name,
    c.city,
    c.country,
    c.signup_date,
    min(o.order_date) as first_order,
    max(o.order_date) as last_order,
    count(o.order_id) as orders,
    coalesce(sum(o.total), 0) as revenue
from {{ ref('stg_customers') }} c
left join {{ ref('int_valid_orders') }} o on o.customer_id = c.customer_id
group by c.customer_id, c.name, c.city, c.country, c.signup_date
