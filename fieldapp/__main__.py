"""`python -m fieldapp` runs the command line (no arguments opens the desktop app)."""

from fieldapp.cli.main import main

raise SystemExit(main())
