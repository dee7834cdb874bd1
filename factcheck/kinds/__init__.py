"""Rule kinds: one module each, found by a registry.

A kind declares its pydantic model (the fields a rule of that kind has in a file), the
claims it touches, how it compiles to interval constraints, and how it explains a
violation.  Adding a kind is adding one module here plus its tests and examples.
"""

from __future__ import annotations

import importlib
import pkgutil

from .base import Builder, Explainer, Explanation, RuleKind, Term

__all__ = ["REGISTRY", "Builder", "Explainer", "Explanation", "RuleKind", "Term", "get", "load_all"]

REGISTRY: dict[str, RuleKind] = {}
_loaded = False


def register(kind: RuleKind) -> RuleKind:
    REGISTRY[kind.name] = kind
    return kind


def load_all() -> dict[str, RuleKind]:
    """Import every kind module in this package (once) and return the registry."""
    global _loaded
    if not _loaded:
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
            if info.name != "base" and not info.name.startswith("_"):
                importlib.import_module(f"{__name__}.{info.name}")
        _loaded = True
    return REGISTRY


def get(name: str) -> RuleKind:
    return load_all()[name]
