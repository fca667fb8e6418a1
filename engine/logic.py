"""Three-valued conditions and amounts that read the same on one profile and on a whole roster.

A rule is written once, as expressions over profile facts and parameters. Each expression
evaluates either on one profile (``one``: a value, or ``None`` when a fact is unknown) or on a
pandas DataFrame of many profiles (``many``: a Series with ``pd.NA`` for unknown). Truth uses
Kleene's three-valued logic in both modes, so a roster gives exactly what one profile gives:
``False and unknown`` is ``False``; ``True and unknown`` is unknown.

pandas is imported inside the ``many`` methods only: one profile (``python -m engine evaluate``, the
calculators) never loads it (issue 15).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Context:
    """What an expression reads: the profile's facts (dotted names) and the parameters in force."""

    facts: Mapping[str, Any]
    params: Mapping[str, Any]


class Expr:
    """An expression over facts and parameters."""

    def one(self, ctx: Context) -> Any:
        raise NotImplementedError

    def many(self, frame: pd.DataFrame, params: Mapping[str, Any]) -> pd.Series:
        raise NotImplementedError

    def facts(self) -> set[str]:
        return set()

    def missing(self, ctx: Context) -> set[str]:
        """The facts not known that would settle the expression (asked when it is unknown): by default every
        fact it reads that is not known; an expression made of others asks what its parts ask."""
        return {name for name in self.facts() if ctx.facts.get(name) is None}

    # Comparisons build conditions.
    def __ge__(self, other: Any) -> Compare:
        return Compare(operator.ge, self, wrap(other))

    def __gt__(self, other: Any) -> Compare:
        return Compare(operator.gt, self, wrap(other))

    def __le__(self, other: Any) -> Compare:
        return Compare(operator.le, self, wrap(other))

    def __lt__(self, other: Any) -> Compare:
        return Compare(operator.lt, self, wrap(other))

    def equals(self, other: Any) -> Compare:
        return Compare(operator.eq, self, wrap(other))

    def differs(self, other: Any) -> Compare:
        return Compare(operator.ne, self, wrap(other))

    def isin(self, values: Iterable[Any] | Expr) -> IsIn:
        return IsIn(self, values if isinstance(values, Expr) else Const(tuple(values)))

    def __and__(self, other: Expr) -> And:
        return And((self, other))

    def __or__(self, other: Expr) -> Or:
        return Or((self, other))

    def __mul__(self, other: Any) -> Arith:
        return Arith(operator.mul, self, wrap(other))

    def __sub__(self, other: Any) -> Arith:
        return Arith(operator.sub, self, wrap(other))


def wrap(value: Any) -> Expr:
    return value if isinstance(value, Expr) else Const(value)


def _broadcast(value: Any, frame: pd.DataFrame) -> pd.Series:
    import pandas as pd  # noqa: PLC0415 - rosters only (issue 15)

    if isinstance(value, pd.Series):
        return value
    return pd.Series([value] * len(frame), index=frame.index, dtype="object")


@dataclass(frozen=True, eq=False)
class Const(Expr):
    value: Any

    def one(self, ctx: Context) -> Any:
        return self.value

    def many(self, frame: pd.DataFrame, params: Mapping[str, Any]) -> pd.Series:
        return _broadcast(self.value, frame)


@dataclass(frozen=True, eq=False)
class Fact(Expr):
    """A fact of the profile by its dotted name, e.g. ``person.job.months``."""

    name: str

    def one(self, ctx: Context) -> Any:
        return ctx.facts.get(self.name)

    def many(self, frame: pd.DataFrame, params: Mapping[str, Any]) -> pd.Series:
        import pandas as pd  # noqa: PLC0415 - rosters only (issue 15)

        if self.name in frame.columns:
            return frame[self.name]
        return pd.Series(pd.NA, index=frame.index, dtype="object")

    def facts(self) -> set[str]:
        return {self.name}


@dataclass(frozen=True, eq=False)
class Param(Expr):
    """A parameter in force on the evaluation date, by its dotted path, e.g. ``art01.min_months``."""

    path: str

    def one(self, ctx: Context) -> Any:
        return ctx.params[self.path]

    def many(self, frame: pd.DataFrame, params: Mapping[str, Any]) -> pd.Series:
        return _broadcast(params[self.path], frame)


