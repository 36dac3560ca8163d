-- The W3C trace context of the transaction that recorded the event (null outside a trace): the relay carries it in the
-- record's headers, so the consumers' work joins the trace of the change that caused it.
alter table outbox add column traceparent text;
