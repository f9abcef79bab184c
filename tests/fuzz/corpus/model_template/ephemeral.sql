{{ config(materialized='ephemeral') }}
select 1 as x {# comment #} union all select 2 {% if not is_incremental() %} union all select 3 {% else %} {% endif %}
