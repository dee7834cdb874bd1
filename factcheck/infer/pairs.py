"""Old and new values of one quantity: "from A to B", «از A به B», "A ... jumped to B".

Shared by the change and breakdown patterns.  A pair is two figures of one sentence with
the words of a change between them; which is old and which new is read from the words,
never from the values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .doc import Cue, Doc, Figure

__all__ = ["Pair", "pairs"]

_FROM = re.compile(r"(\bfrom|(?<!\w)از)\s*$")
_TO = re.compile(r"^\s*(\w+\s+){0,3}?(to|به)\s*$")
_BACK_FROM = re.compile(r"^(?:[^.;:]|\.\d)*?(\b(?:up|down|rising|falling|increasing|decreasing)\b"
                        r"(?:[^.;:]|\.\d){0,25}?)?\b(from)\s*$")
_TO_BEFORE = re.compile(r"\bto\s*$")
_CHANGE_TO = re.compile(
    r"\b(rose|rising|risen|increased|increasing|grew|jumped|climbed|fell|dropped|declined|decreased|"
    r"went up|went down|up|down|soared|surged|slipped|plunged)\b[^.;:]{0,40}?\bto\s*$")
_FA_CHANGE_TO = re.compile(r"(?<!\w)به\s*$")
_FA_CHANGE_VERB = re.compile(r"(?<!\w)(رسید|رسیده|افزایش|کاهش|رشد|افت)")


@dataclass(frozen=True)
class Pair:
    old: Figure
    new: Figure
    cue: Cue


def pairs(doc: Doc) -> list[Pair]:
    """Every old → new pair the words state, in text order."""
    out: list[Pair] = []
    used: set[str] = set()
    figs = doc.figures
    for i, b in enumerate(figs):
        if i == 0 or b.id in used:
            continue
        a = figs[i - 1]
        if a.is_percent and not b.is_percent and i >= 2:
            a = figs[i - 2]  # "5.8 million, down 10% from 6.2 million": the change sits between
        if a.sentence != b.sentence or a.id in used or a.is_percent != b.is_percent:
            continue
        if a.per_time != b.per_time:
            continue
        gap = doc.between(a, b)
        pre = doc.norm[max(doc.sentences[a.sentence][0], a.start - 12):a.start]
        m_from = _FROM.search(pre)
        if m_from and _TO.match(gap) and len(gap) < 40:
            out.append(Pair(a, b, Cue(doc.text[a.start - len(pre) + m_from.start():a.start].strip(),
                                      a.start - len(pre) + m_from.start(), a.start)))
            used.update((a.id, b.id))
            continue
        # "fell to 4.2 percent in March from 4.5 percent", "5.8 million, down from 6.2 million"
        back = _BACK_FROM.match(gap)
        if back is not None and len(gap) < 50 and (back.group(1) or _TO_BEFORE.search(pre)):
            out.append(Pair(b, a, Cue(doc.text[a.end + back.start(2):a.end + back.end(2)], a.end + back.start(2),
                                      a.end + back.end(2))))
            used.update((a.id, b.id))
            continue
        m = _CHANGE_TO.search(gap)
        if m and len(gap) < 90 and doc.lang == "en":
            out.append(Pair(a, b, Cue(doc.text[a.end + m.start():a.end + m.end()], a.end + m.start(),
                                      a.end + m.end())))
            used.update((a.id, b.id))
            continue
        if doc.lang == "fa" and m_from and _FA_CHANGE_TO.search(gap) and len(gap) < 40:
            after = doc.after(b, 30)
            if _FA_CHANGE_VERB.search(after) or _FA_CHANGE_VERB.search(gap):
                out.append(Pair(a, b, Cue(doc.text[a.start - len(pre) + m_from.start():a.start].strip(),
                                          a.start - len(pre) + m_from.start(), a.start)))
                used.update((a.id, b.id))
    return out
