"""`make serve-site` serves the built site as a static host would: gzip for text, the site's 404 page (issue 9)."""
import gzip
import importlib.util
import threading
import urllib.error
import urllib.request

import pytest

from site_build import ROOT

spec = importlib.util.spec_from_file_location("serve_site", ROOT / "scripts" / "serve_site.py")
serve_site = importlib.util.module_from_spec(spec)
spec.loader.exec_module(serve_site)


@pytest.fixture(scope="module")
def static_host(site_dir):
    server = serve_site.make_server(site_dir, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def get(url: str, gzip_ok: bool = True):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        return urllib.request.urlopen(request)
    except urllib.error.HTTPError as error:
        return error


def test_pages_and_assets_come_gzipped(static_host, site_dir):
    for path, file, kind in [("/faq/", "faq/index.html", "text/html"),
                             ("/assets/js/advisor-links.js", "assets/js/advisor-links.js", "javascript")]:
        response = get(static_host + path)
        assert response.status == 200 and response.headers["Content-Encoding"] == "gzip"
        assert kind in response.headers["Content-Type"]
        assert gzip.decompress(response.read()) == (site_dir / file).read_bytes()


def test_a_client_without_gzip_gets_plain_files(static_host, site_dir):
    response = get(static_host + "/faq/", gzip_ok=False)
    assert response.headers.get("Content-Encoding") is None and response.read() == (site_dir / "faq/index.html").read_bytes()


def test_a_missing_page_gets_the_sites_404_page(static_host, site_dir):
    response = get(static_host + "/no-such-page/")
    assert response.status == 404
    assert gzip.decompress(response.read()) == (site_dir / "404.html").read_bytes()
