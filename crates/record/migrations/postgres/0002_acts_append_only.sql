-- The record is append-only: tandoo never updates or deletes an act, so the database refuses
-- it too, whoever asks. Tampering (and a test that tampers on purpose) must first disable the
-- trigger explicitly (ALTER TABLE acts DISABLE TRIGGER acts_append_only), which takes the
-- table owner's rights and leaves a trace in the server's log when statements are logged.
CREATE FUNCTION tandoo_acts_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the record is append-only: % on acts is refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER acts_append_only
    BEFORE UPDATE OR DELETE ON acts
    FOR EACH ROW EXECUTE FUNCTION tandoo_acts_append_only();

CREATE TRIGGER acts_no_truncate
    BEFORE TRUNCATE ON acts
    FOR EACH STATEMENT EXECUTE FUNCTION tandoo_acts_append_only();
