"""fieldapp — 劳动力台账: an offline employment-support ledger for rural Guizhou."""

__version__ = "0.2.0"