def _as_boolean(series: pd.Series) -> pd.Series:
    return series.astype("boolean")


_ORDERING = (operator.ge, operator.gt, operator.le, operator.lt)


@dataclass(frozen=True, eq=False)
class Compare(Expr):
    op: Callable[[Any, Any], Any]
    left: Expr
    right: Expr

    def one(self, ctx: Context) -> bool | None:
        left, right = self.left.one(ctx), self.right.one(ctx)
        if left is None or right is None:
            return None
        return bool(self.op(left, right))

    def many(self, frame: pd.DataFrame, params: Mapping[str, Any]) -> pd.Series:
        import pandas as pd  # noqa: PLC0415 - rosters only (issue 15)

        left = self.left.many(frame, params)
        if isinstance(self.right, Const | Param):
            right: Any = self.right.one(Context({}, params))
        else:
            right = self.right.many(frame, params)
        if self.op in _ORDERING:
            left = pd.to_numeric(left, errors="coerce").astype("Float64")
            if isinstance(right, pd.Series):
                right = pd.to_numeric(right, errors="coerce").astype("Float64")
        elif left.dtype == object:
            left = left.astype("string") if isinstance(right, str) else left.astype("boolean")
        if right is None:
            return pd.Series(pd.NA, index=frame.index, dtype="boolean")
        return _as_boolean(self.op(left, right))

    def missing(self, ctx: Context) -> set[str]:
        return self.left.missing(ctx) | self.right.missing(ctx)

    def facts(self) -> set[str]:
        return self.left.facts() | self.right.facts()


@dataclass(frozen=True, eq=False)
class IsIn(Expr):
    subject: Expr
    values: Expr

    def one(self, ctx: Context) -> bool | None:
        value = self.subject.one(ctx)
        return None if value is None else value in self.values.one(ctx)

    def many(self, frame: pd.DataFrame, params: Mapping[str, Any]) -> pd.Series:
        import pandas as pd  # noqa: PLC0415 - rosters only (issue 15)

        subject = self.subject.many(frame, params)
        result = subject.isin(list(self.values.one(Context({}, params)))).astype("boolean")
        result[subject.isna()] = pd.NA
        return result

    def missing(self, ctx: Context) -> set[str]:
        return self.subject.missing(ctx)

    def facts(self) -> set[str]:
        return self.subject.facts()


@dataclass(frozen=True, eq=False)
class IsTrue(Expr):
    """A yes/no fact that must be yes."""

    subject: Expr

    def one(self, ctx: Context) -> bool | None:
        value = self.subject.one(ctx)
        return None if value is None else bool(value)

    def many(self, frame: pd.DataFrame, params: Mapping[str, Any]) -> pd.Series:
        return _as_boolean(self.subject.many(frame, params))

    def missing(self, ctx: Context) -> set[str]:
        return self.subject.missing(ctx)

    def facts(self) -> set[str]:
        return self.subject.facts()


@dataclass(frozen=True, eq=False)
class And(Expr):
    parts: tuple[Expr, ...]

    def one(self, ctx: Context) -> bool | None:
        values = [part.one(ctx) for part in self.parts]
        if any(v is False for v in values):
            return False
        return None if any(v is None for v in values) else True

    def many(self, frame: pd.DataFrame, params: Mapping[str, Any]) -> pd.Series:
        import pandas as pd  # noqa: PLC0415 - rosters only (issue 15)

        result = pd.Series(True, index=frame.index, dtype="boolean")
        for part in self.parts:
            result = result & _as_boolean(part.many(frame, params))
        return result

    def missing(self, ctx: Context) -> set[str]:
        return set().union(*(part.missing(ctx) for part in self.parts))

    def facts(self) -> set[str]:
        return set().union(*(part.facts() for part in self.parts))


