"""A persistent cache of canonical units, so that a cold start need not build pint's registry.

Building the pint registry with the newsroom definitions takes about a second, longer
than checking a small article.  :func:`factcheck.units.canonical` results are exact
(fractions as ``"n/d"`` strings), depend only on the unit text, the definitions file and
the pint version, and are few (a newsroom uses dozens of units), so they are kept in one
small JSON file under the user's cache folder (``$FACTCHECK_CACHE_DIR``, else
``$XDG_CACHE_HOME/factcheck``, else ``~/.cache/factcheck``).  A stale or unreadable cache
is ignored; set ``FACTCHECK_NO_CACHE=1`` to use none.  Unknown units are never cached, so
their errors always come from pint.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["get", "put"]

# 2: canonical() of a name the newsroom file redefines (such as "fifth") changed meaning.
_FORMAT = 2
_state: dict[str, Any] = {}


def _folder() -> Path | None:
    if os.environ.get("FACTCHECK_NO_CACHE"):
        return None
    if os.environ.get("FACTCHECK_CACHE_DIR"):
        return Path(os.environ["FACTCHECK_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factcheck"


def _key() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        pint_version = version("pint")
    except PackageNotFoundError:  # pragma: no cover - pint is a dependency
        pint_version = "?"
    defs = resources.files("factcheck").joinpath("newsroom_units.txt").read_bytes()
    return f"{_FORMAT}:{pint_version}:{hashlib.sha256(defs).hexdigest()[:16]}"


def _load() -> dict[str, list[Any]]:
    if "units" in _state:
        return _state["units"]  # type: ignore[no-any-return]
    units: dict[str, list[Any]] = {}
    folder = _folder()
    _state["path"] = None if folder is None else folder / "units.json"
    try:
        _state["key"] = _key()
        if _state["path"] is not None:
            data = json.loads(_state["path"].read_text("utf-8"))
            if isinstance(data, dict) and data.get("key") == _state["key"]:
                units = data.get("units", {})
    except (OSError, ValueError):
        pass
    _state["units"] = units
    return units


def get(unit: str) -> tuple[Fraction, Fraction, tuple[tuple[str, int], ...], str] | None:
    """``(lo, hi, dims, base)`` of a unit seen before, or None."""
    row = _load().get(unit)
    if row is None:
        return None
    try:
        lo, hi, dims, base = row
        return Fraction(lo), Fraction(hi), tuple((str(k), int(v)) for k, v in dims), str(base)
    except (TypeError, ValueError):
        return None


def put(unit: str, lo: Fraction, hi: Fraction, dims: tuple[tuple[str, int], ...], base: str) -> None:
    """Remember a unit; written at once, atomically (a lost race only costs a recompute)."""
    units = _load()
    path: Path | None = _state.get("path")
    if path is None or unit in units:
        return
    units[unit] = [str(lo), str(hi), [list(d) for d in dims], base]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".units-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"key": _state["key"], "units": units}, f)
        os.replace(tmp, path)
    except OSError:
        pass
