"""The web application: the page's static assets and a JSON API over the factcheck pipeline.

Every endpoint is stateless: the page sends its whole state (article text, claims, rules)
and gets back verdicts, downloads or the graph.  The API is described by OpenAPI at
``/api/openapi.json`` (no interactive docs page: that would load scripts from a CDN).
Security for a local tool that may still be reached by other pages in the editor's
browser: JSON bodies only (a cross-site form cannot send them without a preflight),
a Host allow-list (DNS rebinding), a body size limit, and a Content-Security-Policy
that allows no inline script.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..errors import FactcheckError, InputError
from ..evaluate import evaluate
from ..files import ClaimSet, load_text
from ..model import Hedge
from ..report import Report
from ..semantics import DEFAULT_POLICY
from ..verdict import describe
from .forms import kind_forms
from .state import ArticleIn, ClaimFilesIn, StateIn, claimset, dump_claimset, to_yaml
from .svg import render_svg

__all__ = ["CSP", "DEFAULT_MAX_BYTES", "create_app"]

STATIC = Path(__file__).parent / "static"
#: Largest request body accepted (an article plus its claims is a few hundred kB at most).
DEFAULT_MAX_BYTES = 2 * 1024 * 1024
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
       "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]
#: Media types of report formats; anything else is served as text.
MEDIA_TYPES = {"json": "application/json", "sarif": "application/sarif+json"}
SUFFIXES = {"json": "json", "sarif": "sarif", "text": "txt"}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
M = TypeVar("M", bound=BaseModel)


class ApiError(Exception):
    """An error the API reports as ``{"error": message, "field": ...}`` with a status code."""

    def __init__(self, status: int, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field


class _Headers:
    """ASGI middleware: security headers on every response, and ``no-store`` on the API."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        api = str(scope.get("path", "")).startswith("/api/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.extend(SECURITY_HEADERS)
                if api:
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _DeclaredLength:
    """ASGI middleware: refuse a body whose declared length is over the limit before reading it."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            for k, v in scope.get("headers", []):
                if k == b"content-length" and v.isdigit() and int(v) > self.max_bytes:
                    await _too_large(self.max_bytes)(scope, receive, send)
                    return
        await self.app(scope, receive, send)


def _too_large(limit: int) -> JSONResponse:
    return JSONResponse({"error": f"request too large: the limit is {limit:,} bytes "
                                  "(start the server with --max-bytes to raise it)"}, status_code=413)


async def _read_json(request: Request, model: type[M], limit: int) -> M:
    """The body as ``model``: JSON only, within the size limit, numbers kept as decimals."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/json":
        raise ApiError(415, f"expected Content-Type application/json (got {ctype or 'none'!r})")
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            raise ApiError(413, f"request too large: the limit is {limit:,} bytes "
                                "(start the server with --max-bytes to raise it)")
    try:
        data = json.loads(body.decode("utf-8"), parse_float=Decimal)
    except UnicodeDecodeError as exc:
        raise ApiError(400, f"body is not UTF-8 (invalid byte at {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise ApiError(400, f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise ApiError(400, "invalid JSON: nested too deeply") from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        field = ".".join(str(p) for p in err["loc"])
        got = err.get("input")
        shown = "" if isinstance(got, dict | list) else f" (got {str(got)[:80]!r})"
        raise ApiError(422, f"{field}: {err['msg']}{shown}", field or None) from None


def _checked(state: StateIn) -> tuple[ClaimSet, Report]:
    try:
        cs = claimset(state)
    except InputError as exc:
        raise ApiError(422, f"{exc.field}: {exc.bare_message}" if exc.field else exc.bare_message,
                       exc.field) from None
    return cs, Report(evaluate(cs, DEFAULT_POLICY), [state.name])


def _result(cs: ClaimSet, report: Report) -> dict[str, Any]:
    """What the page draws: report version 1, each figure in words, and the graph."""
    return {
        "report": report.to_dict(),
        "described": {cid: describe(c) for cid, c in cs.claims.items()},
        "graph_svg": render_svg(cs, report.findings),
    }


def _analyze(art: ArticleIn) -> dict[str, Any]:
    from ..articles import claimset_from_article  # type: ignore[import-not-found, unused-ignore]

    text, name = _plain_html(art.text, art.name)
    try:
        found: ClaimSet = claimset_from_article(text, name, lang=art.lang)
    except InputError as exc:
        raise ApiError(422, exc.bare_message, exc.field) from None
    if len(found.texts) == 1:
        text = next(iter(found.texts.values()))
    state = StateIn(text=text, name=name, lang=art.lang, **dump_claimset(found))
    cs, report = _checked(state)
    return {"state": state.model_dump(mode="json"), "result": _result(cs, report)}


def _import(got: ClaimFilesIn) -> dict[str, Any]:
    loaded = ClaimSet()
    try:
        for f in got.files:
            loaded.add(load_text(f.content, f.name))
    except InputError as exc:
        raise ApiError(422, str(exc), exc.field) from None
    fields = dump_claimset(loaded)
    doc = fields.get("document") or {}
    state = StateIn(text=got.text, name=_article_name(doc, got.name), lang=got.lang or doc.get("lang"), **fields)
    cs, report = _checked(state)
    return {"state": state.model_dump(mode="json"), "result": _result(cs, report)}


def _evaluate(state: StateIn) -> dict[str, Any]:
    return _result(*_checked(state))


def _export(state: StateIn) -> Response:
    _checked(state)  # never offer a file that would not load
    return _attachment(to_yaml(state), "application/yaml; charset=utf-8", f"{_stem(state.name)}.claims.yaml")


def _report(fmt: str, state: StateIn) -> Response:
    from ..reporters import Options, get

    _, report = _checked(state)
    text = get(fmt)(report, Options(show_all=True))
    return _attachment(text, MEDIA_TYPES.get(fmt, "text/plain; charset=utf-8"),
                       f"{_stem(state.name)}.report.{SUFFIXES.get(fmt, fmt)}")


def _graph(state: StateIn) -> Response:
    cs, report = _checked(state)
    return _attachment(render_svg(cs, report.findings), "image/svg+xml", f"{_stem(state.name)}.graph.svg")


def _attachment(content: str, media_type: str, filename: str) -> Response:
    return Response(content, media_type=media_type,
                    headers={"content-disposition": f'attachment; filename="{filename}"'})


def _stem(name: str) -> str:
    stem = name.rsplit(".", 1)[0] if "." in name else name
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in stem)
    return safe.encode("ascii", "ignore").decode() or "article"


