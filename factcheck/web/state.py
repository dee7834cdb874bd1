"""The page's state (article text, claims, rules) as API models, claim-file YAML and a ClaimSet.

The state is validated with the claim-file model itself, so what the editor downloads is
exactly what was checked; a state that is refused is written as claim-file YAML and read
back with :func:`factcheck.files.load_text`, so a bad correction gets the same
``field: message (got value)`` error a file would.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import InputError
from ..files import ClaimSet, _check_references, file_model, load_text

__all__ = ["MAX_TEXT_CHARS", "ArticleIn", "ClaimFile", "ClaimFilesIn", "StateIn", "claimset", "to_yaml"]

#: Longest article accepted, in code points (a long feature is ~30,000).
MAX_TEXT_CHARS = 500_000
#: The claim-file schema tag written into downloads.
CLAIMS_SCHEMA = "factcheck-claims/1"
DEFAULT_DOC_ID = "article"


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, max_length=MAX_TEXT_CHARS,
                             description="the article as plain text; claim spans index it in code points")
    name: str = Field(default="article.txt", max_length=300, pattern=r"^[^\x00-\x1f/\\]+$",
                      description="file name of the article, used as its path in reports")
    lang: Literal["fa", "en"] | None = Field(default=None, description="language; null to detect")


class ArticleIn(_In):
    """An article to extract figures from and infer relations for."""

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)


class ClaimFile(BaseModel):
    """One claim file's name and text."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=300, pattern=r"^[^\x00-\x1f/\\]+\.(ya?ml|json)$",
                      description="file name; .json is read as JSON, .yaml or .yml as YAML")
    content: str = Field(max_length=MAX_TEXT_CHARS * 4, description="the file's text")


class ClaimFilesIn(_In):
    """Claim files opened in the page (claims and rules may be in separate files), with the
    article text they describe if it was pasted."""

    files: list[ClaimFile] = Field(min_length=1, max_length=50)


class StateIn(_In):
    """The page's state: the article and the claims and rules about it (claim-file fields)."""

    document: dict[str, Any] | None = Field(
        default=None, description="the document entry of a claim file (id, path, lang, title)")
    claims: list[dict[str, Any]] = Field(
        default_factory=list, max_length=5000,
        description="claims as in a claim file (see `factcheck schema`); give numbers as strings "
        "to keep the digits as written")
    rules: list[dict[str, Any]] = Field(default_factory=list, max_length=5000,
                                        description="rules as in a claim file")


def _document(state: StateIn) -> dict[str, Any]:
    doc: dict[str, Any] = dict(state.document or {})
    doc.setdefault("id", DEFAULT_DOC_ID)
    doc.setdefault("path", state.name)
    if state.lang and not doc.get("lang"):
        doc["lang"] = state.lang
    return {k: v for k, v in doc.items() if v is not None}


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes decimals as YAML numbers with their digits as written (no floats, no exponents)."""


def _decimal(dumper: Any, d: Decimal) -> yaml.ScalarNode:
    text = format(d, "f")
    tag = "tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int"
    node: yaml.ScalarNode = dumper.represent_scalar(tag, text)
    return node


_Dumper.add_representer(Decimal, _decimal)


_PLAIN_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
_NUMBER_FIELDS = ("value", "value_max", "precision", "scale")


def _numbers(claim: dict[str, Any]) -> dict[str, Any]:
    """ASCII numeric strings (how the page sends numbers) become YAML numbers, digits kept."""
    out = dict(claim)
    for k in _NUMBER_FIELDS:
        v = out.get(k)
        if isinstance(v, str) and _PLAIN_NUMBER.match(v):
            out[k] = Decimal(v)
    return out


def _file_data(state: StateIn) -> dict[str, Any]:
    return {"schema": CLAIMS_SCHEMA, "document": _document(state),
            "claims": [_numbers(c) for c in state.claims], "rules": state.rules}


def to_yaml(state: StateIn) -> str:
    """The state as a claim file (``document``, ``claims``, ``rules``) in YAML."""
    return yaml.dump(_file_data(state), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


class _Refused(Exception):
    """The fast path saw something wrong; the claim-file path will say what, and where."""


def _fast(data: dict[str, Any], name: str) -> ClaimSet:
    """The claim file's model validated straight from the state, without writing YAML.

    Every correction goes through here, so it must be quick; it accepts exactly what
    :func:`load_text` accepts (the same model), and on anything else the caller falls back
    to :func:`load_text` for its located ``field: message (got value)`` error.
    """
    try:
        parsed: Any = file_model().model_validate(data)
    except (ValidationError, InputError):
        raise _Refused from None
    cs = ClaimSet()
    docs = list(parsed.documents) + ([parsed.document] if parsed.document else [])
    for d in docs:
        cs.documents[d.id] = d
    if len(docs) == 1:
        cs.doc_of_file[name] = docs[0].id
    for section, items in (("claims", parsed.claims), ("rules", parsed.rules)):
        store: dict[str, Any] = getattr(cs, section)
        for item in items:
            if item.id in store:
                raise _Refused
            store[item.id] = item
            cs.origin[f"{section}:{item.id}"] = (name, None, None)
    try:
        _check_references(cs)
    except InputError:
        raise _Refused from None
    return cs


def claimset(state: StateIn) -> ClaimSet:
    """Validate the state as a claim file and attach the article text to its document.

    Raises :class:`~factcheck.errors.ClaimFileError` for anything a claim file may not say.
    """
    name = f"{state.name}.claims.yaml"
    try:
        cs = _fast(_file_data(state), name)
    except _Refused:
        cs = load_text(to_yaml(state), name)  # raises the error a claim file would get
        _check_references(cs)
    if state.text is not None:
        doc = _document(state)
        cs.texts[doc["id"]] = state.text
    return cs


def dump_claimset(cs: ClaimSet) -> dict[str, Any]:
    """A ClaimSet (from extraction and inference) as state fields, in JSON-safe form."""
    claims = [c.model_dump(mode="json", exclude_defaults=True) for c in cs.claims.values()]
    rules = [r.model_dump(mode="json", exclude_defaults=True) | {"kind": r.kind} for r in cs.rules.values()]
    for c, model in zip(claims, cs.claims.values(), strict=True):
        # Decimals dump as strings in JSON mode; that keeps digits as written, which is wanted.
        c.setdefault("id", model.id)
    docs = list(cs.documents.values())
    return {"document": docs[0].model_dump(mode="json", exclude_none=True) if len(docs) == 1 else None,
            "claims": claims, "rules": rules}
