"""A fast reader for the plain block-style YAML that large claim files are written in.

PyYAML's C loader still builds a Python event, node and mark for every scalar, which costs
about 1.5 µs per byte of a claim file: 18 s for 10^5 claims.  Large claim files are
machine-written in a small part of YAML (block mappings and sequences, one scalar per
line, short flow collections such as ``parts: [a, b]``), and that part can be read line by
line at a fraction of the cost.

:func:`load` reads exactly that part and raises :class:`Unsupported` on anything else
(anchors, tags, block and multi-line scalars, escapes, tabs, document markers, ...), so
the caller falls back to PyYAML for it, errors included.  What it accepts it reads to the
same Python values as PyYAML's safe loader: plain scalars are resolved and constructed by
PyYAML's own YAML 1.1 resolvers and constructors (``tests/test_load_fast.py`` checks the
equality on generated documents).  Equal scalars are constructed once per file, so
repeated strings (units, hedges, periods) are shared, not copied.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

__all__ = ["Unsupported", "load"]


class Unsupported(Exception):
    """The text uses YAML this reader does not handle; read it with PyYAML instead."""


# Text with any of these (tabs, carriage returns, YAML's other line breaks, the byte order
# mark, control characters, surrogates) is left to PyYAML, which either reads or rejects it.
_OUTSIDE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
# A key: a plain identifier-like scalar, then ": " or ":" at the end of the line.
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_.\-]{0,200}):(?: +|$)")
_KEY_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]{0,200}")
_MISS = object()
_LINE = re.compile(r"^( *)([^ \n#].*)$", re.MULTILINE)
# A single-line quoted scalar and what may follow it (spaces, then a comment).
_SQUOTE = re.compile(r"'((?:[^']|'')*)'")
_DQUOTE = re.compile(r'"([^"\\]*)"')
_TAIL = re.compile(r"(?: +#.*)?$")
# A plain scalar inside a flow collection: no indicator first, no flow indicators inside.
_FLOW_PLAIN = re.compile(r"(?:-(?=[0-9.]))?[^ ,\[\]{}#:?'\"&*!|>%@`\-][^,\[\]{}#:?]*")
# Characters that cannot start a plain scalar in block context (YAML 1.1, chapter 9).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_STR = "tag:yaml.org,2002:str"
_SIMPLE_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("null", "bool", "int", "float", "timestamp", "str")
)


class _Scalars:
    """PyYAML's implicit typing of plain scalars, memoised per file."""

    def __init__(self, constructors: dict[Any, Callable[..., Any]],
                 resolvers: dict[Any, list[tuple[str, Any]]] | None = None) -> None:
        import yaml

        table = yaml.resolver.Resolver.yaml_implicit_resolvers if resolvers is None else resolvers
        # by first character, as PyYAML's resolve() looks them up, wildcard resolvers last
        self._wildcard = table.get(None, [])
        self._resolvers = {k: v + self._wildcard for k, v in table.items() if k is not None}
        self._constructors = constructors
        # The string constructor returns the text itself unless a loader replaced it.
        self._str_is_text = constructors.get(_STR) is yaml.constructor.SafeConstructor.construct_yaml_str
        self._node = yaml.ScalarNode
        # The constructors only read node values and class tables: one instance serves all.
        self._ctor = yaml.constructor.SafeConstructor()
        self.memo: dict[str, Any] = {}

    def plain(self, text: str) -> Any:
        try:
            return self.memo[text]
        except KeyError:
            pass
        if text.isdigit() and text.isascii() and (text[0] != "0" or text == "0") and len(text) < 100:
            # what PyYAML's int resolver and constructor make of plain decimal digits
            value: Any = int(text)
            self.memo[text] = value
            return value
        tag = _STR
        for t, regexp in self._resolvers.get(text[:1], self._wildcard):
            if regexp.match(text):
                tag = t
                break
        if tag == _STR and self._str_is_text:
            self.memo[text] = text
            return text
        if tag not in _SIMPLE_TAGS:
            raise Unsupported(tag)
        try:
            value = self._constructors[tag](self._ctor, self._node(tag, text))
        except Exception as exc:  # PyYAML's own error (or lack of one) is the reference
            raise Unsupported(str(exc)) from None
        self.memo[text] = value
        return value

    def quoted(self, text: str) -> str:
        # Equal strings share one object, as plain ones do.
        got = self.memo.setdefault("\0" + text, text)
        return got  # type: ignore[no-any-return]


