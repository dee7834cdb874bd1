"""Project configuration: ``[tool.factcheck]`` in pyproject.toml or a ``factcheck.toml``.

The file is found from the current directory upwards (in each folder ``factcheck.toml``
wins over ``pyproject.toml``; a pyproject.toml without ``[tool.factcheck]`` is passed
over).  Every effective value remembers where it came from — the built-in default, a
``file:line`` or a command-line option — so ``factcheck config`` can show it.  Unknown
keys and bad values are errors naming the file and line.  Keys (see docs/cli.md):

=================  ==========================================================
``paths``          what ``factcheck check`` checks with no arguments (globs allowed)
``language``       ``fa``, ``en`` or ``auto`` (articles)
``fail-level``     lowest severity that makes the exit code 1
``display-level``  lowest severity shown
``enable``         codes (or names, or prefixes such as ``FC1``) to report; default all
``disable``        codes not to report
``severity``       table: code -> ``error`` | ``warning`` | ``info``
``baseline``       a baseline file, as with ``--baseline``
``rounding``       ``significant`` or ``last-digit`` (see docs/semantics.md)
``tolerances``     table: hedge -> ``{below = 0.1, above = 0.1}`` (``inf``: unbounded)
``languages``      table: language -> hedge -> tolerance, overriding ``tolerances``
``calendars``      table: language -> ``gregorian`` | ``persian`` | ``any``
``integer-counts`` ``true``: read counts of things as whole numbers (docs/semantics.md)
=================  ==========================================================
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, ValidationError, field_validator

from .errors import InputError
from .findings import Severity
from .model import Hedge
from .semantics import DEFAULT_POLICY, Policy, Tolerance

__all__ = ["CONFIG_FILES", "Config", "ConfigError", "discover", "load", "resolve", "select_codes"]

#: Searched for in each folder, in this order.
CONFIG_FILES = ("factcheck.toml", "pyproject.toml")
DEFAULT_PATHS = ("claims", "rules")
Level = Literal["error", "warning", "info"]
Calendar = Literal["gregorian", "persian", "any"]


class ConfigError(InputError):
    """A configuration file that cannot be read or holds an unknown key or a bad value."""


# -- the file model -------------------------------------------------------------------

def _tol_bound(v: Any) -> Any:
    """TOML numbers arrive as Decimal; ``inf`` means unbounded (``None`` in a Policy)."""
    if isinstance(v, bool):
        raise ValueError(f"expected a number (got {v!r})")
    if isinstance(v, int | str):
        try:
            v = Decimal(v)
        except ArithmeticError:
            raise ValueError(f"expected a number (got {v!r})") from None
    if isinstance(v, Decimal):
        if v.is_nan():
            raise ValueError("expected a number (got nan)")
        if v.is_infinite():
            if v < 0:
                raise ValueError("must be >= 0 (got -inf)")
            return None
        if v < 0:
            raise ValueError(f"must be >= 0 (got {v})")
        return v
    raise ValueError(f"expected a number (got {v!r})")


class _ToleranceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    below: Decimal | None = None
    above: Decimal | None = None

    @field_validator("below", "above", mode="before")
    @classmethod
    def _bound(cls, v: Any) -> Any:
        return _tol_bound(v)


class _FileConfig(BaseModel):
    """What a configuration table may hold; kebab-case keys as in other pyproject tools."""

    model_config = ConfigDict(extra="forbid", populate_by_name=False)

    paths: list[str] | None = None
    language: Literal["fa", "en", "auto"] | None = None
    fail_level: Level | None = Field(default=None, alias="fail-level")
    display_level: Level | None = Field(default=None, alias="display-level")
    enable: list[str] | None = None
    disable: list[str] | None = None
    severity: dict[str, Level] | None = None
    baseline: str | None = None
    rounding: Literal["significant", "last-digit"] | None = None
    tolerances: dict[Hedge, _ToleranceIn] | None = None
    languages: dict[str, dict[Hedge, _ToleranceIn]] | None = None
    calendars: dict[str, Calendar] | None = None
    integer_counts: StrictBool | None = Field(default=None, alias="integer-counts")


KEYS = tuple((f.alias or name) for name, f in _FileConfig.model_fields.items())


# -- the effective configuration ------------------------------------------------------

@dataclass(frozen=True)
class Config:
    """The effective configuration and where each value came from."""

    path: Path | None = None  # the configuration file, if any
    root: Path = field(default_factory=Path)  # folder that relative paths start from
    paths: tuple[str, ...] = DEFAULT_PATHS
    language: str = "auto"
    fail_level: Severity = Severity.error
    display_level: Severity = Severity.info
    enable: tuple[str, ...] | None = None  # None: every code
    disable: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    baseline: Path | None = None
    policy: Policy = DEFAULT_POLICY
    #: dotted key (``fail-level``, ``tolerances.about``, ``severity.FC002``) -> source
    origin: dict[str, str] = field(default_factory=dict)

    def source(self, key: str) -> str:
        return self.origin.get(key, "default")

    def lang(self) -> str | None:
        return None if self.language == "auto" else self.language

    def check_paths(self) -> list[Path]:
        """The configured paths, globs expanded, relative to the configuration's folder."""
        out: list[Path] = []
        for p in self.paths:
            base = self.root / p if not Path(p).is_absolute() else Path(p)
            if any(ch in p for ch in "*?["):
                anchor = Path(base.anchor) if base.is_absolute() else Path()
                out.extend(sorted(anchor.glob(str(base.relative_to(anchor)))))
            elif "paths" not in self.origin and not base.exists():
                continue  # the default claims/ and rules/ are used only where present
            else:
                out.append(base)
        return [_pretty(p) for p in out]

    def with_options(self, **opts: tuple[Any, str] | None) -> Config:
        """Override fields from the command line: ``fail_level=(Severity.warning, '--fail-level')``."""
        changes: dict[str, Any] = {}
        origin = dict(self.origin)
        for name, got in opts.items():
            if got is None:
                continue
            value, flag = got
            changes[name] = value
            origin[name.replace("_", "-")] = flag
        return replace(self, **changes, origin=origin)


