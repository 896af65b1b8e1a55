"""Template sources (snippets/templates/<id>.md): parse, validate, and fill. Every problem is `file:line: message`."""
from __future__ import annotations

import datetime
import pathlib
import re
from dataclasses import dataclass

from .frontmatter import Source, SourceError, parse, parse_yaml
from .institution import unknown_school_keys
from .reviewed import human_date

KINDS = ("email", "letter", "spoken")
TYPES = ("text", "date", "choice")
# When a reader needs each template, in the order of the season, with the heading the Templates page groups it under.
MOMENTS = {
    "before-interviews": "Before your interviews",
    "at-the-interview": "At the interview",
    "after-interview": "After an interview",
    "after-a-message-or-call": "After a message or call from a program",
    "before-rank-list": "Before your rank list is due",
    "match-week": "Match Week",
    "any-time": "Any time",
}
# Details about one program that carry from template to template for the rest of the visit (never stored). A key
# shared this way must mean the same thing, and have the same type, in every template that uses it.
PROGRAM_KEYS = {"program_name": "text", "interviewer_name": "text", "director_last_name": "text",
                "interview_date": "date"}
PROFILE_FILE = "_profile.yml"
_KEY = re.compile(r"[a-z][a-z0-9_]*\Z")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_PLACEHOLDER = re.compile(r"\{\{(.*?)\}\}")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")


class TemplateErrors(Exception):
    """Every problem found, one `file:line: message` per line, so one build shows them all."""

    def __init__(self, errors: list[SourceError]):
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    hint: str
    example: str
    type: str
    required: bool
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Template:
    id: str
    path: str
    title: str
    kind: str
    moment: str
    use_when: str
    avoid_when: str
    subject: str | None
    profile: tuple[Field, ...]
    fields: tuple[Field, ...]
    checks: tuple[str, ...]
    confirm: str | None
    body: str

    @property
    def all_fields(self) -> tuple[Field, ...]:
        """The form's order: the shared profile first, then this template's own fields."""
        return self.profile + self.fields


@dataclass(frozen=True)
class Placeholder:
    key: str
    start: int
    end: int


def placeholders(text: str) -> list[Placeholder]:
    return [Placeholder(m.group(1).strip(), m.start(), m.end()) for m in _PLACEHOLDER.finditer(text)]


def fill(text: str, values: dict[str, str]) -> str:
    """Replace each {{key}} with its value; a missing value keeps its placeholder."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1).strip(), m.group(0)), text)


def example_values(template: Template) -> dict[str, str]:
    """Each field's example, as the reader would see it (dates written out)."""
    return {f.key: display_value(f, f.example) for f in template.all_fields}


def display_value(field: Field, value: str) -> str:
    if field.type == "date":
        return human_date(datetime.date.fromisoformat(value))
    return value


# ---------------------------------------------------------------------------------------------------------------
# Loading a folder


def load_folder(folder: str | pathlib.Path, display_root: str | pathlib.Path | None = None,
                profile_file: str | pathlib.Path | None = None) -> dict[str, Template]:
    """Every template in the folder, by id. Raises TemplateErrors listing every problem in every file."""
    folder = pathlib.Path(folder)
    profile_file = pathlib.Path(profile_file or folder / PROFILE_FILE)
    shown = lambda file: _display(file, display_root)  # noqa: E731 - paths as people type them
    errors: list[SourceError] = []
    profile: dict[str, Field] = {}
    try:
        profile = load_profile(profile_file, shown(profile_file))
    except TemplateErrors as caught:
        errors += caught.errors
    templates: dict[str, Template] = {}
    owners: dict[str, str] = {}  # id -> the first file that claimed it
    for file in sorted(folder.glob("*.md")):
        if file.name.startswith("_"):
            continue
        try:
            source = parse(file.read_text(encoding="utf-8"), shown(file))
            template_id = source.data.get("id")
            if isinstance(template_id, str) and owners.setdefault(template_id, source.path) != source.path:
                errors.append(source.error(f"duplicate id '{template_id}': {owners[template_id]} uses it too", "id"))
            template = check_template(source, file.stem, profile)
        except SourceError as error:
            errors.append(error)
            continue
        except TemplateErrors as caught:
            errors += caught.errors
            continue
        templates[template.id] = template
    if errors:
        raise TemplateErrors(errors)
    return templates


def _display(file: pathlib.Path, root: str | pathlib.Path | None) -> str:
    if root is None:
        return file.as_posix()
    try:
        return file.relative_to(root).as_posix()
    except ValueError:  # a file outside it
        return file.as_posix()


