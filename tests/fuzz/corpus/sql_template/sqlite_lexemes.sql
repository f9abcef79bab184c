select 'it''s' as s, "quoted ""id""", [bracket], `tick` -- comment
/* block */ from t where x = :named or y = ?2