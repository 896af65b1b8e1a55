"""The message decoder's rules file (data/decoder-rules.yml): read, check, and turn into the JSON the engine reads.

Every problem is `file:line: message`. The engine itself is docs/assets/js/decoder-engine.js; this module only
makes sure the data it gets is sound, so a content editor's slip stops the build instead of breaking the page.
"""
from __future__ import annotations

import json
import pathlib
import re
from dataclasses import dataclass
from typing import Any

import yaml

from .frontmatter import FAST_LOADER, SourceError, _record_lines
from .institution import unknown_school_keys
from .markdown_lines import outside_fences
from .templates_embed import find_markers

# The kinds the page's markup contract names (data-kind values), in the order results are shown.
KINDS = ("admin", "soft-interest", "rank-highly", "pre-match", "improper-question", "second-look", "general-update")
_RULE_KEYS = {"kind", "phrases", "regex", "weight", "negatable", "quotable"}
_WORD_LISTS = ("negators", "negation_exceptions", "clause_breaks")
# Regex syntax that Python accepts but JavaScript reads differently or rejects: the engine runs JavaScript.
_NOT_JAVASCRIPT = re.compile(r"\(\?P|\(\?#|\(\?>|\(\?[aiLmsux-]+[):]|\\[AZz]|[*+?}]\+")
_LINK = re.compile(r"^(?P<page>[\w./-]+\.md)#(?P<anchor>[\w-]+)$")
_HEADING_ID = re.compile(r"^#{1,6} .*\{[^{}]*#(?P<id>[\w-]+)[^{}]*\}\s*$")  # ## Title { #id }


@dataclass(frozen=True)
class KindText:
    kind: str
    title: str
    means: str
    not_means: str | None
    do: str | None
    section: str  # page.md#anchor, from the docs folder
    section_title: str
    template: str | None
    template_title: str | None
    no_template: str | None


@dataclass(frozen=True)
class DecoderRules:
    kinds: tuple[KindText, ...]
    no_kind: KindText
    engine: dict[str, Any]  # what decoder-engine.js `compile` takes

    def engine_json(self) -> str:
        return json.dumps(self.engine, ensure_ascii=False, separators=(",", ":"))


def load(file: str | pathlib.Path, docs_dir: str | pathlib.Path, shown_as: str | None = None) -> DecoderRules:
    """Read and check the rules file. Raises SourceError for the first problem, with its line."""
    file = pathlib.Path(file)
    return _Checker(file.read_text(encoding="utf-8"), shown_as or str(file), pathlib.Path(docs_dir)).rules()


