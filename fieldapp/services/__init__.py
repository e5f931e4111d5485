"""Services: store and policy tied together, used by the CLI and the GUI (no Qt here)."""
