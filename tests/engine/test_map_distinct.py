"""engine.logic.map_distinct: what ``Series.map`` gives, each distinct value looked at once."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.logic import map_distinct

TABLE = {"银川市": 1, "石嘴山市": 2, "吴忠市": 3}


def look(key):
    return TABLE.get(key, pd.NA)


def by_map(values: pd.Series) -> list:
    return [None if pd.isna(v) else v for v in values.map(lambda k: pd.NA if pd.isna(k) else look(k))]


@given(st.lists(st.sampled_from([*TABLE, "固原市", None]), max_size=50))
def test_each_row_gets_what_map_gives(cities):
    values = pd.Series(cities, dtype="string")
    got = map_distinct(values, look)
    assert [None if pd.isna(v) else v for v in got] == by_map(values)
    assert list(got.index) == list(values.index)


def test_each_distinct_value_is_looked_at_once():
    seen = []
    values = pd.Series(["银川市", "吴忠市", None, "银川市"] * 1000, index=range(10, 4010))
    got = map_distinct(values, lambda key: seen.append(key) or TABLE[key])
    assert sorted(seen) == sorted(["银川市", "吴忠市"])
    assert got.iloc[:4].tolist()[:2] == [1, 3]
    assert pd.isna(got.iloc[2])
    assert got.index[0] == 10


@pytest.mark.parametrize(("values", "dtype"), [
    (pd.Series([1, 2, 1], dtype="Int64"), "int64"),
    (pd.Series([], dtype="string"), "object"),
])
def test_known_whole_numbers_stay_numbers(values, dtype):
    assert str(map_distinct(values, lambda n: n * 10).dtype) == dtype
