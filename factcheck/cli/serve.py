"""``factcheck serve``: start the local web page (see docs/web.md)."""

from __future__ import annotations

import argparse
import ipaddress
import socket
import sys

LOOPBACK_NAMES = ("localhost",)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("serve", help="start a local web page to check an article in a browser",
                       description="Start a local web page where an editor pastes an article, sees "
                       "its figures checked, corrects them and downloads the claims, rules and report.")
    p.add_argument("--host", default="127.0.0.1",
                   help="interface to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8150, help="port (default: 8150; 0 picks a free one)")
    p.add_argument("--max-bytes", type=int, default=None, metavar="N",
                   help="largest request accepted, in bytes (default: 2 MiB)")
    p.set_defaults(func=run)


def is_loopback(host: str) -> bool:
    """True if ``host`` names only this machine."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    from ..errors import UsageError
    from ..web import MISSING_DEPENDENCIES, missing_dependencies

    missing = missing_dependencies()
    if missing:
        print(f"factcheck: error: serve needs {', '.join(missing)}; install with: {MISSING_DEPENDENCIES}",
              file=sys.stderr)
        return 2
    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port must be between 0 and 65535 (got {args.port})")
    import uvicorn

    from ..web.app import DEFAULT_MAX_BYTES, create_app

    max_bytes = args.max_bytes if args.max_bytes is not None else DEFAULT_MAX_BYTES
    if max_bytes <= 0:
        raise UsageError(f"--max-bytes must be positive (got {max_bytes})")
    hosts = ["127.0.0.1", "localhost", "::1"]
    if not is_loopback(args.host):
        print(f"factcheck: warning: listening on {args.host}: anyone who can reach this machine "
              "can use the page and read what is pasted into it; use --host 127.0.0.1 to keep it local",
              file=sys.stderr)
        hosts = ["*"]
    app = create_app(max_bytes=max_bytes, allowed_hosts=hosts)
    sock = _bind(args.host, args.port)
    port = sock.getsockname()[1]
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(f"factcheck: serving on http://{shown}:{port}/ (Ctrl+C to stop)", flush=True)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    uvicorn.Server(config).run(sockets=[sock])
    return 0


def _bind(host: str, port: int) -> socket.socket:
    """A listening socket, bound here so that a busy port is a one-line error, not a log."""
    from ..errors import UsageError

    try:
        family, kind, proto, _, addr = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(addr)
        sock.listen(128)
    except OSError as exc:
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    return sock
