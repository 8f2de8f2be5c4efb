"""Prefect flows and the `sitrep` command line: where I/O meets the transforms."""