def _pretty(p: Path) -> Path:
    """Paths under the current folder are shown relative to it, as a user would type them."""
    try:
        return p.resolve().relative_to(Path.cwd().resolve()) if p.is_absolute() else p
    except ValueError:
        return p


# -- finding and reading files --------------------------------------------------------

def discover(start: Path | None = None) -> Path | None:
    """The configuration file that applies in ``start`` (default: the current folder)."""
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        for name in CONFIG_FILES:
            f = d / name
            if not f.is_file():
                continue
            if name == "pyproject.toml" and not _mentions_factcheck(f):
                continue
            return f
    return None


def _mentions_factcheck(f: Path) -> bool:
    # A cheap look first: an unrelated pyproject.toml further up must not break the run.
    try:
        text = f.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if "factcheck" not in text:
        return False
    data = _parse(text, f)
    return isinstance(data.get("tool"), dict) and "factcheck" in data["tool"]


_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")


def _parse(text: str, path: Path) -> dict[str, Any]:
    try:
        # Decimal keeps tolerances exact ("0.1" stays one tenth).
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = _TOML_POS.search(msg)
        line = int(m.group(1)) if m else None
        col = int(m.group(2)) if m else None
        msg = _TOML_POS.sub("", msg).strip()
        raise ConfigError(f"invalid TOML: {msg}", path=_display(path), line=line, column=col) from None


def _display(path: Path) -> str:
    return str(_pretty(path.absolute()))


