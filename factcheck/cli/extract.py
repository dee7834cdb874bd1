"""``factcheck extract``: read the figures of an article into a claim file an editor reviews."""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

__all__ = ["register", "render_json", "render_yaml", "run"]


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("extract", help="extract the figures of an article as claims",
                       description="Read the figures of a plain-text, Markdown or HTML article into "
                       "claims (YAML that `factcheck check` loads, or a JSON report version 1).")
    p.add_argument("article", type=Path, help="the article (.txt, .md, .html)")
    p.add_argument("--lang", choices=["fa", "en", "auto"], default="auto",
                   help="language of the article (default: detect per paragraph)")
    p.add_argument("--format", "-f", choices=["yaml", "json"], default="yaml", help="output format")
    p.add_argument("--output", "-o", type=Path, help="write to this file instead of standard output")
    p.add_argument("--with-rules", action="store_true",
                   help="also write the relations inferred between the figures (rules with their evidence "
                   "and confidence), so that `factcheck check` on the file gives the article's findings")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..extract import extract
    from ..extract.source import from_file
    from ..files import read_file

    path: Path = args.article
    if path.is_dir():
        from ..errors import InputError

        raise InputError("is a directory: expected an article file", path=str(path))
    raw = read_file(path)
    src = from_file(path, raw)
    lang = None if args.lang == "auto" else args.lang
    rules: list[Any] = []
    if getattr(args, "with_rules", False):
        from ..articles import article_inference

        # spans come back in the original file already (Markdown and HTML included)
        _doc, claims, rules = article_inference(raw, str(path), lang, prefix=False)
    else:
        claims = extract(src.text, lang=lang)
        if src.text is not raw:
            claims = [_remap(c, src) for c in claims]
    doc_lang = lang or _majority_lang(claims) or _detect(src.text)
    out = (render_json if args.format == "json" else render_yaml)(claims, str(path), doc_lang, rules)
    if args.output is not None:
        args.output.write_text(out, encoding="utf-8")
    else:
        sys.stdout.write(out)
    return 0


def _remap(claim: Any, src: Any) -> Any:
    from ..model import Source

    s, e = src.span(*claim.source.span)
    return claim.model_copy(update={"source": Source(span=(s, e), quote=src.original[s:e])})


def _majority_lang(claims: list[Any]) -> str | None:
    langs = Counter(c.lang for c in claims if c.lang)
    return langs.most_common(1)[0][0] if langs else None


def _detect(text: str) -> str:
    from ..extract import detect

    return detect(text)


def document_id(path: str) -> str:
    """A claim-file id for an article path: its file name without suffix, made a valid id."""
    stem = Path(path).stem or "article"
    ident = re.sub(r"[^\w.\-\u0600-\u06FF]", "_", stem)
    if not re.match(r"[A-Za-z_\u0600-\u06FF]", ident):
        ident = "doc_" + ident
    return ident


def _claim_dict(claim: Any, doc: str) -> dict[str, Any]:
    d: dict[str, Any] = claim.model_dump(mode="python", exclude_none=True, exclude_defaults=False)
    d.pop("signed", None) if not claim.signed else None
    if not d.get("ignore"):
        d.pop("ignore", None)
    if "source" in d:
        d["source"] = {"document": doc, **d["source"]}
        d["source"]["span"] = list(d["source"]["span"])
    if "subject" in d:
        d["subject"] = {k: (list(v) if isinstance(v, tuple) else v) for k, v in d["subject"].items()
                        if v not in ((), None)}
        if not d["subject"]:
            d.pop("subject")
    if "period" in d:
        d["period"] = {k: v for k, v in d["period"].items() if v is not None}
    d["hedge"] = claim.hedge.value
    return d


def _rule_dict(rule: Any) -> dict[str, Any]:
    d: dict[str, Any] = rule.model_dump(mode="python", exclude_defaults=True, exclude_none=True)
    return {"id": rule.id, "kind": rule.kind, **{k: v for k, v in d.items() if k not in ("id", "kind")}}


def render_yaml(claims: list[Any], path: str, lang: str, rules: list[Any] | None = None) -> str:
    """A claim file: ``document`` (path, lang), the claims and any rules, loadable by ``factcheck check``."""
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def decimal(dumper: yaml.SafeDumper, v: Decimal) -> yaml.Node:
        if v == v.to_integral_value() and v.as_tuple().exponent >= 0:  # type: ignore[operator]
            return dumper.represent_int(int(v))
        return dumper.represent_scalar("tag:yaml.org,2002:float", format(v, "f"))

    Dumper.add_representer(Decimal, decimal)
    doc = document_id(path)
    data = {
        "schema": "factcheck-claims/1",
        "document": {"id": doc, "path": path, "lang": lang},
        "claims": [_claim_dict(c, doc) for c in claims],
    }
    if rules:
        data["rules"] = [_rule_dict(r) for r in rules]
    head = (f"# Figures read from {path} by `factcheck extract`; review before relying on them.\n"
            + ("# Rules were inferred from the article's words (see docs/inference.md); each has its evidence\n"
               "# and a confidence: review them, then run `factcheck check`.\n" if rules else
               "# Add rules (see docs/rules.md) to relate them, then run `factcheck check`.\n"))
    return head + yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=120)


def render_json(claims: list[Any], path: str, lang: str, rules: list[Any] | None = None) -> str:
    """Report version 1 (docs/report.md) with the claims, and the findings of any rules."""
    from ..files import ClaimSet
    from ..model import Document
    from ..pipeline import check_claimset

    doc = document_id(path)
    cs = ClaimSet()
    cs.documents[doc] = Document(id=doc, path=path, lang=lang)
    for c in claims:
        src = c.source.model_copy(update={"document": doc})
        cs.claims[c.id] = c.model_copy(update={"source": src})
        cs.origin[f"claims:{c.id}"] = (path, None, None)
    for r in rules or ():
        cs.rules[r.id] = r
        cs.origin[f"rules:{r.id}"] = (path, None, None)
    from .. import jsontext

    report = check_claimset(cs, paths=[path])
    return jsontext.dumps(report.to_dict()) + "\n"