@dataclass(frozen=True, eq=False)
class Or(Expr):
    parts: tuple[Expr, ...]

    def one(self, ctx: Context) -> bool | None:
        values = [part.one(ctx) for part in self.parts]
        if any(v is True for v in values):
            return True
        return None if any(v is None for v in values) else False

    def many(self, frame: pd.DataFrame, params: Mapping[str, Any]) -> pd.Series:
        import pandas as pd  # noqa: PLC0415 - rosters only (issue 15)

        result = pd.Series(False, index=frame.index, dtype="boolean")
        for part in self.parts:
            result = result | _as_boolean(part.many(frame, params))
        return result

    def missing(self, ctx: Context) -> set[str]:
        return set().union(*(part.missing(ctx) for part in self.parts))

    def facts(self) -> set[str]:
        return set().union(*(part.facts() for part in self.parts))


@dataclass(frozen=True, eq=False)
class Arith(Expr):
    op: Callable[[Any, Any], Any]
    left: Expr
    right: Expr

    def one(self, ctx: Context) -> Any:
        left, right = self.left.one(ctx), self.right.one(ctx)
        if left is None or right is None:
            return None
        return self.op(left, right)

    def many(self, frame: pd.DataFrame, params: Mapping[str, Any]) -> pd.Series:
        import pandas as pd  # noqa: PLC0415 - rosters only (issue 15)

        left = pd.to_numeric(self.left.many(frame, params), errors="coerce").astype("Float64")
        right = pd.to_numeric(self.right.many(frame, params), errors="coerce").astype("Float64")
        return self.op(left, right)

    def missing(self, ctx: Context) -> set[str]:
        return self.left.missing(ctx) | self.right.missing(ctx)

    def facts(self) -> set[str]:
        return self.left.facts() | self.right.facts()


def map_distinct(values: pd.Series, look: Callable[[Any], Any]) -> pd.Series:
    """``look(value)`` for each known value, NA where the value is not known, as ``values.map`` gives it.

    Each distinct value is looked at once: a column of a million rows holds a handful of distinct cities or
    levels, so the million Python calls of ``values.map(look)`` become a handful and a take.
    """
    import pandas as pd  # noqa: PLC0415 - rosters only (issue 15)

    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    found = [look(value) for value in uniques]
    column = pd.Series(pd.array([*found, pd.NA], dtype=object)[codes], index=values.index, dtype=object)
    return column.infer_objects()


@dataclass(frozen=True, eq=False)
class Lookup(Expr):
    """The value a parameter table gives for an enumerated fact (e.g. certificate level → amount)."""

    subject: Expr
    table: Expr

    def one(self, ctx: Context) -> Any:
        key = self.subject.one(ctx)
        return None if key is None else self.table.one(ctx).get(key)

    def many(self, frame: pd.DataFrame, params: Mapping[str, Any]) -> pd.Series:
        import pandas as pd  # noqa: PLC0415 - rosters only (issue 15)

        table = self.table.one(Context({}, params))
        subject = self.subject.many(frame, params)
        return map_distinct(subject, lambda key: table.get(key, pd.NA))

    def missing(self, ctx: Context) -> set[str]:
        return self.subject.missing(ctx)

    def facts(self) -> set[str]:
        return self.subject.facts()


@dataclass(frozen=True, eq=False)
class Band(Expr):
    """The amount of the band a count falls in; bands are ``{min, max, amount}`` (max ``None``: open)."""

    count: Expr
    bands: Expr

    def one(self, ctx: Context) -> Any:
        count = self.count.one(ctx)
        if count is None:
            return None
        band = band_for(count, self.bands.one(ctx))
        return band["amount"] if band else 0

    def many(self, frame: pd.DataFrame, params: Mapping[str, Any]) -> pd.Series:
        bands = self.bands.one(Context({}, params))
        counts = self.count.many(frame, params)
        return map_distinct(counts, lambda n: (band_for(n, bands) or {"amount": 0})["amount"])

    def missing(self, ctx: Context) -> set[str]:
        return self.count.missing(ctx)

    def facts(self) -> set[str]:
        return self.count.facts()


def band_for(count: float, bands: list[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The first band whose closed range holds ``count`` (ranges are inclusive at both ends)."""
    for band in bands:
        upper = band.get("max")
        if count >= band["min"] and (upper is None or count <= upper):
            return band
    return None


def is_true(name: str) -> IsTrue:
    return IsTrue(Fact(name))


def is_false(name: str) -> Compare:
    return Fact(name).equals(False)
