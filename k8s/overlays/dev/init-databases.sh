#!/bin/bash
# Runs once, when the PostgreSQL data directory is empty: one role and one database per
# service and one for Keycloak, each role owning only its own database. Passwords come from the services' Secrets.
create_database() {
    local role=$1 database=$2 password=$3
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
        --set=role="$role" --set=database="$database" --set=password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"role";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
SQL
}
create_database catalog catalog "$CATALOG_PASSWORD"
create_database orders orders "$ORDERS_PASSWORD"
create_database training training "$TRAINING_PASSWORD"
create_database logistics logistics "$LOGISTICS_PASSWORD"
create_database keycloak keycloak "$KEYCLOAK_PASSWORD"
