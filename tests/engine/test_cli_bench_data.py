"""The roster that bench/cli_bench.py generates is one the command line accepts: the five columns article (一)
reads, in the engine's words, with blanks that give "needs information" (the bench itself is not a test)."""

from __future__ import annotations

import pandas as pd

from bench.cli_bench import BENEFIT, COLUMNS, DATE, roster
from engine.cli import main
from engine.rules.art01_transport import RULE


def test_the_command_line_accepts_the_generated_roster(tmp_path):
    assert set(COLUMNS) == set().union(*(c.test.facts() for c in RULE.conditions), RULE.amount.facts())
    assert RULE.benefit == BENEFIT
    table = roster(1_000, seed=1)
    assert table.eq("").to_numpy().mean() > 0.01  # some cells unknown
    assert not table.eq("").all(axis=1).any()  # no blank row, which the command line would leave out
    table.to_csv(tmp_path / "roster.csv", index=False)
    assert main(["batch", str(tmp_path / "roster.csv"), "--date", DATE, "--out", str(tmp_path / "out.csv")]) == 0
    out = pd.read_csv(tmp_path / "out.csv", dtype=str, keep_default_na=False)
    assert out[list(COLUMNS)].equals(table)  # every row written back, in order
    status, amount = out[f"{BENEFIT}.status"], out[f"{BENEFIT}.amount"]
    assert set(status) == {"eligible", "not_eligible", "needs_info"}
    assert set(pd.to_numeric(amount[status == "eligible"])) == {200, 800}
    assert set(amount[status != "eligible"]) == {""}
    assert not (status[table.ne("").all(axis=1)] == "needs_info").any()
