#!/bin/sh
# One database and one owner per service (each service sees only its own data).
set -e
for svc in document audit scoring notification; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE ${svc} LOGIN PASSWORD '${GOVQMS_DB_PASSWORD:-govqms}';
CREATE DATABASE ${svc} OWNER ${svc} ENCODING 'UTF8';
SQL
done
