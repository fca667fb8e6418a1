"""Issue 15: `python -m engine evaluate` and `schema` start without the roster stack (pandas, NumPy, openpyxl,
python-calamine, pyarrow), which cost about half a second on every call. Each command runs in a fresh interpreter
exactly as `python -m engine …`, with an exit hook that writes the names of every module it ended up with.

No wall-time bound here (timings are flaky on a busy machine): docs/performance.md, "Command line start-up",
gives the figures and the command that measures them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import ELIGIBLE

from engine import params

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("pandas", "numpy", "openpyxl", "python_calamine", "pyarrow")

# `python -m engine ARGS`, with the names in sys.modules written to the file named by the first argument at exit.
RUN_ENGINE = """
import atexit, runpy, sys
out = sys.argv.pop(1)
def dump():
    with open(out, "w", encoding="utf-8") as f:
        f.write("\\n".join(sorted(sys.modules)))
atexit.register(dump)
runpy.run_module("engine", run_name="__main__", alter_sys=True)
"""


def modules_after(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess, set[str]]:
    listing = tmp_path / "modules.txt"
    proc = subprocess.run([sys.executable, "-c", RUN_ENGINE, str(listing), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=False)
    return proc, set(listing.read_text(encoding="utf-8").split())


def heavy(modules: set[str]) -> list[str]:
    return sorted(name for name in modules if name.split(".", 1)[0] in HEAVY)


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_schema_does_not_import_the_roster_stack(tmp_path):
    proc, modules = modules_after(tmp_path, "schema")
    assert proc.returncode == 0, proc.stderr
    assert "properties" in json.loads(proc.stdout)
    assert heavy(modules) == []


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_evaluate_does_not_import_the_roster_stack(tmp_path, lang):
    # The facts of every benefit's eligible profile in one: every rule, amount, step and text is worked out.
    profile: dict[str, dict] = {}
    for eligible in ELIGIBLE.values():
        for section, facts in eligible.items():
            profile.setdefault(section, {}).update(facts)
    path = write(tmp_path, "profile.json", json.dumps(profile, ensure_ascii=False))
    proc, modules = modules_after(tmp_path, "evaluate", path, "--date", "2019-06-01", "--lang", lang)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["total"] > 0
    assert "engine.evaluate" in modules  # the hook saw the run
    assert heavy(modules) == []


def test_evaluate_json_lines_and_bad_input_do_not_import_the_roster_stack(tmp_path):
    lines = "\n".join(json.dumps(p, ensure_ascii=False) for p in ELIGIBLE.values()) + "\n"
    proc, modules = modules_after(tmp_path, "evaluate", write(tmp_path, "many.jsonl", lines), "--date", "2019-06-01")
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.splitlines()) == len(ELIGIBLE)
    assert heavy(modules) == []
    bad = write(tmp_path, "bad.json", json.dumps({"person": {"age": "forty"}}))
    proc, modules = modules_after(tmp_path, "evaluate", bad)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert heavy(modules) == []


def test_batch_still_loads_pandas(tmp_path):
    """The check above can see pandas: the roster command, which needs it, shows it."""
    roster = write(tmp_path, "roster.csv", "person.registered_poor,person.job.months\ntrue,14\n")
    proc, modules = modules_after(tmp_path, "batch", roster, "--date", "2019-06-01", "--out", str(tmp_path / "o.csv"))
    assert proc.returncode == 0, proc.stderr
    assert {"pandas", "numpy"} <= modules


def test_the_parameter_files_read_the_same_with_libyaml():
    """engine.params reads with libyaml's parser when there is one (issue 15: 16 ms less at each start)."""
    for path in sorted(params.PARAMETER_DIR.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=params.SAFE_LOADER) == yaml.safe_load(text), path.name  # noqa: S506