def load_profile(file: pathlib.Path, path: str) -> dict[str, Field]:
    """The shared profile fields, each key with its line in the YAML file."""
    source = parse_yaml(file.read_text(encoding="utf-8"), path)
    errors: list[SourceError] = []
    items = source.data.get("fields")
    if not isinstance(items, list) or not items:
        raise TemplateErrors([source.error("needs 'fields': a list of profile fields", "fields")])
    fields = _check_fields(source, items, "fields", errors)
    if errors:
        raise TemplateErrors(errors)
    return {f.key: f for f in fields}


# ---------------------------------------------------------------------------------------------------------------
# One template


def check_template(source: Source, file_id: str, profile: dict[str, Field]) -> Template:
    """Validate one parsed source. Raises TemplateErrors with every problem found, each at its own line."""
    errors: list[SourceError] = []
    data = source.data

    def text(key: str, required: bool = True) -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                errors.append(source.error(f"missing required key '{key}'", key))
            return None
        if not isinstance(value, str) or not value.strip():
            errors.append(source.error(f"'{key}' must be a non-empty text", key))
            return None
        return value.strip()

    template_id, title, kind, moment = text("id"), text("title"), text("kind"), text("moment")
    use_when, avoid_when = text("use_when"), text("avoid_when")
    subject, confirm = text("subject", required=False), text("confirm", required=False)
    if template_id and not _ID.match(template_id):
        errors.append(source.error(f"id '{template_id}' must be kebab-case, like thank-you", "id"))
    elif template_id and template_id != file_id:
        errors.append(source.error(f"id '{template_id}' must equal the file name '{file_id}'", "id"))
    if kind and kind not in KINDS:
        errors.append(source.error(f"unknown kind '{kind}'; use one of: {', '.join(KINDS)}", "kind"))
    if moment and moment not in MOMENTS:
        errors.append(source.error(f"unknown moment '{moment}'; use one of: {', '.join(MOMENTS)}", "moment"))
    if kind == "email" and subject is None and "subject" not in data:
        errors.append(source.error("missing required key 'subject' (every email has a subject line)", "subject"))
    if kind in ("letter", "spoken") and "subject" in data:
        errors.append(source.error(f"a {kind} has no subject line; remove 'subject'", "subject"))

    profile_fields = _check_profile_list(source, profile, errors)
    items = data.get("fields", [])
    if not isinstance(items, list):
        errors.append(source.error("'fields' must be a list", "fields"))
        items = []
    fields = _check_fields(source, items, "fields", errors)
    for index, field in enumerate(fields):
        if field.key in profile:
            errors.append(source.error(f"field '{field.key}' is a profile field; list it under 'profile'", "fields", index, "key"))
        elif PROGRAM_KEYS.get(field.key, field.type) != field.type:
            errors.append(source.error(f"field '{field.key}' carries over between templates, so its type must be "
                                       f"'{PROGRAM_KEYS[field.key]}'", "fields", index, "type"))

    checks = data.get("checks")
    if checks is None:
        errors.append(source.error("missing required key 'checks'", "checks"))
    elif not isinstance(checks, list) or not checks or not all(isinstance(c, str) and c.strip() for c in checks):
        errors.append(source.error("'checks' must be a list of at least one note", "checks"))
        checks = None
    # The notes may name the reader's school office (`{{ school.office }}`); the letter never does.
    for key, note in (("use_when", use_when), ("avoid_when", avoid_when)):
        errors += [source.error(message, key) for message in unknown_school_keys(note or "")]
    for index, check in enumerate(checks or []):
        errors += [source.error(message, "checks", index) for message in unknown_school_keys(check)]

    body = source.body.strip("\n")
    if not body.strip():
        errors.append(SourceError(source.path, source.body_line, "the template has no body text"))
    for match in _HTML_TAG.finditer(body):
        errors.append(_body_error(source, match.start(), f"the body is plain text; remove the HTML '{match.group(0)}'"))

    # Keys of broken fields count as declared too: their own error says what is wrong, once.
    declared = {str(item.get("key")) for item in items if isinstance(item, dict)}
    declared |= {str(key) for key in data.get("profile") or [] if isinstance(data.get("profile"), list)}
    used = _check_placeholders(source, subject, body, declared, errors)
    for index, field in enumerate(profile_fields):
        if field.key not in used:
            errors.append(source.error(f"profile field '{field.key}' is declared but never used", "profile", index))
    for index, field in enumerate(fields):
        if field.key not in used:
            errors.append(source.error(f"field '{field.key}' is declared but never used", "fields", index, "key"))

    if errors:
        raise TemplateErrors(errors)
    # No error: every required key was read.
    assert template_id and title and kind and moment and use_when and avoid_when and checks
    return Template(
        id=template_id, path=source.path, title=title, kind=kind, moment=moment, use_when=use_when, avoid_when=avoid_when,
        subject=subject, profile=tuple(profile_fields), fields=tuple(fields),
        checks=tuple(c.strip() for c in checks), confirm=confirm, body=body,
    )


