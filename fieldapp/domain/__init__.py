"""Pure domain: models, enums, ID-number rules and errors. No I/O."""
