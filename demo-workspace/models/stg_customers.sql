-- Staging: one row per customer.
select
    customer_id,
    name,
    email,
    city,
    country,
    signup_date
from {{ source('store', 'customers') }}
