"""Excel/CSV import and export of the ledger (台账): template, import, export."""
