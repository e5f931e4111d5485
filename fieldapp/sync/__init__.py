"""Sync without a network: enrolment, signed and encrypted bundles, import and merge."""
