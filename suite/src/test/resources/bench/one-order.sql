-- The durable work of ONE flash-sale order (2 kg, cash on delivery, one hot lot), as plain SQL,
-- one order per transaction as a service without batching would write it: catalog-service
-- reserves, order-service saves the order, catalog-service confirms, order-service forgets the
-- delivered outbox row. Four durable commits per order; pgbench counts one "transaction" per run
-- of this script, so its tps is orders/s. Run by OrderSqlCeilingBenchmark, which passes
-- lot_id, product_id, producer_id and harvest_date with -D.
--
-- The statements are those of StockLedger (apply, confirmAll) and PlacementStore (write) and of
-- the outbox relay's delete, column for column, on one connection to one database (the schemas
-- catalog and orders). Reads that only build an answer (the idempotency lookup, the reservation
-- view, the running campaigns, the reservation's lines) and the HTTP hops between the services
-- are left out: this is the least one order costs, so a ceiling for that design.

\set grams 2000

-- 1. catalog-service reserves: the lot locked, then the reservation, its line and the held grams
BEGIN;
SELECT l.id, l.available_grams, l.held_grams, l.best_before, p.price_per_kg, p.delisted_at IS NULL AS listed
  FROM catalog.lot l JOIN catalog.product p ON p.id = l.product_id
 WHERE l.id = :lot_id ORDER BY l.id FOR UPDATE OF l FOR SHARE OF p
\gset locked_
INSERT INTO catalog.reservation (id, order_ref, buyer, status, expires_at, created_at, updated_at)
VALUES (nextval('catalog.reservation_seq'), 'o-' || gen_random_uuid(), 'bench-buyer-' || :client_id::text, 'HELD',
        now() + interval '15 minutes', now(), now())
ON CONFLICT (order_ref) DO NOTHING
RETURNING id AS reservation_id, order_ref
\gset
INSERT INTO catalog.reservation_line (id, reservation_id, lot_id, grams, unit_price_per_kg, campaign_id)
VALUES (nextval('catalog.reservation_line_seq'), :reservation_id, :lot_id, :grams, :locked_price_per_kg, NULL);
UPDATE catalog.lot SET available_grams = available_grams - :grams, held_grams = held_grams + :grams
 WHERE id = :lot_id AND available_grams >= :grams;
END;

-- 2. order-service saves the order: order, line, PLACED and CONFIRMED events, the confirmation
--    in the outbox, the idempotency record with the 201 answer
\set amount (:grams * :locked_price_per_kg + 500) / 1000
BEGIN;
INSERT INTO orders.customer_order (id, order_ref, buyer, status, payment, recipient, phone, country, province,
        commune, street, postal_code, total_grams, total_amount, placed_at, payment_due_at, confirmed_at)
VALUES (nextval('orders.customer_order_seq'), :order_ref, 'bench-buyer-' || :client_id::text, 'CONFIRMED',
        'CASH_ON_DELIVERY', 'Nguyễn Văn An', '0987 654 321', 'VN', 'Hà Nội', 'Phường Ba Đình', '12 Phố Đội Cấn',
        NULL, :grams, :amount, now(), NULL, now());
INSERT INTO orders.order_line (id, order_id, lot_id, grams, product_id, product_name, producer_id, producer_name,
        farmers, pickup_province, pickup_commune, pickup_phone, unit_price_per_kg, amount, campaign_id, cold_chain,
        min_celsius, max_celsius, harvest_date, best_before)
VALUES (nextval('orders.order_line_seq'), currval('orders.customer_order_seq'), :lot_id, :grams, :product_id,
        'Vải thiều Lục Ngạn loại 1', :producer_id, 'HTX Vải thiều Lục Ngạn', ',farmer-lan,', 'Bắc Giang',
        'Xã Phượng Sơn', '0912 345 678', :locked_price_per_kg, :amount, NULL, true, 2, 5, :harvest_date,
        :locked_best_before);
INSERT INTO orders.order_event (id, order_id, at, actor, action, from_status, to_status, detail)
VALUES (nextval('orders.order_event_seq'), currval('orders.customer_order_seq'), now(),
        'bench-buyer-' || :client_id::text, 'PLACED', NULL, 'PLACED', 'cash on delivery'),
       (nextval('orders.order_event_seq'), currval('orders.customer_order_seq'), now(),
        'bench-buyer-' || :client_id::text, 'CONFIRMED', 'PLACED', 'CONFIRMED',
        'cash on delivery: confirmed at placement');
INSERT INTO orders.outbox_message (id, kind, subject, payload, attempts, next_attempt_at, created_at)
VALUES (nextval('orders.outbox_message_seq'), 'CONFIRM_RESERVATION', currval('orders.customer_order_seq')::text, :order_ref,
        0, now() + interval '60 seconds', now())
RETURNING id AS outbox_id
\gset
-- every order of the flash sale has the same request body, so the same fingerprint; the answer is
-- the order's view as the service writes it (OrderView)
INSERT INTO orders.idempotency_record (id, caller, idempotency_key, fingerprint, response_status, response_body,
        order_id, created_at)
VALUES (nextval('orders.idempotency_record_seq'), 'bench-buyer-' || :client_id::text, gen_random_uuid()::text,
        '5994de8086f3dd87f41fd8042b5115810e92a1fb44ffe1acf0c8ea36ca853524', 201,
        json_build_object('id', currval('orders.customer_order_seq'), 'orderRef', :order_ref::text,
            'buyer', 'bench-buyer-' || :client_id::text, 'status', 'CONFIRMED', 'payment', 'CASH_ON_DELIVERY',
            'totalGrams', :grams::bigint, 'totalAmount', :amount::bigint, 'placedAt', now(), 'paymentDueAt', NULL,
            'confirmedAt', now(), 'readyAt', NULL, 'shipmentId', NULL, 'deliveryCode', NULL,
            'delivery', json_build_object('recipient', 'Nguyễn Văn An', 'phone', '0987 654 321', 'country', 'VN',
                'province', 'Hà Nội', 'commune', 'Phường Ba Đình', 'street', '12 Phố Đội Cấn', 'postalCode', NULL),
            'lines', json_build_array(json_build_object('id', currval('orders.order_line_seq'),
                'lotId', :lot_id::bigint, 'productId', :product_id::bigint,
                'productName', 'Vải thiều Lục Ngạn loại 1', 'producerId', :producer_id::bigint,
                'producerName', 'HTX Vải thiều Lục Ngạn', 'farmers', json_build_array('farmer-lan'),
                'grams', :grams::bigint, 'packedGrams', NULL, 'unitPricePerKg', :locked_price_per_kg::bigint,
                'amount', :amount::bigint, 'campaignId', NULL))
        )::text,
        currval('orders.customer_order_seq'), now());
END;

-- 3. catalog-service confirms the reservation: its row locked, then held grams moved to confirmed
BEGIN;
SELECT id, buyer, status, expires_at FROM catalog.reservation WHERE order_ref = :order_ref ORDER BY id FOR UPDATE;
UPDATE catalog.lot SET held_grams = held_grams - :grams, confirmed_grams = confirmed_grams + :grams
 WHERE id = :lot_id AND held_grams >= :grams;
UPDATE catalog.reservation SET status = 'CONFIRMED', updated_at = now() WHERE id = :reservation_id;
END;

-- 4. order-service's relay: the delivered confirmation has nothing left to say, its row goes
DELETE FROM orders.outbox_message WHERE id = :outbox_id;
