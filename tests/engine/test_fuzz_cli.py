"""Fuzzing ``python -m engine evaluate`` as a subprocess (hypothesis and a list of known-hostile inputs): any bytes
on standard input — JSON or not, huge numbers, NaN, deep nesting, not UTF-8 — exit 0 with a result that keeps the
contract on standard output, or exit 2 with exactly one line on standard error and nothing on standard output.
Never a traceback. Each example starts a process (about 1 s), so the examples are few."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from fuzz_strategies import JSON_VALUES, PROFILES, check_result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
ARGS = st.sampled_from([(), ("--date", "2019-06-01"), ("--date", "2020-12-31", "--lang", "en"), ("--lang", "en")])


def evaluate(data: bytes, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "engine", "evaluate", "-", *args], cwd=ROOT, input=data,
                          capture_output=True, timeout=120, check=False)


def no_constant(name: str) -> None:
    raise AssertionError(f"{name} in the output: not JSON")


def check_answer(proc: subprocess.CompletedProcess, args: tuple[str, ...] = ()) -> str:
    """``ok`` or ``refused``; fails on anything else."""
    stderr = proc.stderr.decode("utf-8", errors="replace")
    assert "Traceback" not in stderr, stderr
    if proc.returncode == 0:
        assert stderr == ""
        out = json.loads(proc.stdout.decode("utf-8"), parse_constant=no_constant)
        on = date.fromisoformat(args[args.index("--date") + 1]) if "--date" in args else None
        check_result(out, on)
        return "ok"
    assert proc.returncode == 2, (proc.returncode, stderr)
    assert proc.stdout == b""
    assert stderr.startswith("error: " if "en" in args else "错误："), stderr  # in the language of --lang (zh_CN)
    assert stderr.endswith("\n")
    assert len(stderr.splitlines()) == 1, stderr
    assert len(stderr) < 1000, stderr
    return "refused"


def as_json(value: object) -> bytes:
    """JSON text of ``value``, integers of any length written out (Python's 4,300-digit limit lifted meanwhile)."""
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=True)
    finally:
        sys.set_int_max_str_digits(limit)
    return text.encode("utf-8", errors="surrogatepass")


INPUTS = (PROFILES.map(as_json)
          | JSON_VALUES.map(as_json).map(lambda b: b[: len(b) // 2])  # cut off: invalid JSON
          | st.binary(max_size=200)
          | st.text(max_size=100).map(lambda t: t.encode("utf-8", errors="surrogatepass")))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=INPUTS, args=ARGS)
def test_any_input_gives_a_result_or_one_line(data, args):
    check_answer(evaluate(data, *args), args)


HOSTILE = {
    "empty": b"",
    "only spaces": b"   \n",
    "not JSON": b"hello",
    "a JSON array": b"[1, 2]",
    "a number of 5,000 digits": b"1" * 5000,
    "age of 400 digits": b'{"person": {"age": ' + b"9" * 400 + b"}}",
    "age of 5,000 digits": b'{"person": {"age": ' + b"9" * 5000 + b"}}",
    "NaN": b'{"person": {"age": NaN}}',
    "Infinity": b'{"employer": {"employer_insurance_monthly": Infinity}}',
    "1e400": b'{"person": {"job": {"months": 1e400}}}',
    "nested 100,000 deep": b"[" * 100_000,
    "nested objects 100,000 deep": b'{"a":' * 100_000,
    "deep inside a field": b'{"person": {"age": ' + b"[" * 500 + b"]" * 500 + b"}}",
    "not UTF-8": b'{"person": {"city": "\xff\xfe"}}',
    "UTF-16": '{"person": {}}'.encode("utf-16"),
    "a lone surrogate": b'{"person": {"city": "\\ud800"}}',
    "a new line in a key": b'{"person": {"a\\nb": 1}}',
    "a line separator in a key": b'{"person\\u2028x": 1}',
    "a NUL in a key": b'{"person": {"\\u0000": 1}}',
    "a key of 100,000 characters": b'{"person": {"' + b"k" * 100_000 + b'": 1}}',
    "a value of 1,000,000 characters": b'{"person": {"city": "' + b"x" * 1_000_000 + b'"}}',
    "a date of year 1": b'{"date": "0001-01-01"}',
    "a date as a number": b'{"date": 20190601}',
    "a date of 5,000 digits": b'{"date": ' + b"1" * 5000 + b"}",
}


@pytest.mark.parametrize("data", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_input_is_refused_in_one_line_or_evaluated(data):
    check_answer(evaluate(data, "--date", "2019-06-01"), ("--date", "2019-06-01"))


def test_a_utf8_bom_is_accepted():
    proc = evaluate(b'\xef\xbb\xbf{"person": {"registered_poor": true}}', "--date", "2019-06-01")
    assert check_answer(proc, ("--date", "2019-06-01")) == "ok"


@pytest.mark.parametrize(("data", "says"), [
    (b"1" * 5000, "a number in the JSON is too long"),
    (b"[" * 100_000, "nested too deeply"),
    (b'{"person": {"age": ' + b"9" * 400 + b"}}", "person.age: must be at most 130, got a number too large"),
    (b'{"person": {"a\\nb": 1}}', r"person.'a\nb': unknown field"),
    (b"\xff", "not UTF-8"),
], ids=["5,000 digits", "deep nesting", "400-digit age", "new line in a key", "not UTF-8"])
def test_the_line_says_what_is_wrong(data, says):
    proc = evaluate(data, "--date", "2019-06-01", "--lang", "en")
    assert proc.returncode == 2
    assert says in proc.stderr.decode("utf-8")
