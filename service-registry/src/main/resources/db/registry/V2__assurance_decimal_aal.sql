-- AAL is on the Thai decimal scale {1, 2.1, 2.2, 3}, as identity issues it in acr (urn:th:ial:<ial>:aal:<aal>).
-- Documents written before kept AAL as a number 1..3: level 2 becomes 2.1, the weakest level 2 authenticator, so
-- that no service asks less of a citizen than it did.
UPDATE services SET document = jsonb_set(document, '{minAssurance,aal}',
    to_jsonb(CASE document->'minAssurance'->>'aal' WHEN '2' THEN '2.1' ELSE document->'minAssurance'->>'aal' END))
WHERE jsonb_typeof(document->'minAssurance'->'aal') = 'number';

UPDATE service_versions SET document = jsonb_set(document, '{minAssurance,aal}',
    to_jsonb(CASE document->'minAssurance'->>'aal' WHEN '2' THEN '2.1' ELSE document->'minAssurance'->>'aal' END))
WHERE jsonb_typeof(document->'minAssurance'->'aal') = 'number';
