"""Serve the reference front end (frontend/) on 127.0.0.1, for development and the browser tests.

It serves files only: no API, no templates, nothing computed. A path that names no file and has
no extension (a deep link such as /en/statements/<slug>/) gets index.html, so the front end's
router can show it; a missing file with an extension is a 404.
"""

import argparse
import functools
import posixpath
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

FRONTEND_DIR = Path(__file__).resolve().parent.parent / "frontend"
# Tooling for the tests (axe-core) lives beside the app but is not part of the site.
PRIVATE_PREFIXES = ("/tools/",)


class FrontendHandler(SimpleHTTPRequestHandler):
    """Static files with an index.html fallback for the single-page app's routes."""

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".css": "text/css",
        ".html": "text/html; charset=utf-8",
        ".json": "application/json",
    }

    def send_head(self):
        path = unquote(urlsplit(self.path).path)
        if path.startswith(PRIVATE_PREFIXES):
            self.send_error(404)
            return None
        if not Path(self.translate_path(self.path)).exists() and not posixpath.splitext(path)[1]:
            self.path = "/index.html"
        return super().send_head()

    def list_directory(self, path):
        self.send_error(404)
        return None

    def end_headers(self):
        # Development server: always revalidate, so an edited module is picked up on reload.
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "strict-origin-when-cross-origin")
        super().end_headers()

    def log_message(self, format, *args):
        if not getattr(self.server, "quiet", False):
            super().log_message(format, *args)


def make_server(directory=FRONTEND_DIR, host="127.0.0.1", port=3000, quiet=False):
    """A ready (bound, not yet serving) server for `directory`; port 0 picks a free port."""
    handler = functools.partial(FrontendHandler, directory=str(directory))
    server = ThreadingHTTPServer((host, port), handler)
    server.quiet = quiet
    server.daemon_threads = True
    return server


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=3000)
    parser.add_argument("--directory", type=Path, default=FRONTEND_DIR)
    args = parser.parse_args()
    server = make_server(args.directory, args.host, args.port)
    host, port = server.server_address[:2]
    print(f"Front end: http://{host}:{port}/ (files from {args.directory})", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
