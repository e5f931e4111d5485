"""Realistic, deterministic demo ledgers (for trying the app, tests and benchmarks)."""
