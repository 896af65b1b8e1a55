"""Serve a built site/ as a static host does, to check a deployment: plain files, gzip for text, 404.html for
missing pages, no rebuilds (`make serve-site`).

    python scripts/serve_site.py site [--port 8000]
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import pathlib
from typing import BinaryIO

COMPRESSED = {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".map"}


class StaticHostHandler(http.server.SimpleHTTPRequestHandler):
    """Like a university web server or a CDN: gzip when the browser accepts it, the site's own 404 page otherwise."""

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        path = pathlib.Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if path.is_dir():
            return super().send_head()  # redirects /faq to /faq/, as static hosts do
        if not path.is_file():
            return self._send(pathlib.Path(self.directory) / "404.html", 404)
        return self._send(path, 200)

    def _send(self, path: pathlib.Path, status: int) -> io.BytesIO:
        body = path.read_bytes() if path.is_file() else b"Not found"
        gzipped = path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            body = gzip.compress(body)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        return io.BytesIO(body)  # what send_head returns: copyfile reads it


def make_server(site_dir: pathlib.Path, port: int, host: str = "127.0.0.1") -> http.server.ThreadingHTTPServer:
    handler = functools.partial(StaticHostHandler, directory=str(site_dir))
    return http.server.ThreadingHTTPServer((host, port), handler)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=pathlib.Path)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    server = make_server(args.site_dir, args.port)
    print(f"Serving {args.site_dir}/ with gzip at http://127.0.0.1:{args.port}/ (Ctrl+C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
