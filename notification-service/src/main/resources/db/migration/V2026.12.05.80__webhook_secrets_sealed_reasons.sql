-- Webhook secrets encrypted at rest and rotated with an overlap; delivery failures classified.
--
-- secret (and previous_secret) hold base64(nonce || AES-256-GCM ciphertext || tag) sealed with the key secret_key_id names
-- (govqms.webhooks.secret-keys). Rows stored before this have no key id: their secret is still plain text here, because the
-- key lives in the service's configuration, not in the database; the service seals them at its next start
-- (webhook.SecretKeeping) and reads a row without key id as plain until then.
alter table webhook_subscription
    add column secret_key_id              text,
    add column previous_secret            text,
    add column previous_secret_expires_at timestamptz,
    add column secret_rotated_at          timestamptz,
    add constraint webhook_previous_secret_expires check ((previous_secret is null) = (previous_secret_expires_at is null));
create index webhook_subscription_previous_secret on webhook_subscription (previous_secret_expires_at)
    where previous_secret_expires_at is not null;

-- Why an attempt failed (webhook.FailureReason); error is that reason's text, never the raw connection error, which told a
-- subscription's manager about this service's network. The raw texts recorded before are replaced by their class.
alter table webhook_attempt add column reason text;
alter table webhook_delivery add column last_reason text;

create function pg_temp.webhook_reason(error text) returns text language sql immutable as $$
    select case
        when error is null then null
        when error ~ '^HTTP 3[0-9][0-9]$' then 'REDIRECT'
        when error ~ '^HTTP [0-9]+$' then 'HTTP_STATUS'
        when error like 'withheld:%' then 'WITHHELD'
        when error like 'cannot build the body%' then 'BODY'
        when error ilike '%timeout%' or error ilike '%timed out%' then 'TIMEOUT'
        when error ilike '%ssl%' or error ilike '%tls%' or error ilike '%certificate%' or error ilike '%handshake%' then 'TLS'
        when error ilike '%refused%' then 'REFUSED'
        when error ilike '%resolve%' or error ilike '%unknownhost%' or error ilike '%unknown host%' then 'DNS'
        when error ilike '%closed%' or error ilike '%reset%' or error ilike '%broken pipe%' then 'CLOSED'
        else 'OTHER' end $$;

create function pg_temp.webhook_reason_text(reason text, error text) returns text language sql immutable as $$
    select case reason
        when 'HTTP_STATUS' then error
        when 'WITHHELD' then error
        when 'REDIRECT' then error || ': redirects are not followed; give the subscription its final URL'
        when 'TIMEOUT' then 'no answer within the timeout'
        when 'TLS' then 'the TLS handshake failed (certificate, name or protocol)'
        when 'REFUSED' then 'the connection was refused'
        when 'DNS' then 'the name does not resolve'
        when 'CLOSED' then 'the connection was closed before an answer'
        when 'BODY' then 'the event could not be written as JSON'
        else 'the connection failed' end $$;

update webhook_attempt set reason = pg_temp.webhook_reason(error), error = pg_temp.webhook_reason_text(pg_temp.webhook_reason(error), error)
where error is not null;
update webhook_delivery set last_reason = pg_temp.webhook_reason(last_error),
                            last_error = pg_temp.webhook_reason_text(pg_temp.webhook_reason(last_error), last_error)
where last_error is not null;
