"""Reading claim and rule files (YAML or JSON) into validated models, with exact locations.

Numbers are read as written (YAML floats become :class:`~decimal.Decimal`, never float).
Errors carry ``path:line:column: field: message (got value)``.  Parsing is fast
(:mod:`factcheck.yamlfast` for block-style YAML, else the C YAML loader where available;
:mod:`json` for JSON); positions come from composing the text again, only when something
is wrong or for the items of small files.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterable, Iterator, MutableMapping
from dataclasses import dataclass, field
from decimal import Decimal
from operator import is_
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from . import claimtable, gcpause, yamlfast
from .errors import ClaimFileError, InputError
from .model import RULE_READER, Claim, Document, RuleBase

__all__ = ["MAX_FILE_BYTES", "ClaimSet", "file_model", "load_paths", "load_text", "rule_adapter"]

#: Files larger than this are refused (override with FACTCHECK_MAX_FILE_BYTES).
MAX_FILE_BYTES = 16 * 1024 * 1024
SUFFIXES = (".yaml", ".yml", ".json")


def _max_bytes() -> int:
    try:
        return int(os.environ.get("FACTCHECK_MAX_FILE_BYTES", MAX_FILE_BYTES))
    except ValueError:
        return MAX_FILE_BYTES


_ADAPTERS: dict[str, Any] = {}


def _rule_type() -> Any:
    """``Annotated[SumRule | PartOfRule | ..., discriminator]`` over the registered kinds."""
    import functools
    import operator

    from . import kinds

    models = [k.model for k in kinds.load_all().values()]
    return Annotated[functools.reduce(operator.or_, models), Field(discriminator="kind")]


def rule_adapter() -> TypeAdapter[Any]:
    """A pydantic adapter for any rule, discriminated by ``kind``."""
    if "rule" not in _ADAPTERS:

        _ADAPTERS["rule"] = TypeAdapter(_rule_type())
    return _ADAPTERS["rule"]  # type: ignore[no-any-return]


def file_model() -> type[BaseModel]:
    """The model of one file: ``document``, ``claims`` and ``rules`` (all optional)."""
    if "file" not in _ADAPTERS:

        rule_t = _rule_type()

        class ClaimFile(BaseModel):
            """A claim file: the document it describes, its claims and its rules."""

            model_config = ConfigDict(extra="forbid", title="factcheck claim file")
            schema_: str | None = Field(default=None, alias="schema")
            document: Document | None = None
            documents: list[Document] = Field(default_factory=list)
            claims: list[Claim] = Field(default_factory=list)
            rules: list[rule_t] = Field(default_factory=list)  # type: ignore[valid-type]

        _ADAPTERS["file"] = ClaimFile
    return _ADAPTERS["file"]  # type: ignore[no-any-return]


Where = tuple[str, int | None, int | None]


class Origins(MutableMapping[str, Where]):
    """Where each item was read: ``origin["claims:ID"] == (path, line, column)``.

    A dict in use, stored per section and keyed by the items' own id strings, so that a
    file of 10^5 claims does not also hold 10^5 composed keys ("claims:ID"); the items of
    a file without positions share one tuple.
    """

    __slots__ = ("_by",)

    def __init__(self) -> None:
        self._by: dict[str, dict[str, Where]] = {}

    def __getitem__(self, key: str) -> Where:
        section, _, ident = key.partition(":")
        return self._by[section][ident]

    def __setitem__(self, key: str, value: Where) -> None:
        section, sep, ident = key.partition(":")
        if not sep:
            raise KeyError(f"expected 'section:id' (got {key!r})")
        self.put(section, ident, value)

    def __delitem__(self, key: str) -> None:
        section, _, ident = key.partition(":")
        del self._by[section][ident]

    def __iter__(self) -> Iterator[str]:
        for section, items in self._by.items():
            for ident in items:
                yield f"{section}:{ident}"

    def __len__(self) -> int:
        return sum(len(items) for items in self._by.values())

    def __repr__(self) -> str:
        return f"Origins({dict(self)!r})"

    def get(self, key: str, default: Any = None) -> Any:
        # Mapping.get would go through __getitem__ and catch its KeyError: a report of
        # 10^5 claims asks for each claim's origin several times.
        section, _, ident = key.partition(":")
        items = self._by.get(section)
        return default if items is None else items.get(ident, default)

    def put(self, section: str, ident: str, where: Where) -> None:
        """``self[f"{section}:{ident}"] = where`` without composing the key."""
        items = self._by.get(section)
        if items is None:
            items = self._by[section] = {}
        items[ident] = where

    def put_all(self, section: str, idents: Iterable[str], where: Where) -> None:
        """:meth:`put` of each of ``idents``, all read at ``where``."""
        items = self._by.get(section)
        if items is None:
            self._by[section] = dict.fromkeys(idents, where)
        else:
            items.update(dict.fromkeys(idents, where))

    def update(self, other: Any = (), /, **kw: Where) -> None:
        if isinstance(other, Origins) and not kw:
            for section, items in other._by.items():
                self._by.setdefault(section, {}).update(items)
        else:
            super().update(other, **kw)


@dataclass
class ClaimSet:
    """Everything read from a set of files, with where each item came from."""

    documents: dict[str, Document] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    rules: dict[str, RuleBase] = field(default_factory=dict)
    origin: Origins = field(default_factory=Origins)
    doc_of_file: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)  # document id -> source text if known
    #: What evaluating reads of each claim, read while the claims were loaded (one table
    #: per file, in order; :mod:`factcheck.claimtable`).  Used only while it describes
    #: ``claims`` exactly; None once a merged part had none.
    claim_tables: tuple[claimtable.ClaimTable, ...] | None = field(default=(), repr=False, compare=False)

    def add(self, other: ClaimSet) -> None:
        tables = claimtable.joined(self.claim_tables, len(self.claims), other.claim_tables, len(other.claims))
        self.claim_tables = None  # until every claim is in (a duplicate id stops halfway)
        for name in ("documents", "claims", "rules"):
            mine, theirs = getattr(self, name), getattr(other, name)
            for k, v in theirs.items():
                if k in mine:
                    p, ln, col = other.origin.get(f"{name}:{k}", (None, None, None))
                    q = self.origin.get(f"{name}:{k}", (None, None, None))
                    where = f" (first defined at {q[0]}:{q[1]})" if q[0] else ""
                    raise ClaimFileError(f"duplicate id {k!r}{where}", path=p, line=ln, column=col,
                                         field=f"{name[:-1]}.id")
                mine[k] = v
        self.claim_tables = tables
        self.origin.update(other.origin)
        self.doc_of_file.update(other.doc_of_file)
        self.texts.update(other.texts)


# -- YAML reading ---------------------------------------------------------------------

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FastLoader(_BaseLoader):  # type: ignore[misc]
    """Safe loader that keeps decimals exact, and reads only ``true`` and ``false`` as
    booleans (YAML 1.2): ``yes``, ``no``, ``on`` and ``off`` are text, so that an id,
    a reference or a language code such as ``no`` (Norwegian) is read as written."""


_BOOL = "tag:yaml.org,2002:bool"
_FastLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()}
_FastLoader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def _decimal(loader: Any, node: yaml.ScalarNode) -> Any:
    text = loader.construct_scalar(node)
    low = text.lower().lstrip("+-")
    if low in (".nan", ".inf"):
        return float(text.replace(".", "", 1).replace("nan", "nan"))  # validators reject it
    try:
        return Decimal(text.replace("_", ""))
    except ArithmeticError:
        return text


_FastLoader.add_constructor("tag:yaml.org,2002:float", _decimal)


class _PosLoader(_BaseLoader):  # type: ignore[misc]
    """Loader used only to compose nodes, whose marks say where each value sits.

    libyaml's marks count characters as PyYAML's do, and it composes about 40 times faster:
    positions of every item of a small file cost a millisecond.
    """


def _positions(text: str) -> dict[tuple[Any, ...], tuple[int, int]]:
    """Map each path (keys and list indices) to the (line, column) of its value, 1-based."""
    out: dict[tuple[Any, ...], tuple[int, int]] = {}
    try:
        root = yaml.compose(text, Loader=_PosLoader)
    except (yaml.YAMLError, RecursionError):
        return out

    def walk(node: Any, path: tuple[Any, ...]) -> None:
        out[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                key = k.value
                out[(*path, key, "__key__")] = (k.start_mark.line + 1, k.start_mark.column + 1)
                walk(v, (*path, key))
        elif isinstance(node, yaml.SequenceNode):
            for i, v in enumerate(node.value):
                walk(v, (*path, i))

    if root is not None:
        # Positions are a courtesy: on absurd nesting the error is still reported, without them.
        with contextlib.suppress(RecursionError):
            walk(root, ())
    return out


def _locate(pos: dict[tuple[Any, ...], tuple[int, int]], loc: tuple[Any, ...]) -> tuple[int | None, int | None]:
    # pydantic adds union tags ("sum") and sub-models to loc; drop what is not in the file.
    path: tuple[Any, ...] = ()
    best: tuple[int, int] | None = pos.get(())
    for part in loc:
        cand = (*path, part)
        if cand in pos:
            path = cand
            best = pos[cand]
    if best is None:
        return None, None
    return best


def _got(data: Any, loc: tuple[Any, ...]) -> Any:
    cur = data
    for part in loc:
        in_dict = isinstance(cur, dict) and part in cur
        in_list = isinstance(cur, list) and isinstance(part, int) and 0 <= part < len(cur)
        if in_dict or in_list:
            cur = cur[part]
    return cur


def _field_name(loc: tuple[Any, ...], data: Any) -> str:
    parts: list[str] = []
    cur = data
    for part in loc:
        if isinstance(cur, list) and isinstance(part, int) and part < len(cur):
            cur = cur[part]
            ident = cur.get("id") if isinstance(cur, dict) else None
            parts[-1:] = [f"{parts[-1] if parts else ''}[{ident or part}]"]
        elif isinstance(cur, dict) and part in cur:
            cur = cur[part]
            parts.append(str(part))
        # union tags such as 'sum' that are not keys are skipped
    return ".".join(parts)


def _parse(text: str, path: str, *, fast: bool = True) -> Any:
    if path.endswith(".json"):
        try:
            return _share_strings(json.loads(text, parse_float=Decimal, parse_constant=_bad_constant))
        except json.JSONDecodeError as exc:
            raise ClaimFileError(f"invalid JSON: {exc.msg}", path=path, line=exc.lineno,
                                 column=exc.colno) from None
        except ValueError as exc:
            raise ClaimFileError(str(exc), path=path) from None
    if fast:  # the common part of YAML without PyYAML's per-scalar objects; the rest below
        with contextlib.suppress(yamlfast.Unsupported):
            return yamlfast.load(text, _FastLoader.yaml_constructors, _FastLoader.yaml_implicit_resolvers)
    try:
        return yaml.load(text, Loader=_FastLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise ClaimFileError(
            f"invalid YAML: {exc.problem}", path=path,
            line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None,
        ) from None
    except yaml.YAMLError as exc:
        raise ClaimFileError(f"invalid YAML: {exc}", path=path) from None
    except RecursionError:
        raise ClaimFileError("invalid YAML: nested too deeply", path=path) from None
    except (ValueError, OverflowError) as exc:  # a value typed but not buildable: 2024-02-30
        raise _unbuildable(text, path, exc) from None


def _unbuildable(text: str, path: str, exc: Exception) -> ClaimFileError:
    """Say where the scalar sits that PyYAML typed but could not build (its constructors
    raise a plain ValueError, without a position): the first one in the document."""
    ctor = yaml.constructor.SafeConstructor()
    try:
        stack = [yaml.compose(text, Loader=_PosLoader)]
    except (yaml.YAMLError, RecursionError):
        stack = []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            build = _FastLoader.yaml_constructors.get(node.tag)
            try:
                if build is not None:
                    build(ctor, node)
            except (ValueError, OverflowError) as bad:
                got = node.value if len(node.value) <= 40 else node.value[:37] + "..."
                return ClaimFileError(f"invalid YAML: {str(bad).split(';')[0]} (got {got!r})", path=path,
                                      line=node.start_mark.line + 1, column=node.start_mark.column + 1)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in reversed(node.value) for n in reversed(pair))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
    return ClaimFileError(f"invalid YAML: {exc}", path=path)


def _share_strings(data: Any) -> Any:
    """Make equal strings in rules one object, the claim's own id for references.

    :mod:`json` makes a new string for every value, so each rule would hold its own copy
    of the ids it refers to and of its kind; the YAML readers share them already.
    """
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        return data
    memo: dict[str, str] = {}
    for c in data.get("claims") or ():
        ident = c.get("id") if isinstance(c, dict) else None
        if type(ident) is str:
            memo[ident] = ident
    share = memo.setdefault
    for r in data["rules"]:
        if isinstance(r, dict):
            for k, v in r.items():
                if type(v) is str:
                    r[k] = share(v, v)
                elif type(v) is list:
                    r[k] = [share(x, x) if type(x) is str else x for x in v]
    return data


def _bad_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number factcheck accepts")


def load_text(text: str, path: str = "<string>") -> ClaimSet:
    """Validate the text of one claim file; raise :class:`ClaimFileError` on any problem."""
    with gcpause.paused():
        return _load_text(text, path)


def _load_text(text: str, path: str, *, fast: bool = True) -> ClaimSet:
    data = _parse(text, path, fast=fast)
    if data is None:
        raise ClaimFileError("empty file: expected 'claims:' and/or 'rules:'", path=path, line=1)
    if not isinstance(data, dict):
        raise ClaimFileError(f"expected a mapping with 'claims' and 'rules' (got {type(data).__name__})",
                             path=path, line=1, column=1)
    model = file_model()
    try:
        with claimtable.reading() as reader, _reading_rules() as rules_read:
            parsed: Any = model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        loc = tuple(err["loc"])
        pos = _positions(text)
        line, col = _locate(pos, loc)
        got = _got(data, loc)
        msg = err["msg"]
        ctx_err = (err.get("ctx") or {}).get("error")
        if isinstance(ctx_err, InputError):
            msg = ctx_err.bare_message
        elif msg.startswith("Value error, "):
            msg = msg[len("Value error, "):]
        if "(got " not in msg and not isinstance(got, dict | list):
            msg = f"{msg} (got {got!r})"
        raise ClaimFileError(msg, path=path, line=line, column=col,
                             field=_field_name(loc, data) or None) from None
    except InputError as exc:  # raised directly by a validator (unit, period)
        raise ClaimFileError(exc.bare_message, path=path) from None
    cs = ClaimSet()
    pos_cache: dict[tuple[Any, ...], tuple[int, int]] | None = None

    def where(section: str, i: int) -> tuple[str, int | None, int | None]:
        nonlocal pos_cache
        if pos_cache is None:
            pos_cache = _positions(text) if len(text) < 2_000_000 else {}
        ln, col = pos_cache.get((section, i), (None, None))
        return path, ln, col

    docs = list(parsed.documents) + ([parsed.document] if parsed.document else [])
    for d in docs:
        cs.documents[d.id] = d
    default_doc = docs[0].id if len(docs) == 1 else None
    if default_doc:
        cs.doc_of_file[path] = default_doc
    here = (path, None, None)
    table = reader.table(parsed.claims)
    cs.claim_tables = None if table is None else (table,)
    read_ids = (reader.ids if table is not None else None, rules_read.ids_of(parsed.rules))
    for (section, items), ids in zip((("claims", parsed.claims), ("rules", parsed.rules)), read_ids, strict=True):
        if ids is not None:
            # Filed by the ids read while each item was in the cache: a pass over the items
            # here would fetch each from memory again.
            filed = dict(zip(ids, items, strict=True))
            if len(filed) == len(items):  # else an id is repeated: said below
                setattr(cs, section, filed)
                cs.origin.put_all(section, filed, here)
                continue
        store: dict[str, Any] = getattr(cs, section)
        put = cs.origin.put
        for i, item in enumerate(items):
            if item.id in store:
                p, ln, col = where(section, i)
                first = next(j for j, other in enumerate(items) if other.id == item.id)
                raise ClaimFileError(f"duplicate id {item.id!r} (first at item {first})",
                                     path=p, line=ln, column=col, field=f"{section}[{i}].id")
            store[item.id] = item
            put(section, item.id, here)
    _index_positions(cs, parsed, path, where)
    return cs


class _RulesRead:
    """The rules validation made, in order, with their ids read as each was made."""

    def __init__(self) -> None:
        self.rules: list[RuleBase] = []
        self.ids: list[str] = []
        keep, name = self.rules.append, self.ids.append

        def add(rule: RuleBase) -> None:
            keep(rule)
            name(rule.id)

        self.add = add

    def ids_of(self, rules: list[RuleBase]) -> list[str] | None:
        """The ids of ``rules`` if they are the rules read, in order; else None."""
        mine = self.rules
        if len(mine) != len(rules) or not all(map(is_, mine, rules)):
            return None
        return self.ids


@contextlib.contextmanager
def _reading_rules() -> Iterator[_RulesRead]:
    read = _RulesRead()
    with claimtable.given(RULE_READER, read.add):
        yield read


def _index_positions(cs: ClaimSet, parsed: Any, path: str, where: Any) -> None:
    n = len(parsed.claims) + len(parsed.rules)
    if n > 5000:
        return  # large machine-written files: skip positions (they are only for display)
    for section, items in (("claims", parsed.claims), ("rules", parsed.rules)):
        for i, item in enumerate(items):
            cs.origin[f"{section}:{item.id}"] = where(section, i)


def read_file(path: Path) -> str:
    """Read a UTF-8 file with size limits and one-line errors."""
    p = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path=p) from None
    limit = _max_bytes()
    if size > limit:
        raise InputError(f"file too large: {size:,} bytes (limit {limit:,}; set "
                         "FACTCHECK_MAX_FILE_BYTES to raise it)", path=p)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path=p) from None
    if b"\x00" in raw[:8192]:
        raise InputError("binary file: not UTF-8 text", path=p)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(f"invalid UTF-8 at byte {exc.start}", path=p, line=line) from None
    return text


def expand(paths: list[Path]) -> list[Path]:
    """Files named, plus claim files found in folders (sorted, for stable output)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*") if q.is_file() and q.suffix in SUFFIXES
                              and not any(part.startswith(".") for part in q.parts)))
        elif p.exists():
            out.append(p)
        else:
            raise InputError("no such file or directory", path=str(p))
    return out


def load_paths(paths: list[Path]) -> ClaimSet:
    """Load and merge claim files; ids must be unique across all of them."""
    cs = ClaimSet()
    for p in expand(paths):
        text = read_file(p)
        cs.add(load_text(text, str(p)))
    _check_references(cs)
    return cs


def _check_references(cs: ClaimSet) -> None:
    from . import kinds

    reg = kinds.load_all()
    for rid, rule in cs.rules.items():
        kind = reg[rule.kind]
        for cid in kind.claim_ids(rule):
            if cid not in cs.claims:
                p, ln, col = cs.origin.get(f"rules:{rid}", (None, None, None))
                raise ClaimFileError(f"rule refers to unknown claim {cid!r}", path=p, line=ln,
                                     column=col, field=f"rules[{rid}]")
