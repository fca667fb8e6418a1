"""A county's roster of persons (the registry of 建档立卡 workers): every person-level benefit for each row.

The columns are the profile's own fact names (``person.job.months``, ``person.job.place`` …), checked with
the site's cell checks (:mod:`engine.roster.cells`: 是/否 and yes/no, numbers within the field's bounds, the
field's own words), so a row is read as the same person's JSON profile would be. Each person-level rule's
conditions are then evaluated over whole columns with pandas' nullable boolean arrays (Kleene logic), so a row
gets exactly the status and amount that :func:`engine.evaluate` gives the same person alone (a property test
checks this).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

import numpy as np
import pandas as pd

from engine import policy
from engine.evaluate import ELIGIBLE, NEEDS_INFO, NOT_ELIGIBLE, OUT_OF_PERIOD, params_on
from engine.logic import And
from engine.profile import CITY_NAMES, COUNTY_NAMES, FIELDS
from engine.roster.cells import Column, Roster, Schema, check_table
from engine.rules import PERSON_RULES

PERSON_FIELDS = tuple(name for name in FIELDS if name.startswith("person."))
_DTYPES = {"bool": "boolean", "int": "Float64", "number": "Float64", "enum": "string"}
COUNTY = "person.county"
STATUSES = (NEEDS_INFO, ELIGIBLE, NOT_ELIGIBLE, OUT_OF_PERIOD)


def _place_words(names: dict[str, tuple[str, str]]) -> dict[str, str]:
    """A city or county written as a registry writes it: 西吉县, 西吉, Xiji County or Xiji, beside its code."""
    words = {}
    for code, (chinese, english) in names.items():
        short_english = english.rsplit(" ", 1)[0] if english.endswith((" County", " District", " City")) else english
        for word in (chinese, chinese[:-1] if len(chinese) > 2 else chinese, english, short_english):
            words[word] = code
    return words


PLACE_WORDS = {"person.city": _place_words(CITY_NAMES), COUNTY: _place_words(COUNTY_NAMES)}


def _column(name: str) -> Column:
    spec = FIELDS[name]
    return Column(name, spec.kind, name, choices=spec.values, values=PLACE_WORDS.get(name, {}),
                  minimum=spec.minimum, maximum=spec.maximum)


# Headers are the fact names themselves (two fields end in ``months``: no short names).
PERSON_SCHEMA = Schema(tuple(_column(name) for name in PERSON_FIELDS), short_names=False)


def check_persons(table: pd.DataFrame) -> Roster:
    """The cells of a table of text (index: each row's number in the file) checked as persons' facts."""
    return check_table(table, PERSON_SCHEMA)


def typed_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The person columns of ``frame`` with nullable dtypes; other columns are left out.

    Values must already be checked (see :mod:`engine.roster`); unknown cells are ``NA``.
    """
    columns = {}
    for name in PERSON_FIELDS:
        if name in frame.columns:
            columns[name] = frame[name].astype(_DTYPES[FIELDS[name].kind])
    return pd.DataFrame(columns, index=frame.index)


def evaluate_batch(frame: pd.DataFrame, on: date, benefits: Collection[str] | None = None) -> pd.DataFrame:
    """``<benefit>.status`` and ``<benefit>.amount`` columns for every person-level benefit (or those named).

    A status column is categorical (four words, a byte a row: a registry of millions of rows stays small);
    an amount is ``NA`` unless the status is eligible.
    """
    facts = typed_frame(frame)
    params = params_on(on)
    size = len(frame)
    out = {}
    for benefit, rule in PERSON_RULES.items():
        if benefits is not None and benefit not in benefits:
            continue
        amount = np.full(size, np.nan)
        if not policy.in_force(on):
            codes = np.full(size, STATUSES.index(OUT_OF_PERIOD), dtype=np.int8)
        else:
            verdict = And(tuple(c.test for c in rule.conditions)).many(facts, params)
            known = verdict.notna().to_numpy(dtype=bool)
            holds = verdict.fillna(False).to_numpy(dtype=bool)
            codes = np.where(known, np.where(holds, STATUSES.index(ELIGIBLE), STATUSES.index(NOT_ELIGIBLE)),
                             STATUSES.index(NEEDS_INFO)).astype(np.int8)
            if rule.amount is not None and holds.any():
                figures = pd.to_numeric(rule.amount.many(facts, params), errors="coerce")
                amount = np.where(known & holds, figures.astype("Float64").to_numpy(dtype=float, na_value=np.nan),
                                  np.nan)
        out[f"{benefit}.status"] = pd.Categorical.from_codes(codes, categories=STATUSES)
        out[f"{benefit}.amount"] = pd.array(amount, dtype="Float64")
    return pd.DataFrame(out, index=frame.index)
