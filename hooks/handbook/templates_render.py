"""The widget's HTML. It reads and prints as a letter without JavaScript; template-filler.js starts the form.

Markup contract (tests and other features rely on it): the root is `section.tpl[data-template=<id>]#template-<id>`,
the filled body is the text of `[data-template-output]`, the subject the text of `[data-template-subject]`.

Order, for a phone: what it is for, the notes to check (folded), the fields, the buttons right after them, the preview.
The form's labels, hints and buttons carry `data-search-exclude`: search indexes the letter, not the widget.
"""
from __future__ import annotations

from html import escape

from .institution import Institution, with_office_html
from .templates_model import PROGRAM_KEYS, Field, Template, placeholders

KIND_NAMES = {"email": "Email", "letter": "Letter", "spoken": "What to say"}
# Let browsers offer what the reader already saved, for the profile fields that have a standard name.
AUTOCOMPLETE = {"full_name": "name", "email": "email"}


def render(template: Template, institution: Institution | None = None) -> str:
    """The widget. Its notes to the reader (when to use it, what to check) may send them to `{{ school.office }}`,
    named from `institution` in a branded copy; the letter itself is never changed."""
    root = f"template-{template.id}"
    parts = [
        f'<section class="tpl tpl--{template.kind}" data-template="{template.id}" id="{root}" '
        f'aria-labelledby="{root}-title">',
        f'<h3 class="tpl-title" id="{root}-title">{escape(template.title)} '
        f'<span class="tpl-kind" data-search-exclude>{KIND_NAMES[template.kind]}</span></h3>',
        '<dl class="tpl-when">',
        f"<dt data-search-exclude>Use it when</dt><dd>{with_office_html(template.use_when, institution)}</dd>",
        f"<dt data-search-exclude>Do not use it when</dt><dd>{with_office_html(template.avoid_when, institution)}</dd>",
        "</dl>",
        _checks(template, institution),
        _form(template, root),
        _actions(template, root),
        _preview(template, root),
        "</section>",
    ]
    return "\n".join(part for part in parts if part)


def slot_html(text: str, fields: dict[str, Field]) -> str:
    """Escaped text with each {{key}} as a marked slot; without JavaScript it reads "[Label]" and prints as a blank.

    An optional slot is wrapped with the white space before it, so that the script can drop both while the field is
    empty: the letter keeps no blank paragraph and no trailing space."""
    out, last = [], 0
    for placeholder in placeholders(text):
        field = fields[placeholder.key]
        before = text[last:placeholder.start]
        slot = (f'<mark class="tpl-slot" data-slot="{placeholder.key}" data-label="{escape(field.label)}"%s>'
                f"[{escape(field.label)}]</mark>")
        if field.required:
            out += [escape(before, quote=False), slot % ""]
        else:
            lead = before[len(before.rstrip()):]
            out += [escape(before.rstrip(), quote=False),
                    f'<span data-optional-part data-lead="{escape(lead)}">{escape(lead, quote=False)}{slot % " data-optional"}</span>']
        last = placeholder.end
    out.append(escape(text[last:], quote=False))
    return "".join(out)


def _form(template: Template, root: str) -> str:
    # Hidden until the script starts: without it, a form would promise a preview that never comes.
    parts = [f'<form class="tpl-form" data-template-form hidden id="{root}-form" data-search-exclude>']
    if template.profile:
        parts += [
            '<fieldset class="tpl-profile"><legend>Your details</legend>',
            '<p class="tpl-note">Typed once, used by every template while this tab is open.</p>',
            *(_control(field, root, profile=True) for field in template.profile),
            _remember(root),
            "</fieldset>",
        ]
    if template.fields:
        parts += [
            f"<fieldset><legend>This {KIND_NAMES[template.kind].lower() if template.kind != 'spoken' else 'answer'}</legend>",
            *(_control(field, root, profile=False) for field in template.fields),
            "</fieldset>",
        ]
    parts.append("</form>")
    return "\n".join(parts)