def _check_profile_list(source: Source, profile: dict[str, Field], errors: list[SourceError]) -> list[Field]:
    keys = source.data.get("profile", [])
    if not isinstance(keys, list):
        errors.append(source.error("'profile' must be a list of profile field keys", "profile"))
        return []
    fields = []
    for index, key in enumerate(keys):
        if key not in profile:
            if profile:  # with a broken profile file, that file's own error says it all
                known = ", ".join(profile)
                errors.append(source.error(f"unknown profile field '{key}'; known: {known}", "profile", index))
        elif profile[key] in fields:
            errors.append(source.error(f"profile field '{key}' is listed twice", "profile", index))
        else:
            fields.append(profile[key])
    return fields


def _check_fields(source: Source, items: list, where: str, errors: list[SourceError]) -> list[Field]:
    fields: list[Field] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        at = (where, index)
        if not isinstance(item, dict):
            errors.append(source.error("each field is a mapping with key, label, hint, example, type, required", *at))
            continue
        missing = [k for k in ("key", "label", "hint", "example", "type", "required") if k not in item]
        for key in missing:
            errors.append(source.error(f"field {item.get('key', index + 1)!s}: missing required key '{key}'", *at))
        if missing:
            continue
        key, kind = str(item["key"]), str(item["type"])
        example = item["example"].isoformat() if isinstance(item["example"], datetime.date) else str(item["example"])
        options = item.get("options")
        bad = len(errors)
        if not _KEY.match(key):
            errors.append(source.error(f"field key '{key}' must be snake_case, like interview_date", *at, "key"))
        elif key in seen:
            errors.append(source.error(f"field key '{key}' is declared twice", *at, "key"))
        for name in ("label", "hint"):
            if not isinstance(item[name], str) or not item[name].strip():
                errors.append(source.error(f"field {key}: '{name}' must be a non-empty text", *at, name))
        if not isinstance(item["required"], bool):
            errors.append(source.error(f"field {key}: 'required' must be true or false", *at, "required"))
        if kind not in TYPES:
            errors.append(source.error(f"field {key}: unknown field type '{kind}'; use one of: {', '.join(TYPES)}", *at, "type"))
        elif kind == "date" and not _is_iso_date(example):
            errors.append(source.error(f"field {key}: a date example is written YYYY-MM-DD, not '{example}'", *at, "example"))
        elif kind == "choice":
            if not isinstance(options, list) or len(options) < 2:
                errors.append(source.error(f"field {key}: a choice field needs 'options', a list of two or more", *at, "type"))
            elif example not in map(str, options):
                errors.append(source.error(f"field {key}: the example '{example}' is not one of the options", *at, "example"))
        if kind != "choice" and options is not None:
            errors.append(source.error(f"field {key}: only a choice field has 'options'", *at, "options"))
        seen.add(key)
        if len(errors) == bad:
            fields.append(Field(key, item["label"].strip(), item["hint"].strip(), example, kind, item["required"],
                                tuple(map(str, options or ()))))
    return fields


def _check_placeholders(source: Source, subject: str | None, body: str, declared: set[str],
                        errors: list[SourceError]) -> set[str]:
    used: set[str] = set()
    texts = [(subject, lambda _: source.line_of("subject"))] if subject else []
    texts.append((body, lambda offset: _body_line(source, offset)))
    for text, line_at in texts:
        for placeholder in placeholders(text):
            used.add(placeholder.key)
            if placeholder.key not in declared:
                errors.append(SourceError(source.path, line_at(placeholder.start),
                                          f"placeholder '{{{{{placeholder.key}}}}}' has no field; declare it in 'fields' or 'profile'"))
        spans = [(p.start, p.end) for p in placeholders(text)]
        for stray in re.finditer(r"\{\{|\}\}", text):
            if not any(start <= stray.start() < end for start, end in spans):
                errors.append(SourceError(source.path, line_at(stray.start()),
                                          f"unmatched '{stray.group(0)}': write placeholders as {{{{key}}}}"))
    return used


def _body_line(source: Source, offset: int) -> int:
    leading = len(source.body) - len(source.body.lstrip("\n"))  # blank lines that strip("\n") removed
    return source.body_line + leading + source.body.lstrip("\n").count("\n", 0, offset)


def _body_error(source: Source, offset: int, message: str) -> SourceError:
    return SourceError(source.path, _body_line(source, offset), message)


def _is_iso_date(value: str) -> bool:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))
