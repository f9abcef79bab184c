-- Staging: one row per order line, with its amount.
select
    order_id,
    product_id,
    quantity,
    unit_price,
    quantity * unit_price as line_total
from {{ source('store', 'order_items') }}
