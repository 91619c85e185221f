-- consent_events is append-only: UPDATE, DELETE and TRUNCATE are refused, except DELETE inside an erasure
-- (a transaction that ran set_config('sembang.erasure', 'on', true)).
CREATE FUNCTION "consent_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Erasing a customer (hard delete, tenant deletion) sets sembang.erasure for its transaction.
  IF TG_OP = 'DELETE' AND coalesce(current_setting('sembang.erasure', true), '') = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'consent_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "consent_events_append_only" BEFORE UPDATE OR DELETE ON "consent_events" FOR EACH ROW EXECUTE FUNCTION "consent_events_append_only"();
--> statement-breakpoint
CREATE TRIGGER "consent_events_no_truncate" BEFORE TRUNCATE ON "consent_events" FOR EACH STATEMENT EXECUTE FUNCTION "consent_events_append_only"();
