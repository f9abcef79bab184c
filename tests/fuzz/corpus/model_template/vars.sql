{{ config(materialized="table") }}
-- {{ not a template in a comment? }}
select * from {{ ref("orders") }} where day >= '{{ var("since") }}' limit {{ var('limit', 5) }}
