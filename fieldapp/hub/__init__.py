"""The county hub: one ledger merging every device, answering each with what it lacks."""
