-- The application connects as unstuck_app, which reads and writes rows and owns nothing: it
-- cannot alter a table, switch off a trigger or truncate. The owner that runs these migrations
-- keeps the schema; tables made by later migrations get the same grants.

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO unstuck_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO unstuck_app;
REVOKE INSERT, UPDATE, DELETE ON flyway_schema_history FROM unstuck_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO unstuck_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO unstuck_app;
