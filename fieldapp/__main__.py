"""`python -m fieldapp` runs the command line (no arguments opens the desktop app)."""

import multiprocessing

if __name__ == "__main__":  # not when a child process re-imports this module
    # The packaged app's own executable also runs the export's writer process
    # (`tabular.writer_process`): started with "--multiprocessing-fork", it does that and exits
    # here, before the command line and the ledger are imported, which the writer never uses
    # (0.2 s of its start).
    multiprocessing.freeze_support()
    from fieldapp.cli.main import main

    raise SystemExit(main())
