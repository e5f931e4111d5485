"""Policy packs (rules as data) and their evaluation; pure code: no database, no Qt."""
