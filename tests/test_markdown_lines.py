"""Markdown read line by line: an example inside fenced code is never taken for a heading, an id or a link."""
from __future__ import annotations

from handbook.markdown_lines import heading_ids, outside_fences, strip_links

PAGE = """\
# Thank-you notes { #thank-you-notes }
Intro text.
```markdown
## An example heading { #not-a-real-id }
~~~
## Still inside: a tilde fence cannot close a backtick fence { #still-example }
```
## After the example { #after-example }
## No id here
### Attribute list with a class { .lead #with-class }
````
## Inside a four-backtick fence { #four }
```
## A shorter fence does not close it { #shorter }
`````
#### Closed by a longer fence { #closed-by-longer }
"""


def test_lines_inside_fences_and_the_fences_themselves_are_skipped():
    kept = [index for index, _ in outside_fences(PAGE.splitlines())]
    assert kept == [0, 1, 7, 8, 9, 15]


def test_heading_ids_are_the_explicit_ids_outside_code_with_their_line():
    assert heading_ids(PAGE.splitlines()) == [
        (0, "thank-you-notes"), (7, "after-example"), (9, "with-class"), (15, "closed-by-longer"),
    ]


def test_a_hash_without_a_space_or_a_paragraph_with_braces_is_no_heading():
    lines = ["#hashtag { #tag }", "Text { #not-heading }", "####### Seven hashes { #seven }", "## Spaced {#tight}"]
    assert heading_ids(lines) == [(3, "tight")]


def test_links_and_images_keep_only_their_words():
    text = "See [the NRMP policy][nrmp-policy], [ERAS](https://x.example/a) and ![a QR code](qr.png) or [glossary]."
    assert strip_links(text) == "See the NRMP policy, ERAS and a QR code or glossary."
