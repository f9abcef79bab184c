{{ config(materialized='table') }}
-- Mart: sales per day and channel. Each order's lines are summed first, joined straight to the
-- order items table: SQLite can then look the lines up by order (joined to a grouped subquery
-- instead, it scanned every order again for each order: minutes on the demo's 20,000 orders).
with per_order as (
    select
        o.order_id,
        o.order_date,
        o.channel,
        o.customer_id,
        o.total,
        sum(i.quantity) as items
    from {{ ref('int_valid_orders') }} o
    join {{ ref('stg_order_items') }} i on i.order_id = o.order_id
    group by o.order_id, o.order_date, o.channel, o.customer_id, o.total
)
select
    order_date as day,
    channel,
    count(*) as orders,
    count(distinct customer_id) as customers,
    sum(total) as revenue,
    sum(items) as items
from per_order
group by order_date, channel