def _remember(root: str) -> str:
    """Remember, with what it means in one sentence, and Forget, which asks first and answers right beside it."""
    return "\n".join([
        '<div class="tpl-remember">',
        f'<label class="tpl-check" for="{root}-remember"><input type="checkbox" id="{root}-remember" '
        f'data-template-remember aria-describedby="{root}-remember-note"> Remember my details on this device</label>',
        f'<p class="tpl-hint" id="{root}-remember-note">This saves only “Your details” above, in this browser on this '
        "device, until you untick it or tap Forget; nothing is sent anywhere.</p>",
        f'<button type="button" class="md-button" id="{root}-forget" data-action="forget" aria-expanded="false" '
        f'aria-controls="{root}-forget-confirm">Forget my details</button>',
        f'<div class="tpl-forget-confirm" id="{root}-forget-confirm" data-template-forget-confirm hidden>',
        "<p>Clear your details from every template, and from this device?</p>",
        '<button type="button" class="md-button" data-action="forget-yes">Yes, forget them</button>',
        '<button type="button" class="md-button" data-action="forget-no">Keep them</button>',
        "</div>",
        '<p class="tpl-forget-message" data-template-forget-message role="status"></p>',
        "</div>",
    ])


def _control(field: Field, root: str, profile: bool) -> str:
    control_id = f"{root}-{field.key}"
    label = escape(field.label) + ("" if field.required else ' <span class="tpl-optional">(optional)</span>')
    shared = " data-profile" if profile else " data-program" if field.key in PROGRAM_KEYS else ""
    common = (f'id="{control_id}" name="{field.key}" data-field="{field.key}" aria-describedby="{control_id}-hint"'
              + shared + (" required" if field.required else ""))
    if field.type == "choice":
        options = "".join(f"<option>{escape(option)}</option>" for option in field.options)
        control = f'<select {common}><option value="">Choose…</option>{options}</select>'
    elif field.type == "date":
        control = (f'<input type="date" {common}>'
                   f'<output class="tpl-date" for="{control_id}" data-date-for="{field.key}"></output>')
    else:
        autocomplete = AUTOCOMPLETE.get(field.key, "off")
        control = (f'<input type="text" {common} dir="auto" autocomplete="{autocomplete}" '
                   f'placeholder="e.g. {escape(field.example)}">')
    return (f'<div class="tpl-field"><label for="{control_id}">{label}</label>'
            f'<span class="tpl-hint" id="{control_id}-hint">{escape(field.hint)}</span>{control}</div>')


def _preview(template: Template, root: str) -> str:
    fields = {f.key: f for f in template.all_fields}
    parts = [f'<div class="tpl-preview" id="{root}-preview">',
             f'<p class="tpl-status" data-template-status hidden id="{root}-status" aria-live="polite" '
             "data-search-exclude></p>"]
    if template.subject:
        parts.append(f'<p class="tpl-subject"><span class="tpl-subject-label" data-search-exclude>Subject:</span> '
                     f'<span data-template-subject>{slot_html(template.subject, fields)}</span></p>')
    parts += [f'<div class="tpl-output" data-template-output id="{root}-output">{slot_html(template.body, fields)}</div>',
              "</div>"]
    return "\n".join(parts)


def _checks(template: Template, institution: Institution | None) -> str:
    """Folded, above the form: a tap away while filling in, without pushing the buttons off the screen."""
    items = "".join(f"<li>{with_office_html(check, institution)}</li>" for check in template.checks)
    heading = "Check before you speak" if template.kind == "spoken" else "Check before sending"
    return (f'<details class="tpl-checks"><summary class="tpl-checks-title" data-search-exclude>{heading} '
            f"({len(template.checks)} notes)</summary><ul>{items}</ul></details>")


def _actions(template: Template, root: str) -> str:
    parts = [f'<div class="tpl-actions" data-template-actions hidden id="{root}-actions" data-search-exclude>']
    if template.confirm:
        parts.append(f'<label class="tpl-check tpl-confirm" for="{root}-confirm"><input type="checkbox" '
                     f'id="{root}-confirm" data-template-confirm> {escape(template.confirm)}</label>')
    parts.append(f'<button type="button" class="md-button md-button--primary" data-action="copy" id="{root}-copy">'
                 f'Copy {"text" if template.kind == "spoken" else "body"}</button>')
    if template.subject:
        parts.append(f'<button type="button" class="md-button" data-action="copy-subject" id="{root}-copy-subject">'
                     "Copy subject</button>")
    if template.kind != "spoken":
        parts.append(f'<a class="md-button" data-action="mail" id="{root}-mail" href="mailto:">Open in mail app</a>')
    parts += [f'<button type="button" class="md-button" data-action="download" id="{root}-download">Download .txt</button>',
              f'<p class="tpl-message" data-template-message id="{root}-message" role="status"></p>',
              "</div>"]
    return "\n".join(parts)
