-- Empties the fact table and its revisions, so the next timed load starts where every one does.
truncate fact.value, fact.value_revision
