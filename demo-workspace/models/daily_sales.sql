{{ config(materialized='table') }}
-- Mart: sales per day and channel.
select
    o.order_date as day,
    o.channel,
    count(*) as orders,
    count(distinct o.customer_id) as customers,
    sum(o.total) as revenue,
    sum(i.items) as items
from {{ ref('int_valid_orders') }} o
join (
    select order_id, sum(quantity) as items from {{ ref('stg_order_items') }} group by order_id
) i on i.order_id = o.order_id
group by o.order_date, o.channel