class _Checker:
    def __init__(self, text: str, path: str, docs_dir: pathlib.Path):
        self.path, self.docs_dir = path, docs_dir
        try:
            self.data = yaml.load(text, Loader=FAST_LOADER)
            node = yaml.compose(text, Loader=FAST_LOADER)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise SourceError(path, mark.line + 1 if mark else 1,
                              f"not valid YAML: {getattr(exc, 'problem', exc)}") from None
        self.lines: dict[tuple, int] = {}
        _record_lines(node, (), self.lines, offset=1)
        if not isinstance(self.data, dict):
            raise self.error("the rules file must be a mapping of keys to values")

    def error(self, message: str, *key: object) -> SourceError:
        while key and key not in self.lines:
            key = key[:-1]
        return SourceError(self.path, self.lines.get(key, 1), message)

    def get(self, *key: object) -> Any:
        value: Any = self.data
        for part in key:
            value = value.get(part) if isinstance(value, dict) else value[part]
        return value

    def rules(self) -> DecoderRules:
        if self.data.get("version") != 1:
            raise self.error(f"'version' must be 1, not {self.data.get('version')!r}", "version")
        threshold = self.positive_number("threshold")
        window = self.data.get("negation_window")
        if not isinstance(window, int) or isinstance(window, bool) or window < 1:
            raise self.error("'negation_window' must be a whole number of words, 1 or more", "negation_window")
        words = {name: self.strings(name) for name in _WORD_LISTS}
        mentions = self.strings("rule_mentions")
        for index, pattern in enumerate(mentions):
            self.check_regex(pattern, "rule_mentions", index)
        kinds = self.kinds()
        rules = [self.rule(index) for index in range(len(self.list_of("rules")))]
        for kind in KINDS:
            if not any(rule["kind"] == kind for rule in rules):
                raise self.error(f"no rule signals kind '{kind}'", "rules")
        engine = {"version": 1, "kinds": list(KINDS), "threshold": threshold, "negation_window": window,
                  **words, "rule_mentions": mentions, "rules": rules}
        return DecoderRules(kinds, self.kind_text("no_kind", ("no_kind",), needs_reply=False), engine)

    # --- kinds -----------------------------------------------------------------------------------------------------

    def kinds(self) -> tuple[KindText, ...]:
        kinds = self.data.get("kinds")
        if not isinstance(kinds, dict):
            raise self.error("'kinds' must map each kind to its texts", "kinds")
        for name in kinds:
            if name not in KINDS:
                raise self.error(f"unknown kind '{name}'; the kinds are: {', '.join(KINDS)}", "kinds", name)
        missing = [kind for kind in KINDS if kind not in kinds]
        if missing:
            raise self.error(f"'kinds' is missing {', '.join(missing)}", "kinds")
        return tuple(self.kind_text(kind, ("kinds", kind), needs_reply=True) for kind in KINDS)

    def kind_text(self, kind: str, key: tuple, needs_reply: bool) -> KindText:
        entry = self.get(*key)
        if not isinstance(entry, dict):
            raise self.error(f"'{key[-1]}' must be a mapping of texts", *key)
        title, means, section, section_title = (self.required_text(key + (name,))
                                                for name in ("title", "means", "section", "section_title"))
        not_means, do = (self.text(key + (name,), needs_reply) for name in ("not_means", "do"))
        self.check_link(section, key + ("section",), template=False)
        template, template_title, no_template = (self.text(key + (name,), False)
                                                 for name in ("template", "template_title", "no_template"))
        if needs_reply and not (template or no_template):
            raise self.error(f"kind '{kind}' needs a 'template' link, or 'no_template' saying why there is none", *key)
        if template:
            self.check_link(template, key + ("template",), template=True)
            if not template_title:
                raise self.error(f"kind '{kind}' has a 'template' but no 'template_title'", *key)
        return KindText(kind, title, means, not_means, do, section, section_title,
                        template, template_title, no_template)

    def check_link(self, link: str, key: tuple, template: bool) -> None:
        """A link must name an existing page and an anchor on it: a heading id, or a template the page shows."""
        match = _LINK.match(link)
        if not match:
            raise self.error(f"'{link}' must be a link from the docs folder, written page.md#anchor", *key)
        page = self.docs_dir / match.group("page")
        if not page.is_file():
            raise self.error(f"'{link}': no page docs/{match.group('page')}", *key)
        anchor, source = match.group("anchor"), page.read_text(encoding="utf-8")
        if template:
            shown = {f"template-{template_id}" for _, template_id in find_markers(source.splitlines())}
            if anchor not in shown:
                raise self.error(f"'{link}': that page shows no template '{anchor.removeprefix('template-')}' "
                                 "(a template link ends in #template-<id>)", *key)
        elif anchor not in {m.group("id") for _, line in outside_fences(source.splitlines())
                            if (m := _HEADING_ID.search(line))}:
            raise self.error(f"'{link}': no heading with id '{anchor}' on that page", *key)

    # --- rules -----------------------------------------------------------------------------------------------------

    def rule(self, index: int) -> dict[str, Any]:
        key = ("rules", index)
        rule = self.get(*key)
        if not isinstance(rule, dict):
            raise self.error("each rule must be a mapping with 'kind' and 'phrases' or 'regex'", *key)
        unknown = sorted(set(rule) - _RULE_KEYS)
        if unknown:
            raise self.error(f"unknown key '{unknown[0]}' in a rule; a rule may have: {', '.join(sorted(_RULE_KEYS))}",
                             *key, unknown[0])
        kind = rule.get("kind")
        if kind not in KINDS:
            raise self.error(f"unknown kind {kind!r}; the kinds are: {', '.join(KINDS)}", *key, "kind")
        if ("phrases" in rule) == ("regex" in rule):
            raise self.error("a rule needs either 'phrases' or 'regex' (not both)", *key)
        out: dict[str, Any] = {"kind": kind, "weight": self.positive_number(*key, "weight", default=1),
                               "negatable": self.flag(key, "negatable", True),
                               "quotable": self.flag(key, "quotable", False)}
        if "regex" in rule:
            if not isinstance(rule["regex"], str) or not rule["regex"]:
                raise self.error("'regex' must be a non-empty string", *key, "regex")
            self.check_regex(rule["regex"], *key, "regex")
            return out | {"regex": rule["regex"]}
        return out | {"phrases": self.strings(*key, "phrases")}

    def check_regex(self, pattern: str, *key: object) -> None:
        try:
            compiled = re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise self.error(f"bad regex {pattern!r}: {exc}", *key) from None
        if _NOT_JAVASCRIPT.search(pattern):
            raise self.error(f"regex {pattern!r} uses syntax JavaScript does not share "
                             "(named groups (?P, inline flags, \\A \\Z, atomic or possessive parts)", *key)
        if compiled.search(""):
            raise self.error(f"regex {pattern!r} matches empty text, so it would match everywhere", *key)

    # --- values ----------------------------------------------------------------------------------------------------

    def text(self, key: tuple, required: bool) -> str | None:
        value = self.get(*key[:-1]).get(key[-1])
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.error(f"'{key[-1]}' must be some text", *key)
        for message in unknown_school_keys(value):  # `{{ school.office }}` is the one the guide fills
            raise self.error(message, *key)
        return " ".join(value.split())

    def required_text(self, key: tuple) -> str:
        value = self.text(key, True)
        assert value is not None  # text() raises for a required text that is missing
        return value

    def strings(self, *key: object) -> list[str]:
        values = self.list_of(*key)
        for index, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                raise self.error(f"item {index + 1} of '{key[-1]}' must be some text, not {value!r}", *key, index)
        return [" ".join(value.split()) for value in values]

    def list_of(self, *key: object) -> list:
        value = self.get(*key)
        if not isinstance(value, list) or not value:
            raise self.error(f"'{key[-1]}' must be a list with at least one item", *key)
        return value

    def positive_number(self, *key: object, default: float | None = None) -> float:
        value = self.get(*key[:-1]).get(key[-1], default) if len(key) > 1 else self.data.get(key[0], default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise self.error(f"'{key[-1]}' must be a number above 0, not {value!r}", *key)
        return value

    def flag(self, key: tuple, name: str, default: bool) -> bool:
        value = self.get(*key).get(name, default)
        if not isinstance(value, bool):
            raise self.error(f"'{name}' must be true or false, not {value!r}", *key, name)
        return value
