"""The shared scanner: finds figures, reads their value, and attaches hedge, unit, rate, period.

It is driven by a :class:`~factcheck.extract.base.Language` (lexicon + hooks) and never by
language-specific code of its own.  Work is linear in the text: one regular expression finds
*candidates* (a digit or a number word), and each candidate is read by a small hand-written
parser over a bounded window of tokens around it.  No pattern here can backtrack
super-linearly: every repetition is over disjoint character classes.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from decimal import Decimal
from operator import attrgetter

from ..model import Hedge
from .base import Language, Mention, Phrase
from .normalize import Prepared
from .numerals import parse_grouped, place

__all__ = ["Scanner"]

_SENTENCE = re.compile(r"\n|[!?؟;؛]|\.(?![0-9])")
# Windows around a candidate: a short one first, a long one only when a phrase runs on
# (number words up to 10**12 take some 40 tokens).
_FWD_CHARS = 160
_FWD_TOKENS = 18
_FWD_CHARS_LONG = 900
_FWD_TOKENS_LONG = 120
_BACK_CHARS = 120
_YEAR_RANGES = ((1300, 1500), (1800, 2101))
_LATIN = re.compile(r"[A-Za-z]")
_DIGIT_RUN = re.compile(r"[0-9.,/:]*")
_SPACE = re.compile(r"\s")
#: words between a figure and a year that make the year the figure's period
_YEAR_GLUE = frozenset({"in", "for", "during", "in the year", "در", "در سال", "طی سال", "سال"})
#: more digits than this is an identifier or garbage, not a figure (claims allow |exponent| <= 60)
_MAX_DIGITS = 30
_DETERMINERS = frozenset({"the", "these", "those", "all", "a", "an", "its", "their", "این", "آن", "همه", "همین"})
_BOUNDARY = frozenset({".", "!", "?", "؟", ";", "؛", "\n"})
_CLAUSE_END = _BOUNDARY | {":"}
#: words that open a new clause: a rate cue before them is not the figure's
_CLAUSE_WORDS = frozenset({"که", "which", "that", "but", "اما", "ولی"})
#: brackets and dashes that enclose an aside after a figure, and how far one may run
#: (dashes are "-" once normalised; a dash glued to the figure is a range or a compound)
_ASIDE_CLOSE = {"(": ")", "[": "]", "-": "-"}
_ASIDE_TOKENS = 10
_GENITIVE = ("'s", "’s")
_CURRENCY = {"$": "dollar", "£": "pound_sterling", "€": "euro"}
_HEDGE_SYMBOLS = {"~": Hedge.about, "≈": Hedge.about, ">": Hedge.more_than, "<": Hedge.less_than,
                  "≥": Hedge.at_least, "≤": Hedge.at_most}


class Tok:
    """One token of the normalised text."""

    __slots__ = ("e", "k", "kind", "s", "t")

    def __init__(self, kind: str, t: str, s: int, e: int, k: str) -> None:
        # one store per field: faster than unpacking a tuple, and every token is made here
        self.kind = kind
        self.t = t
        self.s = s
        self.e = e
        self.k = k

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Tok({self.kind},{self.t!r},{self.s})"


#: one token and the blanks before it: (blanks, digits, word, other character).  Every
#: alternative starts with a character the blanks cannot take, so matching is linear.
_RAW = re.compile(r"([^\S\n]*+)(?:([0-9]++(?:[.,/:][0-9]++)*+)|([^\W\d_]++(?:['\u200c][^\W\d_]++)*+)|(\S|\n))")
_START = attrgetter("s")
#: text is tokenised in chunks of about this many characters (memory stays flat on 50 MB files)
_CHUNK = 200_000
_CHUNK_BEFORE = 400
_CHUNK_AFTER = 1_200
#: text between two figures farther apart than this is not tokenised at all
_GAP = _CHUNK_BEFORE + _CHUNK_AFTER
#: a stretch holding a figure reaches at least this far past it (see Scanner._regions)
_STEP = 2_048


class _Chunk:
    """The tokens of ``norm[start:end]`` in one flat list, and which of them may start a figure.

    One ``findall`` reads the raw tokens; one loop turns them into :class:`Tok` objects
    (splitting glued words with the language's cached :meth:`Scanner.pieces`), so that the
    windows a candidate reads (:meth:`fwd`, :meth:`back`) are plain list slices.
    """

    __slots__ = ("cands", "toks")

    def __init__(self, scanner: Scanner, norm: str, start: int, end: int) -> None:
        toks: list[Tok] = []
        cands: list[int] = []
        add, cand = toks.append, cands.append
        cache, pieces, numwords = scanner._split_cache, scanner.pieces, scanner._numwords
        pos = start
        for ws, num, word, p in _RAW.findall(norm, start, end):
            pos += len(ws)
            if num:
                e = pos + len(num)
                cand(len(toks))
                add(Tok("num", num, pos, e, num))
                pos = e
            elif word:
                got = cache.get(word) or pieces(word)
                key = got[0][1]
                if key in numwords:
                    cand(len(toks))
                if len(got) == 1:  # the common case: a word that is one piece
                    e = pos + len(word)
                    add(Tok("word", word, pos, e, key))
                    pos = e
                    continue
                for piece, key in got:
                    e = pos + len(piece)
                    add(Tok("word", piece, pos, e, key))
                    pos = e
            else:
                add(Tok("nl" if p == "\n" else "p", p, pos, pos + 1, p))
                pos += 1
        self.toks = toks
        #: indices of the tokens a figure may start at: digits, and words whose first piece
        #: is a number word
        self.cands = cands

    def fwd(self, i: int, max_tokens: int, max_chars: int) -> list[Tok]:
        """Up to ``max_tokens`` tokens from index ``i`` on, within ``max_chars`` characters."""
        out = self.toks[i:i + max_tokens]
        limit = out[0].s + max_chars
        if out[-1].s >= limit:
            out = out[:bisect_left(out, limit, key=_START)]
        return out

    def back(self, i: int, min_start: int) -> list[Tok]:
        """The tokens before index ``i`` that start at or after ``min_start``."""
        toks = self.toks
        if i == 0 or toks[i - 1].s < min_start:
            return []
        # every token is at least one character long, so the first one wanted is close by
        lo = max(0, i - 1 - (toks[i - 1].s - min_start))
        return toks[bisect_left(toks, min_start, lo, i, key=_START):i]

    def word_start(self, i: int) -> int:
        """Index of the first piece of the word token ``i`` belongs to (glued pieces touch;
        two separate words never do, something always stands between them)."""
        toks = self.toks
        while i > 0 and toks[i - 1].kind == "word" and toks[i - 1].e == toks[i].s:
            i -= 1
        return i


class _Num:
    """A number phrase as parsed: value, token range, and how it was written.

    The class attributes are the defaults; a parse sets only what it finds (one is made per
    candidate, so an ``__init__`` setting every field showed in profiles).
    """

    value = Decimal(0)
    last = -1  # index in the window of the phrase's last token; -1: no number here
    scale: int | None = None
    ordinal = False
    words = False
    digits = False
    special: str | None = None  # year / date / time / code from the digits themselves
    fraction: tuple[Decimal, str] | None = None  # numerator, unit (digits "1/24th")
    glued_unit: str | None = None  # "1.5kg"


class Scanner:
    """Reads every numeric mention of one language in a prepared text."""

    def __init__(self, lang: Language, *, skip_gaps: bool = True) -> None:
        """``skip_gaps=False`` tokenises all of the text, not only around candidates: slower,
        the same mentions (the tests compare the two)."""
        self.lang = lang
        self.skip_gaps = skip_gaps
        words = set(lang.cardinals) | set(lang.scales) | set(lang.ordinals) | set(lang.ordinal_scales)
        words |= set(lang.multiplier_words) | set(lang.hundreds)
        words |= {w for w in lang.fractions if lang.fractions[w] in ("half",)} | set(lang.period_fractions)
        self._numwords = frozenset(lang.key(w) for w in words)
        # Where a figure may start: a digit, or a word beginning with a number word.  A word is
        # a candidate when the key of its first piece is a number word; keys only fold case
        # and strip joiners, so every candidate matches here (some non-candidates do too:
        # "tension", "one's"; the tokeniser decides).  The words form a trie, so the search
        # tries one branch per letter rather than one per word.
        self._cand_re = re.compile(r"[0-9]|(?<![^\W\d_])" + _trie(self._numwords),
                                   re.IGNORECASE if lang.case_insensitive else 0)
        self._lemma = functools.lru_cache(maxsize=65_536)(lang.lemma)
        self._each_lasts = frozenset(p[-1] for p in lang.each_before)
        tables: list[dict[Phrase, str] | dict[Phrase, Hedge]] = [
            lang.hedges_before, lang.hedges_after, lang.percent_after, lang.rate_after, lang.rate_before, lang.nouns]
        self._firsts = {id(t): frozenset(p[0] for p in t) for t in tables}
        self._lasts = {id(t): frozenset(p[-1] for p in t) for t in tables}
        self._noun_firsts = frozenset(p[0] for p in lang.nouns)
        self._max_phrase = {name: max((len(p) for p in table), default=0) for name, table in (
            ("hb", lang.hedges_before), ("ha", lang.hedges_after), ("pa", lang.percent_after),
            ("ra", lang.rate_after), ("rb", lang.rate_before), ("nouns", lang.nouns),
            ("eb", lang.each_before))}
        self._split_cache: dict[str, tuple[tuple[str, str], ...]] = {}
        #: word key -> (unit, lemma) when the word alone names a specific counted thing, else ()
        self._noun_cache: dict[str, tuple[str, str] | tuple[()]] = {}

    # -- tokens -----------------------------------------------------------------------
    def pieces(self, word: str) -> tuple[tuple[str, str], ...]:
        """A word as (piece, lexicon key) pairs, after the language's splitting of glued forms."""
        cache = self._split_cache
        got = cache.get(word)
        if got is None:
            if len(cache) > 50_000:
                cache.clear()
            lang = self.lang
            got = cache[word] = tuple((p, lang.key(p)) for p in (lang.split(word) or [word]))
        return got

    # -- numbers ----------------------------------------------------------------------
    def _digits(self, tok: Tok, fwd: list[Tok], i: int, num: _Num) -> Decimal | None:
        """Value of a digit token, or None with ``num.special`` set when it is not a plain number."""
        t = tok.t
        if len(t) > _MAX_DIGITS:
            num.special = "code"
            return None
        if ":" in t:
            num.special = "time"
            return None
        if "/" in t:
            parts = t.split("/")
            if len(parts) > 2:
                num.special = "date"
                return None
            a, b = parts
            if not (a.isdigit() and b.isdigit()):
                num.special = "code"
                return None
            nxt = fwd[i + 1] if i + 1 < len(fwd) else None
            if _year_like(a) and len(b) in (2, 4) and (len(b) == 2 or _year_like(b)):
                num.special = "year"  # 2012/13, 1399/1400: a year span
                return None
            th = nxt is not None and nxt.kind == "word" and nxt.s == tok.e \
                and self.lang.digit_suffix(nxt.k) == ("ordinal", 0)
            if (th or self.lang.code == "en") and int(b) == 0:
                num.special = "code"
                return None
            if th or self.lang.code == "en":
                num.fraction = (Decimal(a), f"/{b}")
                if th:
                    num.last = i + 1
                return None
            if "," in a or "," in b or "." in a or "." in b:
                num.special = "code"
                return None
            return Decimal(f"{a}.{b}")  # Persian informal decimal: ۴۲/۲۳ درصد
        v = parse_grouped(t, decimal_comma=self.lang.code == "fa")
        if v is None:
            num.special = "code"
        return v

    def _parse(self, fwd: list[Tok]) -> _Num:
        """Read the longest number phrase starting at ``fwd[0]``."""
        lang = self.lang
        num = _Num()
        total = Decimal(0)
        cur: Decimal | None = None
        last_scale: int | None = None
        cur_from_digits = False
        after_scale_state: tuple[Decimal, int] | None = None  # (total, last index) after last scale
        pending = False
        i = 0
        n = len(fwd)
        while i < n:
            tok = fwd[i]
            k = tok.k
            if tok.kind == "num":
                if num.last >= 0 and not (cur is None and total > 0):
                    break
                if i > 0 and fwd[i - 1].kind == "num":
                    break
                v = self._digits(tok, fwd, i, num)
                if v is None:
                    if i == 0:
                        if num.last < 0:
                            num.last = 0
                        return num
                    break
                if last_scale is not None and v >= last_scale:
                    break
                if num.last >= 0 and v != v.to_integral_value():
                    break
                cur, cur_from_digits = v, True
                num.digits = True
                num.last, pending = i, False
                # letters glued to digits: 630k, 4bn, 21st
                if i + 1 < n and fwd[i + 1].kind == "word" and fwd[i + 1].s == tok.e:
                    suf = lang.digit_suffix(fwd[i + 1].k)
                    if suf is not None:
                        what, mult = suf
                        if what == "scale" and last_scale is None:
                            total, cur, last_scale = cur * mult, None, mult
                            num.scale, num.last = mult, i + 1
                            break
                        if what == "ordinal":
                            num.ordinal, num.last = True, i + 1
                            break
                        if what == "decade":
                            num.special, num.last = "year", i + 1
                            break
                        if what == "unit":
                            num.glued_unit, num.last = lang.glued_units[fwd[i + 1].k], i + 1
                            break
                    elif lang.code == "en":
                        num.special = "code"
                        num.last = i + 1
                        break
            elif tok.kind == "word":
                if k in lang.conj:
                    if num.last < 0 or pending:
                        break
                    pending = True
                    i += 1
                    continue
                if k in lang.hundreds and cur is not None and not cur_from_digits and 0 < cur < 100 \
                        and cur == cur.to_integral_value() and (total == 0 or cur * 100 < (last_scale or 0)):
                    cur = cur * 100
                    num.last, pending, num.words = i, False, True
                elif k in lang.scales:
                    s = lang.scales[k]
                    if (last_scale is not None and s > last_scale and cur is None and not pending
                            and num.last == i - 1 and fwd[i - 1].k in lang.scales):
                        # A scale word right after another multiplies it: «۴۲ هزار میلیارد
                        # تومان», "42 thousand million" (and «۲ میلیون و ۵۰۰ هزار میلیارد»:
                        # the whole number so far is in thousands of billions).
                        total *= s
                        last_scale *= s
                        num.scale = (num.scale or 1) * s
                        num.last, num.words = i, True
                        after_scale_state = (total, i)
                        i += 1
                        continue
                    if (last_scale == 1000 and s > last_scale and cur is not None and cur < 1000
                            and num.last == i - 1 and k in lang.compound_scales):
                        # «۱۲ هزار و ۶۰۰ میلیارد»: the whole number so far counts billions
                        total = (total + cur) * s
                        cur, cur_from_digits, last_scale = None, False, s
                        num.scale = s
                        num.last, pending, num.words = i, False, True
                        after_scale_state = (total, i)
                        i += 1
                        continue
                    if last_scale is not None and s >= last_scale:
                        if after_scale_state is not None and cur is not None:
                            total, num.last = after_scale_state
                            cur = None
                        break
                    if num.last < 0 and i > 0:
                        break
                    total += (cur if cur is not None else Decimal(1)) * s
                    cur, cur_from_digits, last_scale = None, False, s
                    num.scale = s
                    num.last, pending, num.words = i, False, True
                    after_scale_state = (total, i)
                elif k in lang.cardinals or k in lang.ordinals:
                    is_ord = k not in lang.cardinals
                    v = Decimal(lang.ordinals[k] if is_ord else lang.cardinals[k])
                    if num.last >= 0:
                        if cur is not None:
                            if cur_from_digits or v >= place(cur):
                                break
                        elif last_scale is not None and v >= last_scale:
                            break
                    cur = (cur or Decimal(0)) + v
                    cur_from_digits = False
                    num.last, pending, num.words = i, False, True
                    if is_ord:
                        num.ordinal = True
                        break
                elif i == 0 and (k in lang.multiplier_words or k in lang.fractions) and k not in lang.ordinal_scales:
                    cur = Decimal(1)
                    num.last, num.words = 0, True
                    break
                elif k in lang.ordinal_scales:
                    s = lang.ordinal_scales[k]
                    if num.last >= 0 and last_scale is not None and s >= last_scale:
                        break
                    if s == 100 and cur is not None and cur < 10:
                        cur = cur * 100
                    else:
                        total += (cur if cur is not None else Decimal(1)) * s
                        cur = None
                    num.last, num.words, num.ordinal = i, True, True
                    break
                else:
                    break
            elif self._joiner(fwd, i, num, pending, cur is None and last_scale is not None):
                i += 1
                continue
            else:
                break
            i += 1
        num.value = total + (cur or Decimal(0))
        if num.scale is not None and num.digits and not num.words:
            num.words = True  # "41 هزار": a scale word was used
        return num

    def _joiner(self, fwd: list[Tok], i: int, num: _Num, pending: bool, after_scale: bool) -> bool:
        """A hyphen inside "twenty-one" or a comma after a scale word in "five million, three hundred"."""
        tok = fwd[i]
        if tok.kind != "p" or not num.words or pending or i + 1 >= len(fwd) or fwd[i + 1].kind != "word":
            return False
        if tok.t == "-":
            return fwd[i + 1].s == tok.e and fwd[i - 1].e == tok.s
        nxt = fwd[i + 1].k
        return tok.t == "," and after_scale and (nxt in self.lang.cardinals or nxt in self.lang.ordinals)

    # -- lookups ----------------------------------------------------------------------
    def _match_after(self, table: dict[Phrase, str] | dict[Phrase, Hedge], toks: list[Tok], j: int,
                     maxlen: int) -> tuple[int, object] | None:
        """Longest phrase of ``table`` starting at ``toks[j]``: (tokens used, value)."""
        if j >= len(toks) or toks[j].k not in self._firsts[id(table)]:
            return None
        for n in range(min(maxlen, len(toks) - j), 0, -1):
            key = tuple(t.k for t in toks[j:j + n])
            if key in table:
                return n, table[key]
        return None

    def _match_before(self, table: dict[Phrase, str] | dict[Phrase, Hedge], toks: list[Tok], j: int,
                      maxlen: int) -> tuple[int, object] | None:
        """Longest phrase of ``table`` ending at ``toks[j - 1]``."""
        if j <= 0 or toks[j - 1].k not in self._lasts[id(table)]:
            return None
        for n in range(min(maxlen, j), 0, -1):
            key = tuple(t.k for t in toks[j - n:j])
            if key in table:
                return n, table[key]
        return None

    def _noun(self, fwd: list[Tok], j: int) -> tuple[int, int, str, str] | None:
        """A counted noun starting within reach of ``fwd[j]``: (first, end index, unit, key)."""
        lang = self.lang
        maxlen = self._max_phrase["nouns"]
        best: tuple[int, int, str, str] | None = None
        start = j
        steps = 0
        while start < len(fwd) and steps < lang.noun_reach:
            tok = fwd[start]
            if tok.t == "-" and start > j and fwd[start - 1].e == tok.s and start + 1 < len(fwd) \
                    and fwd[start + 1].s == tok.e:
                start += 1
                continue
            if tok.kind != "word" or (start > j and tok.k in lang.stop):
                break
            hit = None
            quick = tok.k in self._noun_firsts or (self._lemma(tok.k),) in lang.nouns
            for n in range(min(maxlen, len(fwd) - start), 0, -1) if quick else ():
                ws = fwd[start:start + n]
                if any(t.kind != "word" for t in ws):
                    continue
                key = (*(t.k for t in ws[:-1]), self._lemma(ws[-1].k))
                unit = lang.nouns.get(key)
                if unit is not None:
                    hit = (j, start + n, unit, " ".join(key))
                    break
            if hit is not None and _possessive(fwd, hit[1]):
                break  # "2019 girls' enrolment": the noun qualifies the next one, it is not counted
            if hit is not None and hit[3] in lang.generic_nouns and hit[1] < len(fwd) \
                    and fwd[hit[1]].kind == "word":
                # "۱۵ مورد نزاع": a classifier followed by the thing counted
                k2 = self._lemma(fwd[hit[1]].k)
                u2 = lang.nouns.get((k2,))
                if u2 is not None and k2 not in lang.generic_nouns:
                    hit = (j, hit[1] + 1, u2, k2)
            if hit is not None:
                best = hit
                if not lang.head_last:
                    return best
                start = hit[1]
                steps += 1
                continue
            if best is not None or tok.k in lang.stop:
                break
            start += 1
            steps += 1
        return best

    # -- the scan ---------------------------------------------------------------------
    def scan(self, prep: Prepared, lo: int = 0, hi: int | None = None) -> list[Mention]:
        """All mentions in ``prep.norm[lo:hi]``, in text order."""
        norm = prep.norm
        hi = len(norm) if hi is None else hi
        out: list[Mention] = []
        floor = lo
        pos = lo
        for cs, ce in self._regions(norm, lo, hi):
            ts = max(lo, cs - _CHUNK_BEFORE)
            if ts > lo:
                ws = _SPACE.search(norm, ts, cs)
                ts = ws.start() if ws else cs
            chunk = _Chunk(self, norm, ts, min(hi, ce + _CHUNK_AFTER))
            toks = chunk.toks
            for i in chunk.cands:
                st = toks[i].s
                if st < pos:
                    continue
                if st >= ce:
                    break
                fwd = chunk.fwd(i, _FWD_TOKENS, _FWD_CHARS)
                probe: _Num | None = self._parse(fwd)
                assert probe is not None
                if probe.last >= len(fwd) - 10 and (len(fwd) >= _FWD_TOKENS or fwd[-1].e >= st + _FWD_CHARS - 40):
                    # the phrase may run past the short window: read it with the long one
                    fwd = chunk.fwd(i, _FWD_TOKENS_LONG, _FWD_CHARS_LONG)
                    probe = None
                mention, used_end = self._read(prep, chunk, i, fwd, floor, lo, probe)
                pos = max(used_end, st + 1)
                if pos < hi and norm[pos - 1].isdigit():
                    pos = _DIGIT_RUN.match(norm, pos).end()  # type: ignore[union-attr]  # always matches
                if mention is not None:
                    out.append(mention)
                    if mention.kind in ("quantity", "duration"):
                        floor = used_end
        self._sentences(norm, out, lo, hi, prep)
        self._inherit(out)
        self._periods(out, prep)
        return out

    def _regions(self, norm: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
        """Stretches ``[start, end)`` of ``norm[lo:hi]`` that hold every token a figure may start at.

        One compiled search finds the next digit or number word; everything from there to
        :data:`_STEP` characters on belongs to the stretch, so dense text costs one search per
        step and text without figures one linear scan.  Stretches closer than the context a
        figure reads are merged; none is much longer than :data:`_CHUNK`.
        """
        if not self.skip_gaps:
            yield from ((s, min(hi, s + _CHUNK)) for s in range(lo, hi, _CHUNK))
            return
        find = self._cand_re.search
        cs = ce = -1
        p = lo
        while p < hi:
            m = find(norm, p, hi)
            if m is None:
                break
            s = m.start()
            if cs >= 0 and (s - ce > _GAP or ce - cs >= _CHUNK):
                yield cs, ce
                cs = -1
            if cs < 0:
                cs = s
            p = ce = min(hi, max(s + _STEP, m.end()))
        if cs >= 0:
            yield cs, ce

    def _read(self, prep: Prepared, chunk: _Chunk, idx: int, fwd: list[Tok], floor: int,
              lo: int, parsed: _Num | None = None) -> tuple[Mention | None, int]:
        """Read the mention starting at ``fwd[0]``; return it (or None) and the end of the figure."""
        lang = self.lang
        num = parsed if parsed is not None else self._parse(fwd)
        if num.last < 0:
            return None, fwd[0].e
        fig_s, fig_e = fwd[0].s, fwd[num.last].e
        j = num.last + 1
        back = chunk.back(idx, max(floor, fwd[0].s - _BACK_CHARS))
        prev = back[-1] if back else None
        prev_glued = prev is not None and prev.e == fig_s
        cues: list[str] = []
        tags: list[str] = []

        def mention(kind: str, value: Decimal | None = None) -> tuple[Mention, int]:
            s, e = prep.orig_span(fig_s, fig_e)
            return Mention(kind=kind, value=num.value if value is None else value, start=s, end=e,
                           fig_start=s, fig_end=e, lang=lang.code), fig_e

        # -- not quantities -----------------------------------------------------------
        if num.special is not None:
            return mention(num.special)
        if prev_glued and prev is not None and ((prev.kind == "word" and _LATIN.search(prev.t))
                                                or prev.t in ("#", "/", "@", "_")):
            return mention("code")
        if prev_glued and prev is not None and prev.t == "-" and len(back) > 1 and back[-2].e == prev.s \
                and back[-2].kind == "word":
            return mention("code")  # COVID-19, F-16
        nxt = fwd[j] if j < len(fwd) else None
        if nxt is not None and nxt.s == fig_e and nxt.t in ("-", "/") and j + 1 < len(fwd) \
                and fwd[j + 1].s == nxt.e and fwd[j + 1].kind == "num" and nxt.t == "/":
            return mention("date")
        first_tok = fwd[0].t
        if num.digits and not num.words and first_tok.startswith("0") and len(first_tok) >= 3 \
                and first_tok.isdigit():
            return mention("phone" if len(first_tok) >= 7 else "code")
        if nxt is not None and nxt.kind == "word" and self._month(nxt.k):
            return self._date(prep, fwd, j, fig_s)
        if self._age(back, fwd, j, num):  # "children under five", "aged 65": an age, not a count
            rng = self._range(fwd, j, back, num) if j < len(fwd) else None
            if rng is not None:  # "aged 12 to 15": both ends
                fig_e = fwd[rng[1] - 1].e
            return mention("age")
        if prev is not None and prev.kind == "word" and self._month(prev.k) and num.digits and not num.words \
                and not self._percent_or_scale_after(fwd, j):  # «نرخ تورم مهرماه ۳۴ درصد» is no date
            return self._date(prep, fwd, j, fig_s)
        a_third = bool(back) and back[-1].k in lang.articles and fwd[0].k in lang.fractions and num.last == 0
        if num.ordinal and num.fraction is None and not a_third:
            return mention("ordinal")
        integer = num.value == num.value.to_integral_value()
        unit_after_cache: list[bool] = []

        def unit_after() -> bool:
            if not unit_after_cache:
                unit_after_cache.append(self._has_unit_after(fwd, j))
            return unit_after_cache[0]

        if num.digits and not num.words and integer and num.fraction is None:
            if _year_like(first_tok) and (not unit_after() or (prev is not None and prev.k in lang.year_prepositions)):
                return mention("year")  # "in 2019 women voted": the year, not 2019 women
            # "fiscal year 2024 sales", "class 2019", not "Last year 3,600 thieves" / "360 thieves"
            if prev is not None and prev.k in lang.year_before and (_year_like(first_tok) or (
                    not unit_after() and not self._guessable(fwd, j))):
                return mention("year")
            # A phone line stands alone; "911 of the accidents", «۱۱۰ از ۲۰۰۰ نفر» and
            # "311 (10.9 percent) passed" count a part of a whole.
            if int(num.value) in lang.phone_numbers and "," not in first_tok and not unit_after() and (
                    nxt is None or nxt.kind != "word" or nxt.k in lang.stop or nxt.k in lang.conj) \
                    and not self._share_in_brackets(fwd, j) and not (nxt is not None and nxt.k in lang.partitive):
                return mention("phone")
            # «با ۱۱۰ تماس گرفت» is the police line; «با ۱۱۰ درصد افزایش» is a share.
            if int(num.value) in lang.phone_numbers and prev is not None and prev.k in lang.phone_cues \
                    and not self._percent_or_scale_after(fwd, j):
                return mention("phone")
        if prev is not None and prev.k in lang.label_before and (not unit_after() or (
                lang.code == "fa" and not self._percent_or_scale_after(fwd, j))) \
                and not (len(back) > 1 and back[-2].k in ("هر", "every", "each", "per", "در")
                         and (prev.k in lang.time_units or self._lemma(prev.k) in lang.time_units)):
            return mention("label")
        if lang.code == "en" and prev is not None and prev.kind == "word" and prev.t[:1].isupper() \
                and not unit_after() and num.digits and not self._sentence_start(back) \
                and prev.k not in lang.stop and prev.k not in lang.months and not _hedge_word(lang, prev.k):
            return mention("label")
        if lang.code == "en" and nxt is not None and nxt.k in ("am", "pm", "a.m", "p.m", "gmt", "utc", "bst") \
                and num.digits:
            return mention("time")

        # -- quantity ------------------------------------------------------------------
        value = num.value
        value_max: Decimal | None = None
        unit: str | None = None
        count_unit: str | None = None
        per: str | None = None
        precision: Decimal | None = None
        noun_text: str | None = None
        noun_key: str | None = None
        each = False
        kind = "quantity"
        end_idx = num.last  # last token index in fwd that the quote covers
        context_at: int | None = None
        range_last = -1
        scale = num.scale

        if num.glued_unit is not None:
            unit = count_unit = num.glued_unit
        if num.fraction is not None:
            numer, den = num.fraction
            unit = lang.fractions.get(den[1:] + "th") or lang.fractions.get(den)
            value = numer
            if unit is None:
                d = Decimal(den[1:])
                value = numer / d
                if value * d != numer:
                    precision = Decimal("1e-6")
                    value = value.quantize(precision)
                unit = "dimensionless"
            tags.append("fraction")
        # a / an before scale or fraction: "a third", "a million", "a dozen"
        start_tok_s = fig_s
        if num.last == 0 and fwd[0].k in lang.period_fractions and not self._share_word(back, prev, fwd):
            return None, fig_e  # "the first quarter", "in a quarter", "a quarter of an hour"
        if prev is not None and prev.k in lang.articles and (fwd[0].k in lang.scales or fwd[0].k in lang.fractions
                                                             or fwd[0].k == "dozen"):
            start_tok_s = prev.s
            if fwd[0].k in lang.fractions and num.last == 0:
                value, unit, precision = Decimal(1), lang.fractions[fwd[0].k], Decimal("0.1")
                tags.append("fraction")
        one_in = self._one_in(fwd, j, num) if unit is None else None
        if one_in is not None:  # "one in four": a fourth, as "a fourth" is
            unit, precision, end_idx, j = one_in[0], Decimal("0.1"), one_in[1], one_in[1] + 1
            tags.append("fraction")
        elif fwd[0].k in lang.multiplier_words and num.last == 0 and fwd[0].k not in lang.cardinals:
            value, unit = lang.multiplier_words[fwd[0].k], "times"
            tags.append("multiplier")
        elif fwd[0].k in lang.fractions and num.last == 0 and fwd[0].k not in lang.cardinals and unit is None:
            value, unit, precision = Decimal(1), lang.fractions[fwd[0].k], Decimal("0.1")
            tags.append("fraction")
        elif lang.weak_words and num.last == 0 and fwd[0].k in lang.weak_words and not unit_after() \
                and not self._hedged(back) and not (nxt is not None and nxt.k in lang.each_after):
            return None, fig_e

        # range: "5 to 7", "۵ تا ۷", "between 5 and 7", "5-7"
        if unit is None and nxt is not None:
            rng = self._range(fwd, j, back, num)
            if rng is not None:
                num2, j2, first_scaled = rng
                if j2 < len(fwd) and fwd[j2].kind == "word" and self._month(fwd[j2].k):
                    return self._date(prep, fwd, j2, fig_s)
                value_max = num2.value
                if first_scaled is not None:
                    value = value * first_scaled
                    scale = first_scaled
                elif num2.scale is not None and scale is None:
                    scale = num2.scale
                end_idx = j2 - 1
                range_last = end_idx
                j = j2
                nxt = fwd[j] if j < len(fwd) else None
                tags.append("range")
                if value_max < value:
                    value, value_max = value_max, value
        # glued hyphen: "15-month period", "100-plus"
        if nxt is not None and nxt.t == "-" and nxt.s == fwd[end_idx].e and j + 1 < len(fwd) \
                and fwd[j + 1].s == nxt.e and fwd[j + 1].kind == "word":
            j += 1
            nxt = fwd[j]
        # currency symbol before
        if prev is not None and prev.t in _CURRENCY and unit is None:
            unit = _CURRENCY[prev.t]
            start_tok_s = prev.s
            count_unit = unit
            prev = back[-2] if len(back) > 1 else None
            back = back[:-1]
        if unit is None and nxt is not None:
            if nxt.t == "%":
                unit, end_idx, j = "percent", j, j + 1
                cues.append("%")
            else:
                hit = self._match_after(lang.percent_after, fwd, j, self._max_phrase["pa"])
                if hit is not None:
                    used, u = hit
                    unit = str(u)
                    cues.append(" ".join(t.k for t in fwd[j:j + used]))
                    end_idx, j = j + used - 1, j + used
        if unit is None and nxt is not None and nxt.kind == "word":
            if nxt.k in lang.multipliers_after:
                unit, end_idx, j = "times", j, j + 1
                tags.append("multiplier")
            elif nxt.k in lang.fractions and not num.digits and not (
                    (nxt.k in lang.time_units or self._lemma(nxt.k) in lang.time_units)
                    and back and back[-1].k in lang.period_cues_before):
                unit, precision, end_idx, j = lang.fractions[nxt.k], Decimal("0.1"), j, j + 1
                tags.append("fraction")
            elif self._lemma(nxt.k) in lang.time_units or nxt.k in lang.time_units:
                unit = lang.time_units.get(nxt.k) or lang.time_units[self._lemma(nxt.k)]
                kind = "duration"
                end_idx, j = j, j + 1
                cue_b = back[-1].k if back else ""
                if len(back) > 1 and back[-1].k in lang.articles | {"the"}:
                    cue_b = back[-2].k if back[-1].k != "the" else back[-1].k
                cue_a = fwd[j].k if j < len(fwd) else ""
                if cue_b in lang.period_cues_before or cue_a in lang.period_cues_after \
                        or (len(back) > 1 and back[-2].k in lang.period_cues_before and back[-1].k in ("the",)):
                    tags.append("period")
                    if cue_a in lang.period_cues_after and (lang.period_words is None or cue_a in lang.period_words):
                        end_idx, j = j, j + 1
        # counted noun (possibly after "of the")
        if unit is None:
            k2 = j
            guess_idx = -1
            partitive = False
            span_unit: str | None = None
            # "18,000 (37.5 percent) of the candidates": the aside gives the share, the
            # partitive after it what the figure counts
            k2 = self._aside_end(fwd, j)
            while k2 < len(fwd) and (fwd[k2].k in lang.partitive or fwd[k2].k in _DETERMINERS
                                     or (partitive and fwd[k2].k.endswith(_GENITIVE))):
                # "61 of the council's 100 seats": a possessive is a determiner here
                partitive = partitive or fwd[k2].k in lang.partitive
                k2 += 1
            found = self._noun(fwd, j)
            if found is None and partitive and k2 > j:
                span = self._counted_span(fwd, k2)
                if k2 < len(fwd) and fwd[k2].kind == "num":
                    k2 += 1
                found = self._noun(fwd, k2) if span is None else None
                if span is not None:
                    # "in 3 of the 12 months": the figure counts the spans of time its total is
                    # made of, as «۳ ماه از ۱۲ ماه» does; not the sales the sentence goes on to
                    span_at, span_unit = span
                    kind = "duration"
                    noun_text = _orig_words(prep, fwd, span_at, span_at + 1)
                    tags.append("partitive")
                elif found is not None:
                    tags.append("partitive")
                    a, b, u, key = found
                    noun_text = _orig_words(prep, fwd, a, b)
                    noun_key, count_unit = key, u
                    found = None
                elif lang.trust_guess and self._guessable(fwd, k2):
                    # "22,000 of the 25,000 girls": an unknown plural after the partitive names
                    # what both figures count, as it would right after the figure
                    noun_text = _orig_words(prep, fwd, k2, k2 + 1)
                    noun_key = self._lemma(fwd[k2].k)
                    tags += ["partitive", "unit_guess"]
            if found is not None:
                a, b, u, key = found
                noun_text = _orig_words(prep, fwd, a, b)
                noun_key = key
                count_unit = u
                end_idx, j = b - 1, b
            elif noun_text is None and j < len(fwd) and fwd[j].s - fwd[end_idx].e <= 2 and self._guessable(fwd, j):
                noun_text = _orig_words(prep, fwd, j, j + 1)
                noun_key = self._lemma(fwd[j].k)
                tags.append("unit_guess")
                guess_idx = j
            if noun_key is not None and noun_key in lang.generic_nouns:
                tags.append("generic_noun")
                # "هفت مورد از این جوازها": the thing counted follows the partitive
                k3 = j
                if k3 < len(fwd) and fwd[k3].k in lang.partitive:
                    k3 += 1
                    while k3 < len(fwd) and fwd[k3].k in _DETERMINERS:
                        k3 += 1
                    part = self._noun(fwd, k3)
                    if part is not None:
                        count_unit, noun_key = part[2], part[3]
                        tags.append("partitive")
            if count_unit is None and (noun_text is None or ("unit_guess" in tags and not lang.trust_guess)) \
                    and "fraction" not in tags:
                ctx = self._context_noun(chunk, idx, fig_s, lo)
                if ctx is not None:
                    count_unit, noun_key, ctx_at = ctx
                    context_at = prep.orig(ctx_at)
                    tags.append("unit_from_context")
                    if "unit_guess" in tags:
                        tags.remove("unit_guess")
                        noun_text = None
                        guess_idx = -1
            if guess_idx >= 0:
                end_idx, j = guess_idx, guess_idx + 1
            unit = count_unit if span_unit is None else span_unit
        elif count_unit is None and unit not in ("percent", "percentage_point", "times") and kind != "duration" \
                and "fraction" not in tags:
            count_unit = unit
        # each (unless it starts a rate: "178,000 each day")
        if j < len(fwd) and fwd[j].k in lang.each_after and \
                self._match_after(lang.rate_after, fwd, j, self._max_phrase["ra"]) is None:
            each = True
            cues.append(fwd[j].k)
            end_idx, j = j, j + 1
        # hedge after ("or more", "و اندی")
        hedge = Hedge.exact
        hit = self._match_after(lang.hedges_after, fwd, j, self._max_phrase["ha"])
        if hit is not None:
            used, h = hit
            hedge = h  # type: ignore[assignment]
            cues.append(" ".join(t.k for t in fwd[j:j + used]))
            end_idx, j = j + used - 1, j + used
        # rate after: "a day", "در روز", "each hour"
        if kind == "quantity" and unit not in ("percent", "percentage_point"):
            hit = self._match_after(lang.rate_after, fwd, j, self._max_phrase["ra"])
            if hit is not None and j + hit[0] < len(fwd):
                # "در سال ۱۴۰۲", "در روز گذشته", "در ماه اسفند": a particular time, not "per"
                t = fwd[j + hit[0]]
                if t.kind == "num" or self._month(t.k) or t.k in lang.period_cues_after:
                    hit = None
            if hit is not None:
                used, p = hit
                per = str(p)
                cues.append(" ".join(t.k for t in fwd[j:j + used]))
                end_idx, j = j + used - 1, j + used
            else:
                per = self._rate_ahead(fwd, j, cues)
        # hedge before
        qs = start_tok_s
        bi = len(back)
        if bi and back[-1].s == start_tok_s:  # the figure opens with its article: "a third"
            bi -= 1
        if bi and back[bi - 1].t in _HEDGE_SYMBOLS and back[bi - 1].e == qs:
            hedge = _HEDGE_SYMBOLS[back[bi - 1].t]
            qs = back[bi - 1].s
            bi -= 1
        else:
            hit = self._match_before(lang.hedges_before, back, bi, self._max_phrase["hb"])
            if hit is not None and _comparative(lang, chunk.toks, back[bi - hit[0]].s, hit[1]):
                hit = None  # "8 percent more than $3.9 billion": the figure is compared with, not hedged
            if hit is not None:
                used, h = hit
                hedge = h  # type: ignore[assignment]
                cues.insert(0, " ".join(t.k for t in back[bi - used:bi]))
                bi -= used
                qs = back[bi].s
        if value_max is not None:
            hedge = Hedge.range
            if bi and back[bi - 1].k in lang.range_between and back[bi - 1].e <= qs:
                bi -= 1
                qs = back[bi].s
        # rate before: "روزانه", "هر ساعت", "daily"
        if kind == "quantity" and per is None and unit not in ("percent", "percentage_point"):
            got = self._rate_before(back, bi)
            if got is not None:
                per, cue_i, used = got
                cues.insert(0, " ".join(t.k for t in back[cue_i:cue_i + used]))
                if cue_i + used == bi:
                    qs = back[cue_i].s
        # each before: "هر یک از", "each of the"
        if not each and self._match_back_anywhere(lang.each_before, back, bi, self._max_phrase["eb"]):
            each = True
            cues.append("each")
        if each:
            tags.append("each")
        if per is not None:
            tags.append("rate")
        if kind == "duration" and per is not None:
            per = None
        qe = fwd[end_idx].e if end_idx >= 0 else fig_e
        s, e = prep.orig_span(qs, qe)
        fig_last = fwd[num.last].e if range_last < 0 else fwd[range_last].e
        fs, fe = prep.orig_span(start_tok_s, fig_last)
        men = Mention(kind=kind, value=value, value_max=value_max, start=s, end=e, fig_start=fs, fig_end=fe,
                      lang=lang.code, unit=unit or "dimensionless", count_unit=count_unit, per=per,
                      hedge=hedge, scale=Decimal(scale) if scale else None, precision=precision,
                      noun=noun_text, noun_key=noun_key, each=each, cues=cues, tags=tags, context_at=context_at)
        if "period" in tags:
            men.period_of = f"{_plain(value)} {unit}"
        return men, max(fig_e, fig_last, qe)

    # -- helpers for _read -----------------------------------------------------------------
    def _month(self, k: str) -> bool:
        lang = self.lang
        return k in lang.months or (k.endswith("ماه") and k[:-3] in lang.months)

    def _date(self, prep: Prepared, fwd: list[Tok], j: int, fig_s: int) -> tuple[Mention, int]:
        """A date: swallow the month and a following year so the year is not read again."""
        end = fwd[j - 1].e
        k = j
        while k < len(fwd) and k < j + 4:
            t = fwd[k]
            if t.kind == "word" and (self._month(t.k) or t.k in ("ماه", "of")):
                end = t.e
            elif t.kind == "num" and len(t.t) == 4:
                end = t.e
                break
            elif t.t == "," and k + 1 < len(fwd) and fwd[k + 1].kind == "num":
                pass
            else:
                break
            k += 1
        s, e = prep.orig_span(fig_s, end)
        return Mention(kind="date", value=Decimal(0), start=s, end=e, fig_start=s, fig_end=e,
                       lang=self.lang.code), end

    def _context_noun(self, chunk: _Chunk, idx: int, fig_s: int, lo: int) -> tuple[str, str, int] | None:
        """The nearest counted noun earlier in the sentence: "drugs offences numbered 89".

        Most figures never need this; the ones that do need a dictionary look-up per word.
        """
        toks = chunk.toks
        cache = self._noun_cache
        floor = max(lo, fig_s - 240)
        i = idx - 1
        while i >= 0:
            t = toks[i]
            if t.s < floor or t.t in _BOUNDARY:
                return None
            if t.t == ":" and i > 0 and toks[i - 1].k in self.lang.speech_verbs:
                return None  # «فرمانده انتظامی استان گفت: … ۴ هزار سارق»: the speaker's words are not counted
            if t.kind == "word":
                got = cache.get(t.k)
                if got is None:
                    got = self._single_noun(t.k)
                if got:
                    # a noun right after another figure is that figure's ("۲۵ کیلومتر ... ۱۲۰ هکتار"):
                    # look further back
                    b = chunk.word_start(i) - 1
                    if not (b >= 0 and (toks[b].kind == "num" or (
                            toks[b].kind == "word" and toks[chunk.word_start(b)].k in self._numwords))):
                        return got[0], got[1], t.s
            i -= 1
        return None

    def _single_noun(self, k: str) -> tuple[str, str] | tuple[()]:
        """(unit, lemma) of a one-word counted noun that is not a classifier, or ``()``; cached."""
        lang = self.lang
        key = self._lemma(k)
        unit = lang.nouns.get((key,))
        got: tuple[str, str] | tuple[()] = (unit, key) if unit is not None and key not in lang.generic_nouns else ()
        if len(self._noun_cache) > 50_000:
            self._noun_cache.clear()
        self._noun_cache[k] = got
        return got

    def _guessable(self, fwd: list[Tok], j: int) -> bool:
        """Whether the unknown word ``fwd[j]`` may name what a figure counts (see ``plausible_noun``)."""
        if j >= len(fwd):
            return False
        t = fwd[j]
        lang = self.lang
        return t.kind == "word" and t.k not in lang.stop and t.k not in lang.conj and t.k not in self._numwords \
            and not self._month(t.k) and t.k not in lang.time_units and self._lemma(t.k) not in lang.time_units \
            and lang.plausible_noun(t.k) and not _possessive(fwd, j + 1)

    def _counted_span(self, fwd: list[Tok], k: int) -> tuple[int, str] | None:
        """Index and unit of the time word in a partitive's numbered total ("of the [past]
        12 months"), else None.

        Only a stated number makes the spans of time the counted things: "in 3 of the months"
        says no total, and reads as before.
        """
        lang = self.lang
        while k < len(fwd) and fwd[k].kind == "word" and fwd[k].k in lang.period_cues_before:
            k += 1
        if k + 1 >= len(fwd) or not (fwd[k].kind == "num" or fwd[k].k in self._numwords):
            return None
        t = fwd[k + 1]
        if t.kind != "word" or _possessive(fwd, k + 2):
            return None  # "3 of the 12 months' reports" counts reports
        unit = lang.time_units.get(t.k) or lang.time_units.get(self._lemma(t.k))
        return None if unit is None else (k + 1, unit)

    def _aside_end(self, fwd: list[Tok], j: int) -> int:
        """The index after an aside holding a figure that a partitive follows, else ``j``.

        Reporters put a count's share between brackets, dashes or commas before saying what
        it is a part of: "18,000 (37.5 percent) of the candidates", "18,000 — 37.5% — of the
        candidates", "18,000, or 37.5 percent, of the candidates".
        """
        if j >= len(fwd):
            return j
        close = _ASIDE_CLOSE.get(fwd[j].t)
        if close == "-" and (j == 0 or fwd[j].s == fwd[j - 1].e):
            return j
        if close is None and fwd[j].t in (",", "،") and j + 1 < len(fwd) and fwd[j + 1].k in self.lang.aside_words:
            close = fwd[j].t
        if close is None:
            return j
        has_num = False
        for k in range(j + 1, min(len(fwd), j + _ASIDE_TOKENS)):
            t = fwd[k]
            if t.t == close:
                if has_num and k + 1 < len(fwd) and fwd[k + 1].k in self.lang.partitive:
                    return k + 1
                return j
            if t.t in _CLAUSE_END or t.t in _ASIDE_CLOSE or t.t in _ASIDE_CLOSE.values():
                return j
            has_num = has_num or t.kind == "num"
        return j

    def _has_unit_after(self, fwd: list[Tok], j: int) -> bool:
        lang = self.lang
        if j >= len(fwd):
            return False
        t = fwd[j]
        if t.t == "%" or t.k in lang.scales or t.k in lang.multipliers_after or t.k in lang.each_after:
            return True
        if t.k in lang.time_units or self._lemma(t.k) in lang.time_units:
            return True
        if self._match_after(lang.percent_after, fwd, j, self._max_phrase["pa"]) is not None:
            return True
        if t.kind == "word" and t.k in lang.fractions:
            return True
        return self._noun(fwd, j) is not None

    def _share_word(self, back: list[Tok], prev: Tok | None, fwd: list[Tok]) -> bool:
        """Whether a fraction word that also names a period ("quarter"), with no number
        before it, is a share: after an article ("a quarter of the votes", "(a quarter)",
        "fell by a quarter"), but not as a period ("in a quarter", "per quarter", "a
        quarter of an hour")."""
        lang = self.lang
        if prev is None or prev.k not in lang.articles:
            return False
        before = len(back) - 1  # the article's place
        hedge = self._match_before(lang.hedges_before, back, before, self._max_phrase["hb"])
        if hedge is not None:  # "in less than a quarter": the period's word stands before the hedge
            before -= hedge[0]
        if before > 0 and back[before - 1].k in lang.period_before:
            return False
        # "a quarter of an hour", "a quarter of a century": of a period
        after = [t.k for t in fwd[1:4] if t.kind == "word"]
        return not (len(after) >= 3 and after[0] in lang.partitive and after[1] in lang.articles
                    and (after[2] in lang.time_units or self._lemma(after[2]) in lang.time_units))

    def _share_in_brackets(self, fwd: list[Tok], j: int) -> bool:
        """A share set off right after ("311 (10.9 percent) passed", "111 — 1 percent —",
        "911, or 2 percent,"): the number before is a count of something, not a phone line."""
        if j >= len(fwd) or fwd[j].t not in ("(", "-", "—", "–", ",", "،"):  # dashes read as "-"
            return False
        for k in range(j + 1, min(len(fwd), j + 4)):  # a hedge or "or" may come first
            if fwd[k].kind == "num":
                return self._percent_or_scale_after(fwd, k + 1)
            if fwd[k].kind != "word":
                return False
        return False

    def _percent_or_scale_after(self, fwd: list[Tok], j: int) -> bool:
        if j >= len(fwd):
            return False
        t = fwd[j]
        if t.t == "%" or t.k in self.lang.scales:
            return True
        return self._match_after(self.lang.percent_after, fwd, j, self._max_phrase["pa"]) is not None

    def _hedged(self, back: list[Tok]) -> bool:
        return self._match_before(self.lang.hedges_before, back, len(back), self._max_phrase["hb"]) is not None

    def _sentence_start(self, back: list[Tok]) -> bool:
        if len(back) < 2:
            return True
        return back[-2].t in (".", "!", "?", "\n", ":", '"', "(")

    def _age(self, back: list[Tok], fwd: list[Tok], j: int, num: _Num) -> bool:
        """An age: "aged 65", "ages 5 to 11", or "children under five", "people over 65" — a whole
        number of at most 120 after a bound word right after a noun of people, with no unit of
        its own ("people over 65 percent" is a share)."""
        lang = self.lang
        if not back or num.value != num.value.to_integral_value() or num.value > 120 or num.scale is not None:
            return False
        return (back[-1].k in lang.age_before or (
            back[-1].k in lang.age_bounds and len(back) > 1 and back[-2].k in lang.age_nouns)) \
            and not self._has_unit_after(fwd, j)

    def _one_in(self, fwd: list[Tok], j: int, num: _Num) -> tuple[str, int] | None:
        """"one in four", "2 in 5", "one in every three": the unit of the fraction 1/M (as "a
        fourth" has it) and the index of M's last token; None unless M is a whole number above
        the count with a fraction word of its own, and no period or scale follows it ("2 in 10
        days" counts days)."""
        lang = self.lang
        if j >= len(fwd) or fwd[j].k not in lang.share_in or num.scale is not None or num.fraction is not None \
                or num.value != num.value.to_integral_value():
            return None
        k = j + 1
        if k < len(fwd) and fwd[k].k in lang.share_every:
            k += 1
        if k >= len(fwd) or (fwd[k].kind != "num" and fwd[k].k not in lang.cardinals):
            return None
        den = self._parse(fwd[k:])
        if den.last < 0 or den.special or den.ordinal or den.fraction or den.scale is not None \
                or den.value != den.value.to_integral_value() or not num.value < den.value:
            return None
        after = k + den.last + 1
        if after < len(fwd) and (fwd[after].k in lang.time_units or self._lemma(fwd[after].k) in lang.time_units
                                 or fwd[after].k in lang.scales):
            return None
        unit = lang.fractions.get(f"/{int(den.value)}")
        return None if unit is None else (unit, k + den.last)

    def _range(self, fwd: list[Tok], j: int, back: list[Tok], num: _Num) -> tuple[_Num, int, int | None] | None:
        lang = self.lang
        t = fwd[j]
        joined = t.k in lang.range_join or (t.t == "-" and t.s == fwd[num.last].e)
        if not joined and t.k not in lang.conj:
            return None  # the common case, decided without looking back
        between = any(b.k in lang.range_between for b in back[-3:])
        if not (joined or between):
            return None
        if j + 1 >= len(fwd):
            return None
        if back and back[-1].k in lang.change_from and not between:
            return None
        if t.t == "-" and fwd[j + 1].s != t.e:
            return None
        rest = fwd[j + 1:]
        if rest[0].kind != "num" and rest[0].k not in lang.cardinals:
            return None
        num2 = self._parse(rest)
        if num2.last < 0 or num2.special or num2.ordinal or num2.fraction:
            return None
        first_scaled = None
        if num2.scale is not None and num.scale is None and num.value < num2.value / num2.scale * 10 and \
                num.value < num2.scale:
            first_scaled = num2.scale
        if num.scale is not None and num2.value < num.value and not between:
            return None  # "$2 million to 4,000 families": "to" says where the money went, it spans nothing
        return num2, j + 1 + num2.last + 1, first_scaled

    def _rate_ahead(self, fwd: list[Tok], j: int, cues: list[str]) -> str | None:
        """A rate a few words on in the same clause: "65 million people die ... each year"."""
        lang = self.lang
        for k in range(j, min(j + 6, len(fwd))):
            t = fwd[k]
            if t.kind != "word":
                return None
            if t.k in ("each", "every", "per", "a", "an") and k + 1 < len(fwd) and k > j:
                hit = self._match_after(lang.rate_after, fwd, k, self._max_phrase["ra"])
                if hit is not None and t.k != "a" and t.k != "an":
                    cues.append(" ".join(x.k for x in fwd[k:k + hit[0]]))
                    return str(hit[1])
        return None

    def _rate_before(self, back: list[Tok], bi: int) -> tuple[str, int, int] | None:
        """A rate cue earlier in the clause: (time unit, index of cue in back, tokens)."""
        lang = self.lang
        maxlen = self._max_phrase["rb"]
        lasts = self._lasts[id(lang.rate_before)]
        k = bi
        words = 0
        while k > 0 and words < 6:
            t = back[k - 1]
            if t.k in lasts:
                hit = self._match_before(lang.rate_before, back, k, maxlen)
                if hit is not None:
                    used, p = hit
                    return str(p), k - used, used
            if t.kind != "word" or t.k in _CLAUSE_WORDS:
                return None
            k -= 1
            words += 1
        return None

    def _match_back_anywhere(self, table: frozenset[Phrase], back: list[Tok], bi: int, maxlen: int) -> bool:
        """Whether a phrase of ``table`` occurs earlier in the clause (before ``back[bi]``).

        Not when only determiners stand between it and the figure: in "at each of its two
        branches" / «در هر یک از ۵ مدرسه» the figure counts the things "each" ranges over.
        """
        lasts = self._each_lasts
        k = bi
        adjacent = True  # nothing but determiners between back[k - 1] and the figure
        while k > 0:
            t = back[k - 1]
            if t.kind == "num" or t.t in _CLAUSE_END:
                return False
            if t.k in lasts:
                for n in range(min(maxlen, k), 0, -1):
                    if tuple(x.k for x in back[k - n:k]) in table:
                        return not adjacent
            adjacent = adjacent and t.k in _DETERMINERS
            k -= 1
        return False

    # -- passes over a sentence ------------------------------------------------------------
    def _sentences(self, norm: str, out: list[Mention], lo: int, hi: int, prep: Prepared) -> None:
        if not out:
            return
        bounds = [prep.orig(m.start()) for m in _SENTENCE.finditer(norm, lo, hi)]
        for men in out:
            men.sentence = bisect_right(bounds, men.fig_start)

    def _inherit(self, out: list[Mention]) -> None:
        """A figure with no noun, or a generic one ("مورد", "cases"), counts what a figure before it counts."""
        last: dict[int, Mention] = {}
        for men in out:
            if men.kind != "quantity":
                continue
            bare = ((men.count_unit is None or "unit_from_context" in men.tags) and "fraction" not in men.tags \
                and "multiplier" not in men.tags and men.unit in ("dimensionless",)) or (
                    "unit_from_context" in men.tags and men.per is None)
            guess = "unit_guess" in men.tags
            src = last.get(men.sentence)
            # «۱۵ مورد» after «۴ هزار نفر» counts cases, not people
            # ... unless a partitive says what it counts: «۵ هزار مورد از این حوادث»
            generic = "generic_noun" in men.tags and "partitive" not in men.tags and not (
                src is not None and src.count_unit in self.lang.classifier_keeps_own)
            if (bare or generic or guess) and src is not None and src.count_unit is not None \
                    and not ("unit_guess" in src.tags and not guess):
                if guess and src.noun_key != men.noun_key:
                    pass
                else:
                    men.count_unit = src.count_unit
                    men.tags.append("unit_inherited")
                    if "unit_from_context" in men.tags:
                        men.tags.remove("unit_from_context")
            if men.count_unit is not None and men.unit not in ("percent", "percentage_point"):
                if "unit_inherited" in men.tags or men.unit == "dimensionless" or "unit_from_context" in men.tags:
                    men.unit = men.count_unit
                if "generic_noun" not in men.tags or "unit_inherited" in men.tags:
                    last[men.sentence] = men
            if men.per is not None:
                # "33 families a day" counts what "12,000 families" counts: an unknown noun is an item either way
                base = men.count_unit if men.count_unit else ("item" if guess else "1")
                men.unit = f"{base} / {men.per}"
            elif men.unit == "dimensionless" and guess:
                men.unit = "item"

    def _periods(self, out: list[Mention], prep: Prepared) -> None:
        """Attach a stated period ("in the last 6 months") to the other figures of its sentence."""
        # "137 in 2012/13", "19,327 in 2021": a year right after a figure is the year it covers
        prev: Mention | None = None
        for men in out:
            if men.kind == "year" and prev is not None and prev.sentence == men.sentence and prev.per is None \
                    and prev.unit not in ("percent", "percentage_point", "times") \
                    and prep.original[prev.end:men.start].strip().lower() in _YEAR_GLUE:
                prev.period = ("1 year", prep.original[men.start:men.end])
            if men.kind == "quantity":
                prev = men
        by_sentence: dict[int, Mention] = {}
        for men in out:
            if men.period_of is not None:
                by_sentence.setdefault(men.sentence, men)
        if not by_sentence:
            return
        for men in out:
            p = by_sentence.get(men.sentence)
            if p is not None and p is not men and men.kind == "quantity" and men.per is None and men.period is None \
                    and men.unit not in ("percent", "percentage_point", "times"):
                assert p.period_of is not None
                men.period = (p.period_of, prep.original[p.start:p.end])


def _trie(words: Iterable[str]) -> str:
    """A regular expression matching exactly ``words``, factored by common prefixes."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]  # a trie: character -> subtree, "" ends a word
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        if "" not in node:
            return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return (alts[0] if len(alts) == 1 and len(alts[0]) == 1 else "(?:" + "|".join(alts) + ")") + "?"

    return "(?:" + emit(root) + ")"


def _possessive(fwd: list[Tok], j: int) -> bool:
    """``fwd[j]`` is an apostrophe glued to the word before it: "girls' enrolment"."""
    return j < len(fwd) and fwd[j].t in ("'", "’") and fwd[j].s == fwd[j - 1].e


def _year_like(s: str) -> bool:
    if not s.isdigit() or len(s) != 4:
        return False
    v = int(s)
    return any(a <= v < b for a, b in _YEAR_RANGES)


def _comparative(lang: Language, toks: list[Tok], start: int, hedge: object) -> bool:
    """The hedge words at offset ``start`` follow a percentage or a multiple: «۸ درصد بیشتر از», "8 percent more than".

    "more than" there compares the two figures (the next one is the base of a change); it does
    not bound the figure after it.
    """
    at = bisect_left(toks, start, key=_START)
    if at <= 0 or hedge not in (Hedge.more_than, Hedge.less_than):
        return False
    word = toks[at - 1].k
    return toks[at - 1].t == "%" or word in lang.multipliers_after or any(p[-1] == word for p in lang.percent_after)


def _hedge_word(lang: Language, k: str) -> bool:
    return any(k in p for p in lang.hedges_before)


def _plain(d: Decimal) -> str:
    return format(d.normalize(), "f") if d == d.to_integral_value() else str(d)


def _orig_words(prep: Prepared, fwd: list[Tok], a: int, b: int) -> str:
    s, e = prep.orig_span(fwd[a].s, fwd[b - 1].e)
    return prep.original[s:e]