class _Reader:
    """Recursive descent over (indent, content) lines; raises Unsupported on anything unknown."""

    def __init__(self, indents: list[int], rest: list[str], scalars: _Scalars) -> None:
        self.ind = indents
        self.rest = rest
        self.n = len(rest)
        self.i = 0
        self.sc = scalars
        self.keys: dict[str, Any] = {}  # mapping keys seen, resolved

    def block(self, ind: int) -> Any:
        c = self.rest[self.i]
        if c == "-" or c[:2] == "- ":
            return self.seq(ind)
        if _KEY.match(c):
            return self.mapping(ind)
        self.i += 1
        return self.value(c)

    def mapping(self, ind: int) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        ind_, rest, n, memo, keys = self.ind, self.rest, self.n, self.sc.memo, self.keys
        i = self.i
        while i < n and ind_[i] == ind:
            c = rest[i]
            name, sep, tail = c.partition(": ")
            if not sep:
                if c[-1:] != ":":
                    raise Unsupported(c)
                name = c[:-1]
            key = keys.get(name, _MISS)
            if key is _MISS:
                if not _KEY_NAME.fullmatch(name):
                    raise Unsupported(c)
                key = keys[name] = self.sc.plain(name)
            i += 1
            if tail and tail[0] != "#":
                # Every text in the memo is a plain scalar that value() would accept as is.
                v = memo.get(tail, _MISS)
                if v is _MISS:
                    self.i = i
                    v = self.value(tail)
                if i < n and ind_[i] > ind:
                    raise Unsupported("continued scalar")
            elif i < n and ind_[i] > ind:
                self.i = i
                v = self.block(ind_[i])
                i = self.i
                if i < n and ind_[i] > ind:
                    raise Unsupported("indentation")
            elif i < n and ind_[i] == ind and (rest[i] == "-" or rest[i][:2] == "- "):
                self.i = i
                v = self.seq(ind)  # a sequence may sit at its key's indentation
                i = self.i
            else:
                v = None
            out[key] = v
        self.i = i
        return out

    def seq(self, ind: int) -> list[Any]:
        out: list[Any] = []
        ind_, rest, n, memo = self.ind, self.rest, self.n, self.sc.memo
        i = self.i
        while i < n and ind_[i] == ind:
            c = rest[i]
            if c[:2] == "- ":
                body = c[2:]  # not empty: lines are stripped
                if body[0] == " ":
                    body = body.lstrip(" ")
                v = memo.get(body, _MISS)
                if v is not _MISS:  # a plain scalar seen before (see mapping())
                    i += 1
                elif body[0] != "#":
                    # the entry's content is a node of its own, starting at its column
                    col = ind + len(c) - len(body)
                    ind_[i], rest[i], self.i = col, body, i
                    v = self.block(col)
                    i = self.i
            elif c != "-":
                break
            if c == "-" or v is _MISS:  # nothing after the dash but perhaps a comment
                i += 1
                v = None
                if i < n and ind_[i] > ind:
                    self.i = i
                    v = self.block(ind_[i])
                    i = self.i
            if i < n and ind_[i] > ind:
                raise Unsupported("indentation")
            out.append(v)
        self.i = i
        return out

    def value(self, text: str) -> Any:
        """The scalar or flow collection that is the rest of a line."""
        text = text.lstrip(" ")  # "key:   value"
        first = text[:1]
        if first == "[" or first == "{":
            v, end = self.flow(text, 0)
            if not _TAIL.match(text, end):
                raise Unsupported(text)
            return v
        if first == "'" or first == '"':
            v, end = self.quoted(text, 0)
            if not _TAIL.match(text, end):
                raise Unsupported(text)
            return v
        if first in _INDICATORS and not (first == "-" and text[1:2] in "0123456789." and text[1:2]):
            raise Unsupported(text)
        cut = text.find(" #")
        if cut >= 0:
            text = text[:cut].rstrip(" ")
        if ": " in text or text[-1:] == ":":
            raise Unsupported(text)
        return self.sc.plain(text)

    def quoted(self, text: str, pos: int) -> tuple[str, int]:
        m = (_SQUOTE if text[pos] == "'" else _DQUOTE).match(text, pos)
        if m is None:
            raise Unsupported(text)
        s = m.group(1)
        if text[pos] == "'" and "''" in s:
            s = s.replace("''", "'")
        return self.sc.quoted(s), m.end()

    def flow(self, text: str, pos: int) -> tuple[Any, int]:
        """A flow collection on one line: ``[a, 'b', {c: 1}]``; returns it and where it ends."""
        close = "]" if text[pos] == "[" else "}"
        items: list[Any] = []
        mapping: dict[Any, Any] = {}
        pos = _skip(text, pos + 1)
        if text[pos:pos + 1] == close:
            return (items if close == "]" else mapping), pos + 1
        while True:
            if close == "}":
                m = _KEY.match(text, pos)
                if m is None or m.end() == len(text):
                    raise Unsupported(text)
                key = self.sc.plain(m.group(1))
                v, pos = self.flow_node(text, m.end())
                mapping[key] = v
            else:
                v, pos = self.flow_node(text, pos)
                items.append(v)
            pos = _skip(text, pos)
            ch = text[pos:pos + 1]
            if ch == close:
                return (items if close == "]" else mapping), pos + 1
            if ch != ",":
                raise Unsupported(text)
            pos = _skip(text, pos + 1)
            if text[pos:pos + 1] in (close, ""):
                raise Unsupported(text)  # trailing comma or unclosed

    def flow_node(self, text: str, pos: int) -> tuple[Any, int]:
        ch = text[pos:pos + 1]
        if ch == "[" or ch == "{":
            return self.flow(text, pos)
        if ch == "'" or ch == '"':
            return self.quoted(text, pos)
        m = _FLOW_PLAIN.match(text, pos)
        if m is None:
            raise Unsupported(text)
        return self.sc.plain(m.group().rstrip(" ")), m.end()


