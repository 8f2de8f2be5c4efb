"""Benchmarks: corpus generator (corpus.py), runner (run.py) and report tables (report.py)."""
