"""Dated parameters: every amount, band, age and duration of the policy, with its source.

Each ``engine/parameters/<file>.yaml`` holds named parameters; each parameter has ``values``
keyed by the date from which a value applies, and each value a ``reference`` (OpenFisca's
parameter layout). A value may be ``null`` where no official figure was found: the rule then
returns no amount and says which figure is missing and where it is published.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

PARAMETER_DIR = Path(__file__).resolve().parent / "parameters"
# libyaml's parser when PyYAML was built with it: the same values, 2 ms instead of 16 ms for all the files
# (the command line reads them all on each start, issue 15); pure Python otherwise.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=1)
def definitions() -> dict[str, dict[str, Any]]:
    """Every parameter by dotted path (``<file stem prefix>.<name>``), as written in its file."""
    found: dict[str, dict[str, Any]] = {}
    for path in sorted(PARAMETER_DIR.glob("*.yaml")):
        prefix = path.stem.split("_", 1)[0]
        content = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)  # noqa: S506 - a safe loader
        for name, spec in content.items():
            if isinstance(spec, dict) and "values" in spec:
                found[f"{prefix}.{name}"] = spec
    return found


def _dated_values(spec: dict[str, Any]) -> list[tuple[date, dict[str, Any]]]:
    return sorted((_as_date(key), entry) for key, entry in spec["values"].items())


def _as_date(key: Any) -> date:
    return key if isinstance(key, date) else date.fromisoformat(str(key))


def value_entry(path: str, on: date) -> dict[str, Any]:
    """The entry (value, reference, note) of one parameter in force on ``on``.

    Before the first dated value the first one is used, so that a date outside the policy
    period still reads parameters; the rules report such dates as ``out_of_period``.
    """
    dated = _dated_values(definitions()[path])
    chosen = dated[0][1]
    for start, entry in dated:
        if start <= on:
            chosen = entry
    return chosen


@lru_cache(maxsize=64)
def values_on(on: date) -> dict[str, Any]:
    """Every parameter's value in force on ``on`` (read-only use)."""
    return {path: value_entry(path, on)["value"] for path in definitions()}
