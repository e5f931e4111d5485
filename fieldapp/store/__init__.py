"""SQLite storage: one connection factory, migrations, the logged write path, search, history."""
