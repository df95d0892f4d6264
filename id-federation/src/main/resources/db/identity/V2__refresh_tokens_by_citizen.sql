-- Erasure (PDPA s33) and its re-application after a restore delete a citizen's refresh tokens: find them by citizen.
CREATE INDEX refresh_tokens_citizen ON refresh_tokens (citizen_id);
