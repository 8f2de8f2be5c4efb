"""Pure text transforms: article text in, frozen records out.

Nothing in this package touches files, the network, DuckDB or Prefect; the
flows in ``flows/`` wire these functions to I/O.
"""
