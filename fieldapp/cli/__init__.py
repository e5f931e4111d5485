"""The command line: a thin layer over the same services the desktop app uses."""
