"""Helpers shared by test files of more than one folder (a test file imports no other)."""
