"""wirecheck: one sourced record per real-world event, from many outlets' reports."""

__version__ = "0.1.0"
