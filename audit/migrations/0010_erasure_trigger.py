"""Personal data: erasure's one way through the append-only trigger.

PostgreSQL's append-only trigger (0002) refused every UPDATE. It now lets one
through: inside a transaction that declared `audit.redacting` (set_config, local
to the transaction; audit.services.audit_entries_redact), an update that empties
the path and sets the details to {"erased": true}, every other column unchanged.
Deleting is still refused, and so is any other change.
"""

from django.db import migrations

REPLACE = """
CREATE OR REPLACE FUNCTION audit_entry_refuse_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND current_setting('audit.redacting', true) = 'on'
       AND NEW.id = OLD.id
       AND NEW.occurred_at = OLD.occurred_at
       AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
       AND NEW.action = OLD.action
       AND NEW.target_type_id = OLD.target_type_id
       AND NEW.target_id = OLD.target_id
       AND NEW.method = OLD.method
       AND NEW.path = ''
       AND NEW.details = '{"erased": true}'::jsonb
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit entries are append-only';
END;
$$ LANGUAGE plpgsql;
"""

RESTORE = """
CREATE OR REPLACE FUNCTION audit_entry_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only';
END;
$$ LANGUAGE plpgsql;
"""


def allow_erasure(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(REPLACE)


def refuse_erasure(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(RESTORE)


class Migration(migrations.Migration):
    dependencies = [("audit", "0009_staff_view_and_consent_actions")]

    operations = [
        migrations.RunPython(allow_erasure, refuse_erasure),
    ]
