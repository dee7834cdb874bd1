"""An article in, a claim set out: extraction, then rule inference, with spans into the file.

``factcheck check article.txt`` needs no hand-written rules: the figures are extracted
(:mod:`factcheck.extract`), the relations the words state are inferred
(:mod:`factcheck.infer`), and the result is an ordinary :class:`~factcheck.files.ClaimSet`
whose document keeps the article's own text, so every finding points at the article's
line and column.  Markdown and HTML are turned into text first by the extraction
stage's source reader, and every offset is mapped back to the original file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePath
from typing import Any

from .files import ClaimSet
from .model import Claim, Document, Source

__all__ = ["article_inference", "claimset_from_article", "doc_id_for"]


def doc_id_for(path: str) -> str:
    """A document id from a file name: ``examples/qom-police.fa.txt`` -> ``qom-police.fa``."""
    stem = PurePath(path).name
    for suffix in (".txt", ".md", ".markdown", ".html", ".htm"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    slug = re.sub(r"[^\w.\-\u0600-\u06FF]+", "-", stem).strip("-.") or "article"
    return slug if re.match(r"[A-Za-z_\u0600-\u06FF]", slug) else f"a{slug}"


def _plain(text: str, path: str) -> tuple[str, Callable[[int], int]]:
    """Article text without markup, and the map from its offsets to the file's."""
    from .extract.source import from_file

    src = from_file(path, text)
    return src.text, src.orig


def article_inference(text: str, path: str, lang: str | None = None, *,
                      prefix: bool = True) -> tuple[str, list[Claim], list[Any]]:
    """``(doc_id, claims, rules)`` for an article, with spans and positions in ``text``.

    With ``prefix`` (the default) claim and rule ids start with the document id, so that
    several articles can be checked together; a claim file of one article does without.
    """
    from .extract import extract
    from .infer import infer

    plain, orig = _plain(text, path)
    doc_id = doc_id_for(path)
    # Ids carry the document so that several articles can be checked together.
    pre = f"{doc_id}." if prefix else ""
    claims = [c.model_copy(update={"id": f"{pre}{c.id}"}) for c in extract(plain, lang=lang)]

    def where(pos: int) -> str:
        p = orig(pos)
        line = text.count("\n", 0, p) + 1
        return f"{line}:{p - (text.rfind(chr(10), 0, p) + 1) + 1}"

    found = infer(plain, claims, lang, where=where, prefix=pre)
    out: list[Claim] = []
    for c in found.claims:
        src = c.source or Source()
        span = src.span
        if span is not None:
            s, e = span
            span = (orig(s), orig(e - 1) + 1 if e > s else orig(s))
        out.append(c.model_copy(update={"source": Source(document=doc_id, span=span, quote=src.quote)}))
    rules = [r.model_copy(update={"id": f"{pre}{r.id}"}) for r in found.rules]
    return doc_id, out, rules


def claimset_from_article(text: str, path: str, lang: str | None = None) -> ClaimSet:
    """The claims of an article and the rules inferred between them, as one claim set."""
    from .extract import detect

    doc_id, claims, rules = article_inference(text, path, lang)
    cs = ClaimSet()
    cs.documents[doc_id] = Document(id=doc_id, path=path, lang=lang or detect(text))
    cs.texts[doc_id] = text
    cs.doc_of_file[path] = doc_id
    for c in claims:
        cs.claims[c.id] = c
        cs.origin[f"claims:{c.id}"] = (path, None, None)
    for r in rules:
        cs.rules[r.id] = r
        cs.origin[f"rules:{r.id}"] = (path, None, None)
    return cs
