{{ config(materialized='incremental', unique_key=['order_id', 'day']) }}
select o.order_id, o.day, sum(o.total) as total
from {{ ref('stg_orders') }} o
join {{ source('shop', 'raw customers') }} c on c.id = o.customer_id
{% if is_incremental() %}
where o.day > (select max(day) from {{ this }})
{% endif %}
group by 1, 2
