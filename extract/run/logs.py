"""Logging for the command line and for worker processes, which set it up alike."""

from __future__ import annotations

import logging

__all__ = ["SafeFormatter", "setup_logging"]


class SafeFormatter(logging.Formatter):
    """Log lines with file names and article text shown, never obeyed by the terminal."""

    def format(self, record: logging.LogRecord) -> str:
        from graph.table import printable

        return "\n".join(printable(line) for line in super().format(record).splitlines())


def setup_logging(level: int) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(SafeFormatter("geokg: %(levelname)s: %(message)s"))
    logging.basicConfig(level=level, handlers=[handler])
