"""Build the site once per test run and serve it on 127.0.0.1, as a reader's browser would see it."""
from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import pathlib
import subprocess
import sys
import threading
from typing import TYPE_CHECKING, Any, BinaryIO

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

ROOT = pathlib.Path(__file__).resolve().parent.parent


def mkdocs_build(site_dir: pathlib.Path, *options: str, project: pathlib.Path = ROOT,
                 **env: str | None) -> subprocess.CompletedProcess[str]:
    """The one way tests and scripts build a site: `mkdocs build --strict` (unless options say `--no-strict`) of a
    project into site_dir, with its messages captured. env as for mkdocs_environment."""
    return subprocess.run(mkdocs_command(site_dir, *options), cwd=project, env=mkdocs_environment(**env),
                          capture_output=True, text=True)


def mkdocs_command(site_dir: pathlib.Path | str, *options: str) -> list[str]:
    """The command line of mkdocs_build, for a caller that runs it in its own way (make_pdf.py, alongside Chromium)."""
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir), *options]


def mkdocs_environment(**env: str | None) -> dict[str, str]:
    """This process's environment for a build, without MkDocs' advert, plus env. A None value removes a variable:
    INSTITUTION=None builds the generic handbook even in a shell that names a school."""
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    for name, value in env.items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    return environment


@functools.cache
def build(site_dir: pathlib.Path, site_url: str) -> str:
    """Run `mkdocs build --strict` into site_dir for readers at site_url; return its log, or raise with the log."""
    # No PDFs: a developer's own `make pdf` output must not change what the tests see (tests/test_pdf.py prints its own).
    result = mkdocs_build(site_dir, SITE_URL=site_url, HANDBOOK_PDF_DIR=str(site_dir) + ".no-pdf")
    log = result.stdout + result.stderr
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build --strict failed:\n{log}")
    return log


def html_pages(site_dir: pathlib.Path) -> list[pathlib.Path]:
    return sorted(site_dir.rglob("*.html"))


def page_url_path(site_dir: pathlib.Path, page: pathlib.Path) -> str:
    """The URL path a reader uses: /faq/ for site/faq/index.html."""
    rel = page.relative_to(site_dir).as_posix()
    if rel.endswith("index.html"):
        rel = rel[: -len("index.html")]
    return "/" + rel


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:  # keep test output readable
        pass


class _GzipHandler(_QuietHandler):
    """Sends text files gzipped to a browser that accepts it, as a real host would (for page-speed measurements)."""

    _TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        path = pathlib.Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the address with a slash
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in self._TEXT or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class SiteServer:
    """A static file server on a free loopback port, in a background thread; with compress=True it gzips text."""

    def __init__(self, site_dir: pathlib.Path, compress: bool = False):
        self.site_dir = site_dir
        handler = functools.partial(_GzipHandler if compress else _QuietHandler, directory=str(site_dir))
        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.origin = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self.site_url = self.origin + "/"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def parse_html(html: str) -> BeautifulSoup:
    """Parse HTML keeping text as a browser does. BeautifulSoup's default folds a whitespace-only string to one newline,
    which would hide a letter's blank lines (the letters are shown with white-space: pre-wrap)."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser", preserve_whitespace_tags={"pre", "textarea", "div", "span", "mark", "p"})