def load(path: Path) -> Config:
    """Read one configuration file (a pyproject.toml uses its ``[tool.factcheck]`` table)."""
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise ConfigError("configuration file not found", path=_display(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read configuration file: {exc}", path=_display(path)) from None
    data = _parse(text, path)
    prefix: tuple[str, ...] = ()
    if path.name == "pyproject.toml":
        prefix = ("tool", "factcheck")
        table = data.get("tool", {}).get("factcheck", {}) if isinstance(data.get("tool"), dict) else {}
    else:
        table = data
    where = _KeyLocator(text, prefix, _display(path))
    if not isinstance(table, dict):
        raise where.error((), f"expected a table (got {table!r})")
    try:
        fc = _FileConfig.model_validate(table)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        loc = tuple(p for p in err["loc"] if p != "[key]")
        raise where.error(loc, _message(err, loc)) from None
    return _build(fc, table, where, path)


def _message(err: Any, loc: tuple[Any, ...]) -> str:
    if err["type"] == "extra_forbidden":
        parent = loc[:-1]
        if not parent:
            expected = ", ".join(KEYS)
        elif (parent[0], len(loc)) in (("tolerances", 3), ("languages", 4)):  # ... .about.<key>
            expected = "below, above"
        else:
            expected = ""
        return f"unknown key {loc[-1]!r}" + (f" (expected one of: {expected})" if expected else "")
    msg = str(err["msg"])
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    if "(got " not in msg and not isinstance(err.get("input"), dict | list):
        msg = f"{msg} (got {err.get('input')!r})"
    return msg


def _build(fc: _FileConfig, table: dict[str, Any], where: _KeyLocator, path: Path) -> Config:
    origin: dict[str, str] = {}

    def mark(*key: str) -> None:
        origin[".".join(key)] = where.source(key)

    cfg = Config(path=path, root=path.parent)
    changes: dict[str, Any] = {}
    if fc.paths is not None:
        changes["paths"] = tuple(fc.paths)
        mark("paths")
    if fc.language is not None:
        changes["language"] = fc.language
        mark("language")
    if fc.fail_level is not None:
        changes["fail_level"] = Severity(fc.fail_level)
        mark("fail-level")
    if fc.display_level is not None:
        changes["display_level"] = Severity(fc.display_level)
        mark("display-level")
    if fc.enable is not None:
        changes["enable"] = tuple(_codes(fc.enable, where, "enable"))
        mark("enable")
    if fc.disable is not None:
        changes["disable"] = tuple(_codes(fc.disable, where, "disable"))
        mark("disable")
    if fc.severity is not None:
        sev: dict[str, Severity] = {}
        for key, level in fc.severity.items():
            (code,) = _codes([key], where, "severity", as_key=True)
            sev[code] = Severity(level)
            origin[f"severity.{code}"] = where.source(("severity", key))
        changes["severity"] = sev
    if fc.baseline is not None:
        changes["baseline"] = _pretty((path.parent / fc.baseline).absolute())
        mark("baseline")
    pol: dict[str, Any] = {}
    if fc.rounding is not None:
        pol["rounding"] = fc.rounding
        mark("rounding")
    if fc.tolerances is not None:
        tol = dict(DEFAULT_POLICY.tolerances)
        for hedge, t in fc.tolerances.items():
            tol[hedge] = _tolerance(t, tol[hedge], table["tolerances"], hedge)
            mark("tolerances", hedge.value)
        pol["tolerances"] = tol
    if fc.languages is not None:
        langs: dict[str, dict[Hedge, Tolerance]] = {}
        for lang, per in fc.languages.items():
            base = pol.get("tolerances", DEFAULT_POLICY.tolerances)
            langs[lang] = {h: _tolerance(t, base[h], table["languages"][lang], h) for h, t in per.items()}
            for h in per:
                mark("languages", lang, h.value)
        pol["languages"] = langs
    if fc.calendars is not None:
        cals = dict(DEFAULT_POLICY.calendars)
        for lang, cal in fc.calendars.items():
            cals[lang] = cal
            mark("calendars", lang)
        pol["calendars"] = cals
    if fc.integer_counts is not None:
        pol["integer_counts"] = fc.integer_counts
        mark("integer-counts")
    if pol:
        changes["policy"] = DEFAULT_POLICY.model_copy(update=pol)
    return replace(cfg, **changes, origin=origin)


def _tolerance(t: _ToleranceIn, default: Tolerance, raw: dict[str, Any], hedge: Hedge) -> Tolerance:
    """A partial tolerance keeps the default for the side it does not name."""
    given = raw.get(hedge.value, {})
    below = t.below if "below" in given else default.below
    above = t.above if "above" in given else default.above
    return Tolerance(below=below, above=above)


def _codes(items: Iterable[str], where: _KeyLocator, key: str, *, as_key: bool = False) -> list[str]:
    """Resolve codes, names, aliases and prefixes (``FC1``) to codes; unknown ones are errors."""
    from .codes import CATALOGUE, lookup

    out: list[str] = []
    for i, item in enumerate(items):
        try:
            out.append(lookup(item).code)
            continue
        except KeyError:
            pass
        matches = sorted(c for c in CATALOGUE if re.fullmatch(r"FC\d{0,2}", item) and c.startswith(item))
        if matches and not as_key:
            out.extend(matches)
            continue
        loc = (key, item) if as_key else (key, i)
        raise where.error(loc, f"unknown code {item!r} (see `factcheck rules`)")
    return out


def select_codes(cfg: Config) -> set[str] | None:
    """Codes whose findings are reported, or None when every code is."""
    from .codes import CATALOGUE

    if cfg.enable is None and not cfg.disable:
        return None
    chosen = set(CATALOGUE) if cfg.enable is None else set(cfg.enable)
    return chosen - set(cfg.disable)


def resolve(explicit: Path | None = None, *, isolated: bool = False, start: Path | None = None) -> Config:
    """The configuration to use: ``explicit`` if given, else the one discovered, else defaults."""
    if isolated:
        return Config()
    path = explicit if explicit is not None else discover(start)
    return Config() if path is None else load(path)


# -- where a key is in the file ------------------------------------------------------

_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_PART = r"""(?:[A-Za-z0-9_\-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_KEY = re.compile(rf"\s*({_PART}(?:\s*\.\s*{_PART})*)\s*=")


def _split_key(key: str) -> tuple[str, ...]:
    parts = re.findall(_PART, key)
    return tuple(p[1:-1] if p[:1] in "\"'" else p for p in parts)


class _KeyLocator:
    """Maps TOML key paths to their (line, column); tomllib itself keeps no positions."""

    def __init__(self, text: str, prefix: tuple[str, ...], path: str) -> None:
        self.prefix = prefix
        self.path = path
        self.pos: dict[tuple[str, ...], tuple[int, int]] = {}
        table: tuple[str, ...] = ()
        for n, line in enumerate(text.splitlines(), 1):
            h = _HEADER.match(line)
            if h and "=" not in h.group(1):
                table = _split_key(h.group(1))
                self.pos.setdefault(table, (n, line.index("[") + 1))
                continue
            m = _KEY.match(line)
            if m:
                key = (*table, *_split_key(m.group(1)))
                self.pos.setdefault(key, (n, m.start(1) + 1))
                self._inline(line, m.end(), key, n)

    def _inline(self, line: str, i: int, base: tuple[str, ...], n: int) -> None:
        """Keys inside inline tables on one line: ``about = {below = 0.1, above = 0.1}``."""
        stack = [base]
        last = base
        expect_key = False
        while i < len(line):
            c = line[i]
            if c in "\"'":
                end = line.find(c, i + 1)
                i = len(line) if end < 0 else end + 1
                continue
            if c == "#":
                break
            if c == "{":
                stack.append(last)
                expect_key = True
            elif c == "}" and len(stack) > 1:
                stack.pop()
            elif c == "," and len(stack) > 1:
                expect_key = True
            elif expect_key and not c.isspace():
                m = _KEY.match(line, i)
                if m:
                    last = (*stack[-1], *_split_key(m.group(1)))
                    self.pos.setdefault(last, (n, m.start(1) + 1))
                    i = m.end()
                expect_key = False
                continue
            i += 1

    def find(self, loc: tuple[Any, ...]) -> tuple[int | None, int | None]:
        """The deepest position known along ``loc`` (list indices fall back to their key)."""
        best = self.pos.get(self.prefix, (None, None))
        path = self.prefix
        for part in loc:
            if isinstance(part, int):
                continue
            path = (*path, str(part))
            if path in self.pos:
                best = self.pos[path]
        return best

    def source(self, key: tuple[str, ...]) -> str:
        line, _ = self.find(key)
        return f"{self.path}:{line}" if line else self.path

    def error(self, loc: tuple[Any, ...], message: str) -> ConfigError:
        line, col = self.find(loc)
        dotted = ".".join(str(p) for p in (*self.prefix, *loc) if not isinstance(p, int))
        return ConfigError(message, path=self.path, line=line, column=col, field=dotted or None)


def apply_codes(report: Any, cfg: Config) -> None:
    """Give findings their configured severity; findings of codes not enabled get ``none``.

    A finding at severity ``none`` is neither shown nor counted towards the exit code, but
    stays in the JSON report so the verdict on every rule is still there.
    """
    chosen = select_codes(cfg)
    if chosen is None and not cfg.severity:
        return
    changes = {}
    # Findings not made yet are consistent ones, with no code: nothing to change there.
    for i, f in report.findings.made_items():
        if f.code is not None:
            if chosen is not None and f.code not in chosen:
                changes[i] = replace(f, severity=Severity.none)
            elif f.code in cfg.severity:
                changes[i] = replace(f, severity=cfg.severity[f.code])
    report.evaluation.findings = report.findings.replaced(changes)
