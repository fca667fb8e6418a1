"""The command line: `python -m engine evaluate|schema|batch`. Bad input exits 2 with exactly one line on stderr that
names the field or the problem, nothing on stdout and no traceback."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import BENEFIT_IDS, ELIGIBLE, POLICY

from bench.promise_audit import apply

ROOT = Path(__file__).resolve().parents[2]
TRANSPORT = ELIGIBLE["transport_subsidy"]  # 跨省务工14个月：800元
PERSON_BENEFITS = ["transport_subsidy", "public_welfare_post", "startup_subsidy", "skill_upgrade_subsidy"]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "engine", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False)


def write_json(tmp_path: Path, data: object, name: str = "profile.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_evaluate_prints_the_result(tmp_path):
    proc = cli("evaluate", write_json(tmp_path, TRANSPORT), "--date", "2019-06-01")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert set(out) >= {"policy", "date", "in_force", "results", "total"}
    assert (out["policy"], out["date"], out["in_force"]) == (POLICY, "2019-06-01", True)
    assert [r["benefit"] for r in out["results"]] == BENEFIT_IDS
    transport = out["results"][0]
    assert (transport["status"], transport["amount"], out["total"]) == ("eligible", 800, 800)


def test_evaluate_out_of_period(tmp_path):
    proc = cli("evaluate", write_json(tmp_path, TRANSPORT), "--date", "2021-01-01")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert (out["in_force"], out["total"]) == (False, 0)
    assert {r["status"] for r in out["results"]} == {"out_of_period"}


def test_evaluate_translates_messages(tmp_path):
    path = write_json(tmp_path, TRANSPORT)
    zh = json.loads(cli("evaluate", path, "--date", "2019-06-01", "--lang", "zh_CN").stdout)
    en = json.loads(cli("evaluate", path, "--date", "2019-06-01", "--lang", "en").stdout)
    assert [(r["status"], r["amount"]) for r in zh["results"]] == [(r["status"], r["amount"]) for r in en["results"]]
    zh_met = [m["text"] for m in zh["results"][0]["met"]]
    en_met = [m["text"] for m in en["results"][0]["met"]]
    assert zh_met
    assert all(re.search(r"[\u4e00-\u9fff]", text) for text in zh_met), f"zh_CN text is not Chinese: {zh_met}"
    assert zh_met != en_met


def test_schema():
    proc = cli("schema")
    assert proc.returncode == 0, proc.stderr
    schema = json.loads(proc.stdout)
    assert set(schema["properties"]) >= {"person", "employer", "incubator", "broker", "institution"}


def test_schema_agrees_with_the_contract():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(cli("schema").stdout)
    for profile in ELIGIBLE.values():
        jsonschema.validate(profile, schema)
    for bad in ({"person": {"job": {"months": -1}}}, {"person": {"job": {"place": "abroad"}}}, {"person": {"x": 1}}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)


ROSTER = [
    # 跨省务工14个月：800元 / 区内跨县11个月：不满1年 / 45岁公益性岗位（基数12000元）、个体经营14个月、参保3年高级证书
    {"person.registered_poor": "true", "person.job.place": "other_province", "person.job.months": "14",
     "person.job.contract": "1_year_or_more", "person.job.social_insurance": "true"},
    {"person.registered_poor": "true", "person.job.place": "other_county_in_region", "person.job.months": "11",
     "person.job.contract": "1_year_or_more", "person.job.social_insurance": "true"},
    {"person.registered_poor": "true", "person.age": "45", "person.able_to_work": "true", "person.wants_work": "true",
     "person.disabled": "false", "person.city_rural_income_last_year": "12000", "person.business.kind": "individual",
     "person.business.months": "14", "person.business.employs_others": "true",
     "person.unemployment_insurance_years": "3", "person.certificate_this_year": "senior"},
]
EXPECTED = [
    {"transport_subsidy": ("eligible", 800)},
    {"transport_subsidy": ("not_eligible", None)},
    {"public_welfare_post": ("eligible", 12_000), "startup_subsidy": ("eligible", 10_000),
     "skill_upgrade_subsidy": ("eligible", 2_000), "transport_subsidy": ("needs_info", None)},
]


def write_roster(tmp_path: Path, rows: list[dict]) -> Path:
    columns = sorted({c for row in rows for c in row})
    path = tmp_path / "roster.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_batch_adds_status_and_amount_columns(tmp_path):
    out_path = tmp_path / "out.csv"
    proc = cli("batch", str(write_roster(tmp_path, ROSTER)), "--date", "2019-06-01", "--out", str(out_path))
    assert proc.returncode == 0, proc.stderr
    with out_path.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 3
    for benefit in PERSON_BENEFITS:
        assert {f"{benefit}.status", f"{benefit}.amount"} <= set(rows[0]), benefit
    for row, expected in zip(rows, EXPECTED, strict=True):
        for benefit, (status, amount) in expected.items():
            assert row[f"{benefit}.status"] == status, benefit
            cell = row[f"{benefit}.amount"].strip()
            if amount is None:
                assert cell in {"", "None", "nan", "NaN"}, f"{benefit}: {cell!r}"
            else:
                assert float(cell) == amount, benefit


def test_batch_keeps_the_roster_columns(tmp_path):
    rows = [{"姓名": "马某", **row} for row in ROSTER]
    out_path = tmp_path / "out.csv"
    proc = cli("batch", str(write_roster(tmp_path, rows)), "--date", "2019-06-01", "--out", str(out_path))
    assert proc.returncode == 0, proc.stderr
    with out_path.open(encoding="utf-8-sig") as f:
        out_rows = list(csv.DictReader(f))
    assert [row["姓名"] for row in out_rows] == ["马某"] * 3
    assert [row["person.job.months"] for row in out_rows] == ["14", "11", ""]


def test_batch_writes_formula_cells_back_as_text(tmp_path):
    """A roster's own cells go back out as the site's downloads do: no cell may start a formula in Excel."""
    names = ['=HYPERLINK("http://x","y")', "\x01=1+1", "@SUM(A1)", "马某"]
    rows = [{"姓名": name, **row} for name, row in zip(names, [*ROSTER, ROSTER[0]], strict=True)]
    out_path = tmp_path / "out.csv"
    proc = cli("batch", str(write_roster(tmp_path, rows)), "--date", "2019-06-01", "--out", str(out_path))
    assert proc.returncode == 0, proc.stderr
    with out_path.open(encoding="utf-8-sig") as f:
        out_rows = list(csv.DictReader(f))
    assert [row["姓名"] for row in out_rows] == ["'" + names[0], "'=1+1", "'@SUM(A1)", "马某"]


BAD_INPUT = [
    pytest.param("{not json", (), "json", id="无效JSON"),
    pytest.param({"person": {"salary": 3000}}, (), "person.salary", id="未知字段"),
    pytest.param({"person": {"age": "forty"}}, (), "person.age", id="类型错误"),
    pytest.param({"person": {"job": {"months": -1}}}, (), "person.job.months", id="月数为负"),
    pytest.param({"person": {"job": {"place": "abroad"}}}, (), "person.job.place", id="未知枚举值"),
    pytest.param(None, (), "nowhere.json", id="文件不存在"),
    pytest.param(TRANSPORT, ("--date", "2019-13-01"), "2019-13-01", id="日期无效"),
    pytest.param(TRANSPORT, ("--date", "yesterday"), "yesterday", id="日期不是YYYY-MM-DD"),
]


@pytest.mark.parametrize(("profile", "extra", "named"), BAD_INPUT)
def test_evaluate_bad_input_exits_2(tmp_path, profile, extra, named):
    path = str(tmp_path / "nowhere.json") if profile is None else write_json(tmp_path, profile)
    proc = cli("evaluate", path, *extra)
    assert_bad_input(proc, named)


BAD_ROSTERS = [
    pytest.param([{"person.registered_poor": "true", "person.job.months": "-1"}], "person.job.months", id="名册月数为负"),
    pytest.param([{"person.registered_poor": "true", "person.job.month": "14"}], "person.job.month",
                 id="名册列名拼错：person.job.month（应为months）不得静默忽略"),
    pytest.param([{"person.job.place": "abroad"}], "person.job.place", id="名册未知枚举值"),
]


@pytest.mark.parametrize(("rows", "named"), BAD_ROSTERS)
def test_batch_bad_input_exits_2(tmp_path, rows, named):
    out_path = tmp_path / "out.csv"
    proc = cli("batch", str(write_roster(tmp_path, rows)), "--date", "2019-06-01", "--out", str(out_path))
    assert_bad_input(proc, named)


def test_batch_missing_file_exits_2(tmp_path):
    proc = cli("batch", str(tmp_path / "absent.csv"), "--date", "2019-06-01", "--out", str(tmp_path / "o.csv"))
    assert_bad_input(proc, "absent.csv")


def assert_bad_input(proc: subprocess.CompletedProcess, named: str) -> None:
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert named.lower() in lines[0].lower(), lines[0]


# --- JSON Lines and the comparison ------------------------------------------------------------------------

JOB_10_MONTHS = {"person": {"registered_poor": True, "age": 30, "job": {"place": "other_province", "months": 10}}}


def write_lines(tmp_path: Path, lines: list[object], name: str = "profiles.jsonl") -> str:
    path = tmp_path / name
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)
                              for line in lines) + "\n", encoding="utf-8")
    return str(path)


def test_evaluate_json_lines_gives_a_result_a_line_each_on_its_own_date(tmp_path):
    lines = [{**TRANSPORT, "date": "2019-06-01"}, "", {**JOB_10_MONTHS, "date": "2020-12-01"},
             {**TRANSPORT, "date": "2021-01-01"}]
    proc = cli("evaluate", write_lines(tmp_path, lines), "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["date"] for o in out] == ["2019-06-01", "2020-12-01", "2021-01-01"]
    assert out[0]["results"][0]["amount"] == 800
    late = out[1]["results"][0]
    assert (late["status"], late["next"], late["ruled_out"]) == ("not_eligible", [], True)
    assert out[2]["in_force"] is False


def test_evaluate_json_lines_with_one_date_for_all(tmp_path):
    proc = cli("evaluate", write_lines(tmp_path, [JOB_10_MONTHS, JOB_10_MONTHS], "x.ndjson"), "--date", "2019-06-01")
    assert proc.returncode == 0, proc.stderr
    steps = [json.loads(line)["results"][0]["next"] for line in proc.stdout.splitlines()]
    assert [s[0]["months"] for s in steps] == [2, 2]


@pytest.mark.parametrize(("bad", "named"), [
    pytest.param("{not json", "line 3", id="第3行不是JSON"),
    pytest.param('{"person": {"age": "forty"}}', "line 3: person.age", id="第3行字段类型错误"),
    pytest.param("[1, 2]", "line 3: profile", id="第3行不是对象"),
])
def test_a_bad_line_exits_2_naming_it_and_prints_nothing(tmp_path, bad, named):
    proc = cli("evaluate", write_lines(tmp_path, [TRANSPORT, JOB_10_MONTHS, bad, TRANSPORT]), "--date", "2019-06-01",
               "--lang", "en")
    assert_bad_input(proc, named)


def test_json_lines_from_standard_input(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "engine", "evaluate", "-", "--lines", "--date", "2019-06-01"],
                          cwd=ROOT, input=json.dumps(TRANSPORT) + "\n" + json.dumps(JOB_10_MONTHS) + "\n",
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.splitlines()) == 2


def test_compare_rows_are_the_engine_on_the_profile_they_describe(tmp_path):
    proc = cli("compare", write_json(tmp_path, JOB_10_MONTHS), "--date", "2019-06-01", "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert [r["scenario"] for r in rows] == ["same_county", "other_county", "other_province", "public_welfare_post",
                                             "business"]
    for row in rows:
        assert set(row) >= {"scenario", "benefit", "change", "status", "amount", "still_needed"}
        changed = cli("evaluate", write_json(tmp_path, apply(JOB_10_MONTHS, row["change"]), "changed.json"),
                      "--date", "2019-06-01")
        result = next(r for r in json.loads(changed.stdout)["results"] if r["benefit"] == row["benefit"])
        assert row["status"] == result["status"]
        assert row["amount"] == (result["amount"] or 0)
    province = rows[2]
    assert (province["status"], province["amount"]) == ("eligible", 800)
    # He has the job but not yet the year, and the contract and insurance are not known: all of it is said.
    needed = [m["text"] for m in province["still_needed"]]
    assert needed == ["2 more months in that job", "a signed labour contract", "social insurance paid by your employer",
                      "by 31 December 2020, when the policy ends"]
    # A post at 30: only a disability relaxes the age, and that is not known yet: the question is said.
    assert rows[3]["status"] == "needs_info"
    assert "Answer: Do you have a disability certificate?" in [m["text"] for m in rows[3]["still_needed"]]


def test_compare_json_lines_gives_an_array_a_line(tmp_path):
    proc = cli("compare", write_lines(tmp_path, [JOB_10_MONTHS, {**JOB_10_MONTHS, "date": "2020-12-01"}]),
               "--lang", "zh_CN")
    assert proc.returncode == 0, proc.stderr
    first, second = (json.loads(line) for line in proc.stdout.splitlines())
    assert len(first) == len(second) == 5
    late = second[2]["still_needed"][-1]
    assert late["id"] == "That takes until {date}, after the policy ends on {end}."
    assert second[2]["in_time"] is False
