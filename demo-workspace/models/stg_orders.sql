-- Staging: one row per order from the raw store table, statuses lower-cased.
select
    order_id,
    customer_id,
    order_date,
    lower(status) as status,
    channel,
    total
from {{ source('store', 'orders') }}
