"""Output formats: one module each, found by a registry.

A reporter is a function ``(report, options) -> str`` registered under its format name
with :func:`reporter`.  ``--format`` choices come from :func:`names`.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..report import Report

__all__ = ["Options", "get", "names", "reporter"]


@dataclass(frozen=True)
class Options:
    """Presentation options shared by reporters."""

    color: bool = False
    show_all: bool = False  # include consistent verdicts
    min_severity: str = "info"
    extra: dict[str, str] = field(default_factory=dict)


Render = Callable[["Report", Options], str]
_REGISTRY: dict[str, Render] = {}
_loaded = False


def reporter(name: str) -> Callable[[Render], Render]:
    def deco(fn: Render) -> Render:
        _REGISTRY[name] = fn
        return fn

    return deco


def _load() -> None:
    global _loaded
    if not _loaded:
        for info in pkgutil.iter_modules(__path__):
            if not info.name.startswith("_"):
                importlib.import_module(f"{__name__}.{info.name}")
        _loaded = True


def names() -> list[str]:
    _load()
    return sorted(_REGISTRY)


def get(name: str) -> Render:
    _load()
    return _REGISTRY[name]
