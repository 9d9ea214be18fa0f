-- the proof-of-delivery code logistics-service gives each shipment, shown to the buyer
alter table customer_order add column delivery_code varchar(20);
