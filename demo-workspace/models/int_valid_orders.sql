{{ config(materialized='ephemeral') }}
-- Orders that count as sales: everything but cancelled orders.
select * from {{ ref('stg_orders') }} where status <> 'cancelled'
