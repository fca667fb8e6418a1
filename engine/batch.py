"""Vectorised evaluation of a roster of persons: the same rules, the same three-valued logic.

Each person-level rule's conditions are evaluated over whole columns with pandas' nullable
boolean arrays (Kleene logic), so a row gets exactly the status and amount that
:func:`engine.evaluate` gives the same person alone (a property test checks this).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from engine import policy
from engine.evaluate import ELIGIBLE, NEEDS_INFO, NOT_ELIGIBLE, OUT_OF_PERIOD, params_on
from engine.logic import And
from engine.profile import FIELDS, ProfileError, check_value
from engine.rules import PERSON_RULES

PERSON_FIELDS = tuple(name for name in FIELDS if name.startswith("person."))
_DTYPES = {"bool": "boolean", "int": "Float64", "number": "Float64", "enum": "string"}


def typed_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The person columns of ``frame`` with nullable dtypes; other columns are left out.

    Values must already be checked (see :mod:`engine.roster`); unknown cells are ``NA``.
    """
    columns = {}
    for name in PERSON_FIELDS:
        if name in frame.columns:
            columns[name] = frame[name].astype(_DTYPES[FIELDS[name].kind])
    return pd.DataFrame(columns, index=frame.index)


def evaluate_batch(frame: pd.DataFrame, on: date) -> pd.DataFrame:
    """``<benefit>.status`` and ``<benefit>.amount`` columns for every person-level benefit."""
    facts = typed_frame(frame)
    params = params_on(on)
    out = {}
    for benefit, rule in PERSON_RULES.items():
        if not policy.in_force(on):
            out[f"{benefit}.status"] = pd.Series(OUT_OF_PERIOD, index=frame.index, dtype="string")
            out[f"{benefit}.amount"] = pd.Series(pd.NA, index=frame.index, dtype="Float64")
            continue
        verdict = And(tuple(c.test for c in rule.conditions)).many(facts, params)
        status = pd.Series(NEEDS_INFO, index=frame.index, dtype="string")
        status[verdict.fillna(True) & verdict.notna()] = ELIGIBLE
        status[(~verdict).fillna(False)] = NOT_ELIGIBLE
        if rule.amount is None:
            amount = pd.Series(pd.NA, index=frame.index, dtype="Float64")
        else:
            amount = pd.to_numeric(rule.amount.many(facts, params), errors="coerce").astype("Float64")
            amount = amount.where(status == ELIGIBLE, pd.NA)
        out[f"{benefit}.status"] = status
        out[f"{benefit}.amount"] = amount
    return pd.DataFrame(out, index=frame.index)


def check_cell(name: str, value: object) -> object:
    """A roster cell converted to the field's type; raises ProfileError naming the column."""
    return check_value(name, value)


__all__ = ["ProfileError", "check_cell", "evaluate_batch", "typed_frame"]
