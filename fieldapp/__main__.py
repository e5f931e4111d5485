"""`python -m fieldapp` runs the command line (no arguments opens the desktop app)."""

import multiprocessing

from fieldapp.cli.main import main

if __name__ == "__main__":  # not when a child process re-imports this module
    # The packaged app's own executable also runs the export's writer process
    # (`tabular.writer_process`): started with "--multiprocessing-fork", it does that and exits.
    multiprocessing.freeze_support()
    raise SystemExit(main())
