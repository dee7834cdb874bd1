"""What the page's "add a relation" form shows for each rule kind, read off the kind's model.

A field is a *role* (filled with marked figures) when a value put in it comes back out of
the kind's ``claim_ids``; that is probed rather than listed, so a new rule kind appears
in the form without touching the page.  Other fields become options: a choice for a
``Literal``, a checkbox for a ``bool``, a text box otherwise.
"""

from __future__ import annotations

import types
import typing
from typing import Any, Literal, get_args, get_origin

from ..kinds import load_all
from ..kinds.base import Term
from ..model import RuleBase

__all__ = ["kind_forms"]

_PROBE = "zz_probe_"


def _strip_optional(ann: Any) -> tuple[Any, bool]:
    origin = get_origin(ann)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in get_args(ann) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return ann, False


def _shape(ann: Any) -> str | None:
    """'one' for an id, 'many' for a list of ids, 'terms' for a list of Terms, else None."""
    if ann is str:
        return "one"
    if get_origin(ann) is list:
        (item,) = get_args(ann) or (None,)
        if item is Term:
            return "terms"
        if item is str:
            return "many"
    return None


def _probe_value(shape: str, name: str) -> Any:
    ident = _PROBE + name
    if shape == "one":
        return ident
    if shape == "terms":
        return [Term(claim=ident)]
    return [ident]


def _probe_roles(kind: Any, name: str, shapes: dict[str, tuple[str, bool]]) -> set[str]:
    """Fields whose values come back from ``claim_ids``: the required ones together, then each
    optional one alone (kinds such as percent_change take exactly one of two)."""
    required = {k: _probe_value(s, k) for k, (s, optional) in shapes.items() if not optional}
    trials = [required] + [required | {k: _probe_value(s, k)} for k, (s, optional) in shapes.items() if optional]
    found: set[str] = set()
    for fields in trials:
        try:
            probe = kind.model.model_construct(id="probe", kind=name, **fields)
            found |= {c[len(_PROBE):] for c in kind.claim_ids(probe) if c.startswith(_PROBE)}
        except Exception:  # a kind whose claim_ids parses its fields (expr) has no roles
            continue
    return found


def kind_forms() -> list[dict[str, Any]]:
    """One form description per registered rule kind, sorted by name."""
    out = []
    for name, kind in sorted(load_all().items()):
        model = kind.model
        fields = {k: f for k, f in model.model_fields.items() if k not in RuleBase.model_fields}
        shapes: dict[str, tuple[str, bool]] = {}
        for fname, f in fields.items():
            ann, optional = _strip_optional(f.annotation)
            shape = _shape(ann)
            if shape is not None:
                shapes[fname] = (shape, optional or not f.is_required())
        roles_found = _probe_roles(kind, name, shapes)
        roles, options = [], []
        for fname, f in fields.items():
            desc = f.description or ""
            if fname in roles_found:
                shape, optional = shapes[fname]
                roles.append({"name": fname, "shape": shape, "required": not optional, "description": desc})
                continue
            ann, optional = _strip_optional(f.annotation)
            opt: dict[str, Any] = {"name": fname, "required": f.is_required(), "description": desc}
            if get_origin(ann) is Literal:
                opt["type"] = "choice"
                opt["choices"] = [str(a) for a in get_args(ann)]
            elif ann is bool:
                opt["type"] = "bool"
            elif get_origin(ann) is list:
                opt["type"] = "list"
            else:
                opt["type"] = "text"
            if not f.is_required() and f.default is not None:
                opt["default"] = f.default if isinstance(f.default, bool | int | str) else str(f.default)
            options.append(opt)
        out.append({"kind": name, "summary": getattr(kind, "summary", ""), "roles": roles, "options": options})
    return out
