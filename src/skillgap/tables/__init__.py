"""Tables in and out, shared by batch, the dashboard and the CLI: one CSV reader, spreadsheet-safe
cells and files written all at once."""

from skillgap.tables.cells import FORMULA_STARTS, neutralize
from skillgap.tables.files import temporary_beside, write_atomic
from skillgap.tables.reading import TableError, read_csv

__all__ = [
    "FORMULA_STARTS",
    "TableError",
    "neutralize",
    "read_csv",
    "temporary_beside",
    "write_atomic",
]
