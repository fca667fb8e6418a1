"""What a calculator's result still needs, named by the questions on the page (issue 26).

The engine names an unknown fact by its dotted name (``employer.carrier``); a page asks for it with a question of
its own ("Kind of workshop or base"). A page gives its questions as ``{fact: label msgid}``, and its cards and
summaries then say which question on the page to answer, never a fact name and never a guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from i18n import N_
from ui import format as fmt
from ui.frame import Page

ASKED_ABOVE = N_("“{question}” above")
STILL_TO_ANSWER = N_("Still to answer on this page: {questions}")  # no full stop after a quoted “…?”


def asked_above(page: Page, questions: Mapping[str, str]) -> dict[str, str]:
    """Each fact's question as a card names it: "“Kind of workshop or base” above"."""
    return {fact: page._(ASKED_ABOVE).format(question=page._(label)) for fact, label in questions.items()}


def unanswered(page: Page, facts: Iterable[str], questions: Mapping[str, str]) -> list[str]:
    """The questions of the page that ``facts`` (a result's ``missing``) stand for, in the page's order."""
    wanted = set(facts)
    return [page._(label) for fact, label in questions.items() if fact in wanted]


def still_to_answer(page: Page, result: Mapping[str, Any], questions: Mapping[str, str]) -> str:
    """One sentence naming the page's questions the result still needs ("" when it needs none of them)."""
    names = unanswered(page, result.get("missing", ()), questions)
    if not names:
        return ""
    quoted = [f"“{name}”" for name in names]
    return page._(STILL_TO_ANSWER).format(questions=fmt.words(quoted, page.lang))


def why_not_yet(page: Page, result: Mapping[str, Any], questions: Mapping[str, str]) -> str:
    """Why a result is not due, in sentences: what is unmet, then the questions still to answer."""
    return fmt.sentences([*(m["text"] for m in result.get("unmet", ())),
                          still_to_answer(page, result, questions)], page.lang)
