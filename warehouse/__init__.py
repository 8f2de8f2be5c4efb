"""The DuckDB warehouse: DDL, transactional batch loads and Parquet publishing."""

from warehouse.db import Warehouse, WarehouseBusy, WarehouseError, connect_read_only
from warehouse.publish import PUBLISHED_TABLES, publish_parquet

__all__ = [
    "PUBLISHED_TABLES",
    "Warehouse",
    "WarehouseBusy",
    "WarehouseError",
    "connect_read_only",
    "publish_parquet",
]
