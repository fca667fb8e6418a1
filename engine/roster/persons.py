"""A county's roster of persons (the registry of 建档立卡 workers): every person-level benefit for each row.

The columns are the profile's own fact names (``person.job.months``, ``person.job.place`` …), checked with
the site's cell checks (:mod:`engine.roster.cells`: 是/否 and yes/no, numbers within the field's bounds, the
field's own words), so a row is read as the same person's JSON profile would be. Each person-level rule's
conditions are then evaluated over whole columns with pandas' nullable boolean arrays (Kleene logic), so a row
gets exactly the status and amount that :func:`engine.evaluate` gives the same person alone (a property test
checks this).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from engine import policy
from engine.evaluate import ELIGIBLE, NEEDS_INFO, NOT_ELIGIBLE, OUT_OF_PERIOD, params_on
from engine.logic import And
from engine.profile import CITY_NAMES, COUNTY_NAMES, FIELDS
from engine.roster.cells import CellError, Column, Roster, Schema, check_table, normalise_header
from engine.roster.downloads import needs_neutralising
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


@dataclass(frozen=True)
class Evaluated:
    """A table of persons checked and evaluated: per row (0-based, the table's order) each benefit's status and
    amount, the bad cells (their rows as the file numbers them) and the county of each row where known."""

    results: pd.DataFrame
    errors: list[CellError]
    headers: Mapping[str, str]
    county: pd.Series | None
    plain: frozenset[str]  # headers of columns none of whose cells needs neutralising (engine.roster.downloads)


def evaluate_table(table: pd.DataFrame, on: date, benefits: Collection[str] | None = None) -> Evaluated:
    """Check and evaluate each *distinct* row once, then spread the results back to every row.

    A registry repeats itself: 300,000 persons are a few thousand distinct combinations of the cells the rules
    read (yes/no, a place, a month count). The rows are keyed on the distinct texts of the known columns, the
    distinct rows checked (:func:`check_persons`) and evaluated (:func:`evaluate_batch`) as any table is, and a
    bad cell is reported for every row that holds it. The answers are the same as checking every row (a test).
    """
    names = PERSON_SCHEMA.header_names()
    known = [header for header in table.columns if normalise_header(header) in names]
    key, size = np.zeros(len(table), dtype=np.int64), 1
    plain = set()
    for header in known:
        codes, uniques = pd.factorize(table[header], use_na_sentinel=False)
        if not needs_neutralising(pd.Series(uniques, dtype=object)).any():
            plain.add(header)  # tested on its few distinct texts, not on every row
        if size * max(len(uniques), 1) >= 2 ** 62:  # too many combinations to key: every row is checked
            key, size = np.arange(len(table), dtype=np.int64), len(table)
            break
        key += codes.astype(np.int64) * size
        size *= max(len(uniques), 1)
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    roster = check_persons(table.iloc[first])
    distinct = evaluate_batch(roster.facts, on, benefits)
    results = distinct.take(inverse).reset_index(drop=True)
    county = roster.facts[COUNTY].take(inverse).reset_index(drop=True) if COUNTY in roster.facts else None
    errors = _every_row(roster.errors, roster.rows, inverse, table.index, list(roster.headers.values()))
    return Evaluated(results, errors, roster.headers, county, frozenset(plain))


def _every_row(errors: Sequence[CellError], first_rows: pd.Series, inverse: np.ndarray, rows: pd.Index,
               order: list[str]) -> list[CellError]:
    """Each bad cell of a distinct row, for every row of the table that repeats it, in the file's order."""
    if not errors:
        return []
    position_of = {int(row): position for position, row in enumerate(first_rows)}
    numbers = rows.to_numpy()
    found = []
    for error in errors:
        for row in numbers[np.flatnonzero(inverse == position_of[error.row])]:
            found.append(error if row == error.row else dataclasses.replace(error, row=int(row)))
    found.sort(key=lambda e: (e.row, order.index(e.column)))
    return found


def typed_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The person columns of ``frame`` with nullable dtypes; other columns are left out.

    Values must already be checked (see :mod:`engine.roster.cells`); unknown cells are ``NA``.
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
    facts = typed_frame(frame)  # ages: the rules' own tests over the birth columns (engine.age)
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
