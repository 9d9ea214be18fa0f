-- Only shipment events carry an event id; the audit rows written at placement (two per order) do
-- not, and need no entry in its unique index.
alter table order_event drop constraint order_event_event_id_key;
create unique index order_event_event_id on order_event (event_id) where event_id is not null;