def _body_schema(model: type[BaseModel]) -> dict[str, Any]:
    return {"requestBody": {"required": True, "content": {
        "application/json": {"schema": model.model_json_schema(ref_template="#/components/schemas/{model}")}}}}


def _article_name(doc: dict[str, Any], fallback: str) -> str:
    """The article's file name from a claim file's document path (reports cite it)."""
    path = str(doc.get("path") or "")
    return path.replace("\\", "/").rsplit("/", 1)[-1] or fallback


HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def _plain_html(text: str, name: str) -> tuple[str, str]:
    """An HTML page as the plain text the editor reads (``page.html`` -> ``page.txt``).

    Markup would bury the figures on the page; the extraction stage's source reader turns
    it into text, and the page, its spans and its report all speak of that text.
    """
    if not name.lower().endswith(HTML_SUFFIXES):
        return text, name
    try:
        from ..extract import source  # type: ignore[attr-defined, import-not-found, unused-ignore]
    except ImportError:  # a build without extraction cannot analyse articles at all
        return text, name
    plain: str = source.from_text(text, "html").text
    return plain, name.rsplit(".", 1)[0] + ".txt"


def extraction_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("factcheck.articles") is not None


def create_app(*, max_bytes: int = DEFAULT_MAX_BYTES, allowed_hosts: list[str] | None = None) -> Any:
    """The ASGI application (a FastAPI app wrapped in the security middleware)."""
    app = FastAPI(title="factcheck", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Check the figures of one article: extract, infer relations, "
                  "evaluate an edited set of claims and rules, download the results.")

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        body: dict[str, Any] = {"error": exc.message}
        if exc.field:
            body["field"] = exc.field
        return JSONResponse(body, status_code=exc.status)

    @app.exception_handler(FactcheckError)
    async def _fc_error(request: Request, exc: FactcheckError) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=422)

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/api/info", summary="What this server can do")
    def info() -> dict[str, Any]:
        """Version, report formats (from the reporter registry), whether articles can be
        analysed, the size limit, hedges, the fields of each rule kind, and the summary of
        each finding code in English and Persian."""
        from ..codes import CATALOGUE
        from ..kinds import load_all
        from ..reporters import names

        load_all()  # each kind registers its codes when it loads
        # Summaries of every finding code in both languages: the Persian page leads each
        # finding with its code's summary in Persian (then its message_fa).
        codes = {c.code: {"name": c.name, "en": c.summary, "fa": c.summary_fa} for c in CATALOGUE.values()}
        return {"version": __version__, "formats": names(), "extraction": extraction_available(),
                "max_bytes": max_bytes, "hedges": [h.value for h in Hedge], "kinds": kind_forms(),
                "codes": codes}

    # The work of each endpoint is synchronous and CPU-bound: it runs in the thread pool so
    # that a long article never stalls the event loop (and the requests queued behind it).

    @app.post("/api/analyze", summary="Extract figures and infer relations from an article",
              openapi_extra=_body_schema(ArticleIn))
    async def analyze(request: Request) -> dict[str, Any]:
        """Returns the page's new state (``text``, ``document``, ``claims``, ``rules``; spans
        in Unicode code points of ``text``) and its evaluation."""
        art = await _read_json(request, ArticleIn, max_bytes)
        if not extraction_available():
            raise ApiError(501, "extracting figures from articles needs the extraction stage, "
                                "which is not installed in this build")
        return await run_in_threadpool(_analyze, art)

    @app.post("/api/import", summary="Open claim files (YAML or JSON) for the pasted text",
              openapi_extra=_body_schema(ClaimFilesIn))
    async def import_files(request: Request) -> dict[str, Any]:
        """Returns the page's new state from the files' claims and rules, and its evaluation."""
        return await run_in_threadpool(_import, await _read_json(request, ClaimFilesIn, max_bytes))

    @app.post("/api/evaluate", summary="Evaluate the claims and rules the page holds",
              openapi_extra=_body_schema(StateIn))
    async def evaluate_state(request: Request) -> dict[str, Any]:
        """Report version 1 (``report``), each figure in words (``described``), and the rule
        graph as SVG (``graph_svg``).  A claim or rule that a claim file could not hold is
        a 422 with ``error`` naming the field."""
        return await run_in_threadpool(_evaluate, await _read_json(request, StateIn, max_bytes))

    @app.post("/api/export/claims.yaml", summary="The claims and rules as a claim file",
              openapi_extra=_body_schema(StateIn), response_class=Response)
    async def export_yaml(request: Request) -> Response:
        """YAML that ``factcheck check`` reads; rejected relations are simply not sent."""
        return await run_in_threadpool(_export, await _read_json(request, StateIn, max_bytes))

    @app.post("/api/report/{fmt}", summary="The report in a registered format (json, sarif, text, ...)",
              openapi_extra=_body_schema(StateIn), response_class=Response)
    async def report_format(fmt: str, request: Request) -> Response:
        from ..reporters import names

        if fmt not in names():
            raise ApiError(404, f"unknown report format {fmt!r} (available: {', '.join(names())})")
        return await run_in_threadpool(_report, fmt, await _read_json(request, StateIn, max_bytes))

    @app.post("/api/graph.svg", summary="The rule graph as SVG", openapi_extra=_body_schema(StateIn),
              response_class=Response)
    async def graph_svg(request: Request) -> Response:
        return await run_in_threadpool(_graph, await _read_json(request, StateIn, max_bytes))

    hosts = allowed_hosts if allowed_hosts is not None else ["127.0.0.1", "localhost"]
    inner: ASGIApp = TrustedHostMiddleware(app, allowed_hosts=hosts)
    return _Headers(_DeclaredLength(inner, max_bytes))