def _skip(text: str, pos: int) -> int:
    while text[pos:pos + 1] == " ":
        pos += 1
    return pos


def load(text: str, constructors: dict[Any, Callable[..., Any]],
         resolvers: dict[Any, list[tuple[str, Any]]] | None = None) -> Any:
    """Read ``text`` as PyYAML would with ``constructors`` (a loader's ``yaml_constructors``)
    and ``resolvers`` (its ``yaml_implicit_resolvers``; PyYAML's YAML 1.1 ones if None).

    Raise :class:`Unsupported` if the text is not in the part of YAML read here.
    """
    # CRLF is a line break like LF, and no scalar read here spans lines.
    text = text.replace("\r\n", "\n")
    if _OUTSIDE.search(text):
        raise Unsupported("character")
    lines = _LINE.findall(text)  # (indentation, content) of lines that are not blank or comments
    indents = [len(a) for a, _ in lines]
    rest = [b for _, b in lines]
    if " \n" in text or text.endswith(" "):
        rest = [b.rstrip(" ") for b in rest]
    if not rest:
        raise Unsupported("empty")
    reader = _Reader(indents, rest, _Scalars(constructors, resolvers))
    try:
        data = reader.block(indents[0])
    except RecursionError:
        raise Unsupported("nested too deeply") from None
    # A lone scalar may be a document marker ("...") or a directive: leave it to PyYAML.
    if reader.i != reader.n or not isinstance(data, dict | list):
        raise Unsupported("not one mapping or sequence")
    return data
