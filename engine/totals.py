"""Totals that can be true: a sum never adds two benefits that exclude each other.

Some benefits a person may apply for one at a time, not together (readings ``post_or_work_away`` and
``one_certificate_one_subsidy`` in :mod:`engine.interpretations`):

- a public-welfare post (Article 6 (六)) is a local safety-net job (托底安排) near home, and the transport
  subsidy (Article 1 (一)) is for a year of work in another county or province: one person does not hold both;
- the training subsidy (Article 8 (八)) and the skill-upgrade subsidy (Article 10 (十)) both pay for a certificate:
  one certificate is not paid twice.

A total counts at most one benefit of each such set, the one with the larger known amount, and says which one it
counted and which it left out; the county decides. Pure Python, like the rest of the engine.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from engine import catalog
from engine.assess import ELIGIBLE
from engine.messages import msg
from i18n import N_

# The first-year total of a resident counts money paid to the person (a school's training grant is not theirs).
PAID_TO_RESIDENT = ("person", "students")


@dataclass(frozen=True)
class ExclusiveSet:
    """Benefits of which one person is counted for one at most; ``id`` is also the interpretation that discloses
    the reading (``engine/interpretations.py``)."""

    id: str
    benefits: tuple[str, ...]
    reason: str  # English msgid with {counted} and {left_out}, the benefits' labels


EXCLUSIVE_SETS: tuple[ExclusiveSet, ...] = (
    ExclusiveSet(
        "post_or_work_away", ("public_welfare_post", "transport_subsidy"),
        N_("The total counts “{counted}”, not “{left_out}”: a public-welfare post is a job near home for people "
           "without other work, so the site reads the two as not going together (no document rules on it). The "
           "county decides."),
    ),
    ExclusiveSet(
        "one_certificate_one_subsidy", ("training_subsidy", "skill_upgrade_subsidy"),
        N_("The total counts “{counted}”, not “{left_out}”: one certificate is paid once. If you obtained two different "
           "certificates, ask the county about both."),
    ),
)


@dataclass(frozen=True)
class Total:
    """A sum of amounts: ``amount``, the ``counted`` benefits, and ``left_out`` ones with the reason
    (``{"benefit", "instead", "set", "reason"}``, the reason a message dict in the language asked for)."""

    amount: float
    counted: tuple[str, ...]
    left_out: tuple[dict[str, Any], ...]


def _priced(results: Iterable[Mapping[str, Any]], payees: Sequence[str] | None) -> list[Mapping[str, Any]]:
    return [r for r in results if r["status"] == ELIGIBLE and r["amount"] is not None
            and (payees is None or r["payee"] in payees)]


def total(results: Iterable[Mapping[str, Any]], lang: str | None = "zh_CN", *,
          payees: Sequence[str] | None = None) -> Total:
    """The sum of the due amounts of ``results`` (paid to ``payees`` only, when given), at most one of each
    exclusive set: the larger, the first listed on a tie."""
    due = {r["benefit"]: r for r in _priced(results, payees)}
    left_out: list[dict[str, Any]] = []
    for exclusive in EXCLUSIVE_SETS:
        present = [b for b in exclusive.benefits if b in due]
        if len(present) < 2:
            continue
        kept = max(present, key=lambda b: (due[b]["amount"], -present.index(b)))
        for benefit in present:
            if benefit == kept:
                continue
            reason = msg(exclusive.reason, counted=catalog.BY_ID[kept].label, left_out=catalog.BY_ID[benefit].label)
            left_out.append({"benefit": benefit, "instead": kept, "set": exclusive.id, "reason": reason.as_dict(lang)})
            del due[benefit]
    amount = sum(r["amount"] for r in due.values())
    return Total(_plain(amount), tuple(due), tuple(left_out))


def _plain(amount: float) -> float:
    return int(amount) if float(amount).is_integer() else round(float(amount), 2)
