"""Hook: whole-site facts that pages and the footer show (issue 9). Logic: handbook/institution.py, edition.py,
advisors.py; handbook/md_markers.py puts them where a page says `<!-- name -->`.

on_config  read the school's institution file (INSTITUTION=path) for the office card and the inline office name
           (handbook/school_office.py, and the template notes), the edition and review dates, and the advisors'
           table; warn about overdue reviews without failing a strict build
on_files   copy the school's logo into the site
"""
from __future__ import annotations

import datetime
import logging
import pathlib

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import CountHandler

from handbook.advisors import advisor_links_markdown
from handbook.edition import due_list_markdown, edition_date, overdue_message, page_reviews
from handbook.frontmatter import SourceError
from handbook.institution import load, office_html
from handbook.mkdocs_adapter import fail
from handbook.reviewed import human_date

MARKERS_EXTENSION = "handbook.md_markers"
# Name the school's office inline (`{{ school.office }}`): in pages, the template widgets' notes, the decoder's guide.
INSTITUTION_EXTENSIONS = ("handbook.school_office", "handbook.templates_embed", "handbook.decoder_markdown")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = pathlib.Path(config.config_file_path).parent
    docs = pathlib.Path(config.docs_dir)
    institution = None
    if institution_file := config.extra.get("institution_file"):
        config.watch.append(str(pathlib.Path(institution_file).resolve()))
        try:
            institution = load(institution_file)
        except SourceError as error:
            raise fail(error) from None
    config.extra["institution"] = institution
    if institution:
        config.extra_css.append("assets/css/school.css")  # the office card and the footer's host line
    for extension in INSTITUTION_EXTENSIONS:
        config.mdx_configs.setdefault(extension, {})["institution"] = institution

    edition = edition_date(docs)
    config.extra["edition"] = edition and {"date": edition.isoformat(), "text": human_date(edition)}
    today = datetime.date.today()
    reviews = page_reviews(docs)
    for page in reviews:
        if page.overdue(today):
            _review_log().warning(overdue_message(page, docs.name))

    edition_line = f"This edition: **{human_date(edition)}**, the newest review date of any page." if edition else ""
    config.mdx_configs[MARKERS_EXTENSION] = {
        "html": {"school-office": office_html(institution)},
        "markdown": {
            "edition": edition_line,
            "due-for-review": due_list_markdown(reviews, today),
            "advisor-links": advisor_links_markdown(config.nav, docs, root / "snippets" / "templates"),
        },
    }
    return config


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    institution = config.extra.get("institution")
    if institution and institution.logo:
        files.append(File.generated(config, institution.logo_url, abs_src_path=str(institution.logo)))
    return files


def _review_log() -> logging.Logger:
    """A logger that prints like MkDocs' own but is not counted by --strict: an overdue review is a reminder, not a
    broken page, and a strict build must still pass (`mkdocs` and `mkdocs.*` loggers are the ones counted)."""
    log = logging.getLogger("handbook.review")
    if not log.handlers:
        log.propagate = False
        for handler in logging.getLogger("mkdocs").handlers:
            if not isinstance(handler, CountHandler):
                log.addHandler(handler)
        if not log.handlers:
            log.addHandler(logging.StreamHandler())
    return log
