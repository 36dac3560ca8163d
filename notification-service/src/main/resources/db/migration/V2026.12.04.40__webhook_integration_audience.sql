-- A subscription made by a one-stop-shop system (role integration) receives only what that role's REST reads allow
-- (event.IntegrationView); one made by a steering committee receives every type it names. Who made the subscriptions
-- that exist was not recorded: they are taken as one-stop-shop systems' (the narrower), and a steering committee that
-- wants more than that from one of its own makes it again.
alter table webhook_subscription add column for_integration boolean not null default true;
alter table webhook_subscription alter column for_integration drop default;
