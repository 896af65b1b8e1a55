"""Checklist ids written out by hand. A reader's saved ticks are stored under these ids, so a change to how ids are
made (or to the real action plan's ids) would silently orphan them. Every expected value here is a literal."""
import pytest

from handbook import checklist as cl
from handbook.frontmatter import read
from site_build import ROOT

# The action plan's ids as shipped on 2026-11-28. Items may be added; none of these may change or go away.
ACTION_PLAN_PHASES = [
    "before-interview-season", "during-interview-season", "after-interviews", "before-rank-list-deadline",
    "after-submitting-your-list",
]
ACTION_PLAN_ITEMS = [
    "check-current-rules", "learn-j1-vs-h1b", "research-visa-policies", "ask-unclear-visa-policy",
    "find-img-friendly-programs", "plan-step-3", "start-statement-of-need", "prepare-templates",
    "answer-admin-messages", "send-thank-you-emails", "respect-no-contact-rules", "track-impressions",
    "avoid-pressuring-programs", "send-one-update",
    "send-letters-of-interest", "decide-letter-of-intent", "answer-without-revealing-list", "read-warm-messages-calmly",
    "confirm-visa-policies", "rank-in-true-order", "include-visa-friendly-programs", "trust-the-algorithm",
    "certify-rank-list",
    "stop-second-guessing", "focus-on-wellness", "plan-for-outcomes",
]


def test_every_pinned_action_plan_id_is_still_there():
    plan = cl.parse(read(ROOT / "docs" / "action-plan.md", "docs/action-plan.md"))
    assert plan.id == "action-plan"
    assert [pid for pid in ACTION_PLAN_PHASES if pid not in {phase.id for phase in plan.phases}] == []
    assert [iid for iid in ACTION_PLAN_ITEMS if iid not in {item.id for item in plan.items}] == []


@pytest.mark.parametrize("text, expected", [
    # accents and other marks fold to plain letters, so "résumé" and "resume" are one item
    ("Update your résumé and CV", "update-your-resume-and-cv"),
    ("Book the call with Dr. Núñez-García", "book-call-with-dr-nunez-garcia"),
    ("Écrire à l'hôpital", "ecrire-lhopital"),
    # punctuation, quotes, apostrophes and "a/an/the" never count
    ("Ask: “Is the program's J-1 policy the same in 2027?”", "ask-is-programs-j-1-policy-same-in-2027"),
    ("Send a thank-you note (within 24–48 hours)!", "send-thank-you-note-within-24-48-hours"),
    ("Read [the rules](rules.md#x) <em>now</em>, an hour before", "read-rules-now-hour-before"),
])
def test_derived_ids_for_accented_and_punctuated_items(text, expected):
    assert cl.derive_id(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 59 characters fit; the next word would pass 60, so the id stops before it
    ("Check every program's visa sponsorship policy on its website before you apply, and write it down",
     "check-every-programs-visa-sponsorship-policy-on-its-website"),
    # exactly 60 characters still fit
    ("Check every program's visa sponsorship policy on its websites today",
     "check-every-programs-visa-sponsorship-policy-on-its-websites"),
    # one word longer than 60 characters is cut to its first 60
    ("Supercalifragilisticexpialidocioussupercalifragilisticexpialidocious day",
     "supercalifragilisticexpialidocioussupercalifragilisticexpial"),
])
def test_derived_ids_of_very_long_items(text, expected):
    assert cl.derive_id(text) == expected


@pytest.mark.parametrize("value, valid", [
    ("a" * 80, True),
    ("a" * 81, False),  # checklist.js refuses the same length: the two must agree
    ("plan-step-3", True),
    ("Plan-step-3", False),
    ("plan--step", False),
    ("-plan", False),
    ("plan-", False),
    ("plan_step", False),
    ("", False),
    (["plan"], False),
])
def test_which_ids_are_valid(value, valid):
    assert cl.is_valid_id(value) is valid
