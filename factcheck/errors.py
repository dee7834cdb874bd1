"""The exception hierarchy: one root class, each subclass also a built-in exception.

Findings about an article are values (see :mod:`factcheck.findings`); exceptions mean the
tool could not read its input or was used wrongly.
"""

from __future__ import annotations

__all__ = [
    "ClaimFileError",
    "FactcheckError",
    "InputError",
    "UnitError",
    "UsageError",
]


class FactcheckError(Exception):
    """Root of every error factcheck raises on purpose."""


class InputError(ValueError, FactcheckError):
    """Input that cannot be read: the message names the file, line, field and value."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.field = field
        self.bare_message = message
        super().__init__(self.format())

    def format(self) -> str:
        """One line: ``path:line:column: field: message``."""
        loc = ""
        if self.path is not None:
            loc = self.path
            if self.line is not None:
                loc += f":{self.line}"
                if self.column is not None:
                    loc += f":{self.column}"
            loc += ": "
        fld = f"{self.field}: " if self.field else ""
        return f"{loc}{fld}{self.bare_message}"


class ClaimFileError(InputError):
    """A claim or rule file that is malformed or refers to things that do not exist."""


class UnitError(InputError):
    """A unit string pint cannot parse."""


class UsageError(ValueError, FactcheckError):
    """The command line or the Python API was called with bad arguments."""
