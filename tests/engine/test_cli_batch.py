"""`python -m engine batch` on a county's or the region's registry (issue 15): any size, read in chunks with the
site's own cell checks, each row the answer `engine.evaluate` gives the same person alone; bad cells listed or
refused; CSV, XLSX and Parquet in and out; a summary by benefit, fund and county."""

from __future__ import annotations

import contextlib
import csv
import fcntl
import io
import os
import pty
import random
import struct
import subprocess
import sys
import termios
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from engine import evaluate
from engine.cli import main
from engine.profile import FIELDS
from engine.questions import nest
from engine.roster import batch, files
from engine.roster.files import MAX_BYTES, MAX_ROWS, iter_tables
from engine.roster.persons import PERSON_FIELDS, check_persons, evaluate_batch, evaluate_table
from engine.rules import PERSON_RULES

ON = date(2020, 6, 30)
ROOT = Path(__file__).resolve().parents[2]
YES, NO = ("是", "yes", "1", "true", "有"), ("否", "no", "0", "false", "无")


def random_person(chance: random.Random) -> tuple[dict[str, object], dict[str, str]]:
    """A person's facts (some unknown) and the same facts as a registry writes them (是/否, codes, numbers)."""
    facts: dict[str, object] = {}
    cells: dict[str, str] = {}
    for name in PERSON_FIELDS:
        spec = FIELDS[name]
        if chance.random() < 0.15:
            cells[name] = ""
            continue
        if spec.kind == "bool":
            value = chance.random() < 0.6
            cells[name] = chance.choice(YES if value else NO)
        elif spec.kind == "enum":
            value = chance.choice(spec.values)
            cells[name] = value
        elif spec.kind == "int":
            low = int(spec.minimum or 0)  # a year of birth runs from 1900
            value = chance.randint(low, low + 60 if spec.maximum and spec.maximum > low + 60 else int(spec.maximum))
            cells[name] = str(value)
        else:
            value = chance.choice([v for v in (0, 0.5, 3, 12_000, 25_000.5) if v <= (spec.maximum or v)])
            cells[name] = f"{value:,}" if value >= 1000 else str(value)
        facts[name] = value
    return facts, cells


def write_csv(path: Path, rows: list[dict[str, str]], encoding: str = "utf-8") -> Path:
    with path.open("w", newline="", encoding=encoding) as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["batch", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def read_back(path: Path) -> pd.DataFrame:
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    if path.suffix == ".xlsx":
        return pd.read_excel(path, dtype=object, engine="calamine")
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


# --- the answers ---------------------------------------------------------------------------------

def test_read_in_chunks_every_row_gets_what_the_engine_gives_that_person_alone(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(files, "CHUNK_ROWS", 7)  # many chunks, each evaluated on its own
    chance = random.Random(2018)
    people = [random_person(chance) for _ in range(150)]
    path = write_csv(tmp_path / "registry.csv", [cells for _, cells in people])
    code, _, err = run(capsys, str(path), "--date", ON.isoformat(), "--out", str(tmp_path / "out.csv"))
    assert code == 0, err
    out = read_back(tmp_path / "out.csv")
    assert len(out) == len(people)
    for position, (facts, _) in enumerate(people):
        alone = {r["benefit"]: r for r in evaluate(nest(facts), ON)["results"]}
        for benefit in PERSON_RULES:
            row = out.iloc[position]
            assert row[f"{benefit}.status"] == alone[benefit]["status"], (position, benefit, facts)
            amount = alone[benefit]["amount"] if alone[benefit]["status"] == "eligible" else None
            assert (float(row[f"{benefit}.amount"]) if row[f"{benefit}.amount"] else None) == amount


def test_each_distinct_row_evaluated_once_gives_the_answers_of_every_row():
    chance = random.Random(7)
    cells = [random_person(chance)[1] for _ in range(400)]
    cells += cells[:200] + [{**cells[0], "person.job.months": "x"}] * 3  # repeats, and a bad cell three times
    table = pd.DataFrame(cells, dtype="str")
    table.index = pd.RangeIndex(2, 2 + len(table))
    whole = check_persons(table)
    expected = evaluate_batch(whole.facts, ON).reset_index(drop=True)
    once = evaluate_table(table, ON)
    pd.testing.assert_frame_equal(once.results, expected)
    assert [(e.row, e.column, e.problem) for e in once.errors] == [(e.row, e.column, e.problem) for e in whole.errors]
    assert [e.row for e in once.errors if e.column == "person.job.months"][-3:] == [602, 603, 604]


def test_out_of_the_policy_period_every_row_says_so(tmp_path, capsys):
    path = write_csv(tmp_path / "r.csv", [{"person.registered_poor": "是", "person.job.months": "14"}])
    code, _, err = run(capsys, str(path), "--date", "2021-01-01", "--out", str(tmp_path / "o.csv"))
    assert code == 0, err
    row = read_back(tmp_path / "o.csv").iloc[0]
    assert {row[f"{b}.status"] for b in PERSON_RULES} == {"out_of_period"}
    assert not any(row[f"{b}.amount"] for b in PERSON_RULES)


# --- any size ----------------------------------------------------------------------------------

def test_the_command_line_has_no_row_or_size_limit_of_its_own(tmp_path, capsys):
    rows = MAX_ROWS + 5_000
    note = "备注" * 40  # a wide column makes the file larger than an upload may be
    path = tmp_path / "region.csv"
    path.write_text("person.registered_poor,person.job.place,person.job.months,person.job.contract,"
                    "person.job.social_insurance,note\n"
                    + f"是,other_province,14,1_year_or_more,是,{note}\n" * rows, encoding="utf-8")
    assert path.stat().st_size > MAX_BYTES
    code, _, err = run(capsys, str(path), "--date", ON.isoformat(), "--out", str(tmp_path / "o.parquet"),
                       "--benefit", "transport_subsidy")
    assert code == 0, err
    out = pd.read_parquet(tmp_path / "o.parquet")
    assert len(out) == rows
    assert set(out["transport_subsidy.amount"]) == {800}
    assert list(out.columns) == ["person.registered_poor", "person.job.place", "person.job.months",
                                 "person.job.contract", "person.job.social_insurance", "note",
                                 "transport_subsidy.status", "transport_subsidy.amount"]


# --- bad cells ---------------------------------------------------------------------------------

BAD = [
    {"person.registered_poor": "是", "person.job.place": "other_province", "person.job.months": "14"},
    {"person.registered_poor": "也许", "person.job.place": "other_province", "person.job.months": "14"},
    {"person.registered_poor": "是", "person.job.place": "abroad", "person.job.months": "-3"},
]


def test_without_an_errors_file_a_bad_cell_stops_the_run_and_nothing_is_left(tmp_path, capsys):
    path = write_csv(tmp_path / "r.csv", BAD)
    out = tmp_path / "o.csv"
    code, stdout, err = run(capsys, str(path), "--date", ON.isoformat(), "--out", str(out), "--lang", "en")
    assert code == 2
    assert stdout == ""
    assert err.startswith("error: row 3, column person.registered_poor: “也许” is not yes or no")
    assert "(and 2 more)" in err
    assert "--errors" in err
    assert err.count("\n") == 1
    assert not out.exists()
    assert not list(tmp_path.glob(".*partial"))


def test_an_errors_file_lists_every_bad_cell_and_the_run_goes_on_with_them_unknown(tmp_path, capsys):
    path = write_csv(tmp_path / "r.csv", BAD)
    code, _, err = run(capsys, str(path), "--date", ON.isoformat(), "--out", str(tmp_path / "o.csv"),
                       "--errors", str(tmp_path / "bad.csv"), "--lang", "en")
    assert code == 0, err
    assert "3 bad cells" in err
    problems = list(csv.reader(io.StringIO((tmp_path / "bad.csv").read_text(encoding="utf-8-sig"))))
    assert problems[0] == ["Row", "Column", "Problem"]
    assert [(row, column) for row, column, _ in problems[1:]] == [
        ("3", "person.registered_poor"), ("4", "person.job.place"), ("4", "person.job.months")]
    out = read_back(tmp_path / "o.csv")
    assert len(out) == 3
    assert list(out["person.registered_poor"]) == ["是", "也许", "是"]  # the file's own cells, as written
    assert out["transport_subsidy.status"].tolist()[1] == "needs_info"  # 也许 is unknown, not no


def test_a_misspelt_fact_column_or_no_known_column_is_refused(tmp_path, capsys):
    misspelt = write_csv(tmp_path / "a.csv", [{"person.job.monts": "14"}])
    code, _, err = run(capsys, str(misspelt), "--date", ON.isoformat(), "--out", str(tmp_path / "o.csv"), "--lang", "en")
    assert (code, err) == (2, "error: Column person.job.monts: unknown field.\n")
    unknown = write_csv(tmp_path / "b.csv", [{"姓名": "马某"}])
    code, _, err = run(capsys, str(unknown), "--date", ON.isoformat(), "--out", str(tmp_path / "o.csv"), "--lang", "en")
    assert code == 2
    assert "fact names such as person.job.months" in err
    assert not (tmp_path / "o.csv").exists()


# --- formats -----------------------------------------------------------------------------------

def test_csv_xlsx_and_parquet_hold_the_same_answers(tmp_path, capsys):
    chance = random.Random(3)
    path = write_csv(tmp_path / "r.csv", [random_person(chance)[1] for _ in range(60)])
    outputs = {}
    for ending in ("csv", "xlsx", "parquet"):
        code, _, err = run(capsys, str(path), "--date", ON.isoformat(), "--out", str(tmp_path / f"o.{ending}"))
        assert code == 0, err
        outputs[ending] = read_back(tmp_path / f"o.{ending}")
    columns = [c for c in outputs["csv"].columns if c.endswith((".status", ".amount"))]
    for ending in ("xlsx", "parquet"):
        for column in columns:
            mine = [None if pd.isna(v) or v == "" else (float(v) if column.endswith("amount") else str(v))
                    for v in outputs[ending][column]]
            reference = [None if v == "" else (float(v) if column.endswith("amount") else v)
                         for v in outputs["csv"][column]]
            assert mine == reference, (ending, column)


def test_a_parquet_registry_gives_the_csv_answers(tmp_path, capsys):
    chance = random.Random(5)
    rows = [random_person(chance)[1] for _ in range(40)]
    write_csv(tmp_path / "r.csv", rows)
    typed = pd.DataFrame({"person.registered_poor": [True, False, None], "person.job.place": ["other_province"] * 3,
                          "person.job.months": [14, 14, 3]})
    typed.to_parquet(tmp_path / "typed.parquet")
    code, _, err = run(capsys, str(tmp_path / "typed.parquet"), "--date", ON.isoformat(),
                       "--out", str(tmp_path / "typed.csv"), "--benefit", "transport_subsidy")
    assert code == 0, err
    out = read_back(tmp_path / "typed.csv")
    assert out["person.registered_poor"].tolist() == ["TRUE", "FALSE", ""]  # booleans read as Excel writes them
    # unknown and not met (3 months) is not met: Kleene's logic, as for one person
    assert out["transport_subsidy.status"].tolist() == ["needs_info", "not_eligible", "not_eligible"]
    pd.DataFrame(rows, dtype="str").to_parquet(tmp_path / "r.parquet")
    for name in ("r.csv", "r.parquet"):
        code, _, err = run(capsys, str(tmp_path / name), "--date", ON.isoformat(),
                           "--out", str(tmp_path / f"{name}.out.csv"))
        assert code == 0, err
    pd.testing.assert_frame_equal(read_back(tmp_path / "r.csv.out.csv"), read_back(tmp_path / "r.parquet.out.csv"))


def test_formula_cells_go_back_out_as_text_in_every_format(tmp_path, capsys):
    rows = [{"person.job.months": "14", "name": '=HYPERLINK("http://x","y")'},
            {"person.job.months": "\x01=1+1", "name": "＝SUM(A1)"}]
    path = write_csv(tmp_path / "r.csv", rows)
    for ending in ("csv", "xlsx"):
        code, _, err = run(capsys, str(path), "--date", ON.isoformat(), "--out", str(tmp_path / f"o.{ending}"),
                           "--errors", str(tmp_path / "bad.csv"))
        assert code == 0, err
    text = (tmp_path / "o.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text
    assert "'＝SUM" in text
    assert "'=1+1" in text
    assert "\x01" not in text
    book = openpyxl.load_workbook(tmp_path / "o.xlsx")
    assert not [c.coordinate for row in book.active.iter_rows() for c in row if c.data_type == "f"]
    problems = csv.reader(io.StringIO((tmp_path / "bad.csv").read_text(encoding="utf-8-sig")))
    assert not [cell for row in problems for cell in row if cell.startswith(("=", "+", "-", "@", "\x01"))]


def test_an_xlsx_output_refuses_more_rows_than_a_sheet_holds_and_leaves_no_file(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(batch, "EXCEL_MAX_ROWS", 3)
    path = write_csv(tmp_path / "r.csv", [{"person.job.months": "14"}] * 5)
    code, _, err = run(capsys, str(path), "--date", ON.isoformat(), "--out", str(tmp_path / "o.xlsx"),
                       "--errors", str(tmp_path / "bad.csv"), "--lang", "en")
    assert code == 2
    assert "at most 2 rows" in err
    assert ".parquet" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.csv"]  # neither output nor errors, nor a part


def test_an_output_of_another_kind_is_refused(tmp_path, capsys):
    path = write_csv(tmp_path / "r.csv", [{"person.job.months": "14"}])
    code, _, err = run(capsys, str(path), "--date", ON.isoformat(), "--out", str(tmp_path / "o.json"))
    assert code == 2
    assert ".csv, .xlsx, .parquet" in err


# --- the reader: Arrow and pandas read a plain CSV alike -----------------------------------------

CSV_FILES = {
    "plain": ("a,b\n1,2\n3,4\n", True),
    "a BOM and CRLF": ("\ufeffa,b\r\n1,2\r\n3,4\r\n", True),
    "quoted commas and a line break": ('a,b\n"x,y","line\nbreak"\n"say ""hi""",2\n', True),
    "a blank line": ("a,b\n1,2\n\n3,4\n", True),
    "spaces kept": ("a,b\n 1 , 2\n", True),
    "tab-separated": ("a\tb\n1\t2\n", True),
    "Chinese": ("姓名,在岗月数\n马某,14\n", True),
    "a short row (pandas pads it)": ("a,b\n1\n3,4\n", False),
    "a blank header cell": ("a,,c\n1,2,3\n", False),
    "a header twice": ("a,a\n1,2\n", False),
    "a line of spaces": ("a,b\n1,2\n   \n3,4\n", False),
}


@pytest.mark.parametrize(("text", "arrow"), CSV_FILES.values(), ids=CSV_FILES.keys())
def test_arrow_reads_a_plain_csv_as_pandas_does_and_leaves_the_rest_to_pandas(tmp_path, text, arrow):
    path = tmp_path / "r.csv"
    path.write_bytes(text.encode("utf-8"))
    options = files._arrow_options(path)
    assert (options is not None) == arrow
    with path.open(encoding="utf-8-sig", newline="") as stream:
        by_pandas = list(files._parse_csv(stream, 2))
    by_either = list(files._csv_chunks(path, 2))
    assert len(by_either) == len(by_pandas)
    for mine, theirs in zip(by_either, by_pandas, strict=True):
        pd.testing.assert_frame_equal(mine, theirs)


def test_a_gbk_registry_is_read_whole_as_gbk(tmp_path, capsys):
    rows = [{"person.job.months": "14", "姓名": "马某"}] * 3 + [{"person.job.months": "3", "姓名": "李某"}]
    path = write_csv(tmp_path / "r.csv", rows, encoding="gbk")
    tables = list(iter_tables(path, rows=2))
    assert [t["姓名"].tolist() for t in tables] == [["马某", "马某"], ["马某", "李某"]]
    assert [t.index.tolist() for t in tables] == [[2, 3], [4, 5]]


# --- summary ------------------------------------------------------------------------------------

def test_the_summary_counts_and_adds_what_the_rows_say_by_benefit_fund_and_county(tmp_path, capsys):
    transport = {"person.registered_poor": "是", "person.job.place": "other_province", "person.job.months": "14",
                 "person.job.contract": "1_year_or_more", "person.job.social_insurance": "是"}
    rows = ([{**transport, "person.county": "西吉县"}] * 3 + [{**transport, "person.county": "Yuanzhou"}] * 2
            + [{**transport, "person.job.place": "other_county_in_region", "person.county": "640422"}]
            + [{**transport, "person.job.months": "", "person.county": "西吉"}])
    path = write_csv(tmp_path / "r.csv", rows)
    code, zh, err = run(capsys, str(path), "--date", ON.isoformat(), "--out", str(tmp_path / "o.csv"), "--summary")
    assert code == 0, err
    line = next(row for row in zh.splitlines() if row.startswith("外出务工交通补贴"))
    # 5 × 800 (other province) + 1 × 200 (another county of Ningxia); one whose months are unknown
    assert line.split()[-3:] == ["6", "1", "4,200"]
    assert "就业补助资金" in line
    county_lines = [row.split() for row in zh.splitlines() if row.startswith(("西吉县", "原州区"))]
    assert ["西吉县", "外出务工交通补贴", "4", "2,600"] in county_lines
    assert ["原州区", "外出务工交通补贴", "2", "1,600"] in county_lines
    code, en, err = run(capsys, str(path), "--date", ON.isoformat(), "--out", str(tmp_path / "o.csv"), "--summary",
                        "--lang", "en")
    assert code == 0, err
    assert "Article 1 (一)" in en
    assert "Xiji County (西吉县)" in en
    assert "employment subsidy fund (就业补助资金)" in en


def test_summary_and_benefit_are_for_persons_and_a_benefit_must_be_one(tmp_path, capsys):
    path = write_csv(tmp_path / "r.csv", [{"person.job.months": "14"}])
    code, _, err = run(capsys, str(path), "--date", ON.isoformat(), "--out", str(tmp_path / "o.csv"),
                       "--kind", "workers", "--summary")
    assert code == 2
    assert "--kind persons" in err
    code, _, err = run(capsys, str(path), "--date", ON.isoformat(), "--out", str(tmp_path / "o.csv"),
                       "--benefit", "workshop_grant", "--lang", "en")
    assert code == 2
    assert "not a person-level benefit" in err


# --- the site's other rosters ----------------------------------------------------------------------

def test_a_workers_roster_gives_the_table_the_employer_page_downloads(tmp_path, capsys):
    from engine.roster.check import result_sheets  # noqa: PLC0415
    from engine.roster.workers import read_workers  # noqa: PLC0415

    data = "姓名,是否建档立卡,在岗月数,劳动合同,是否缴纳社保\n马某,是,14,一年以上,是\n李某,否,20,一年以上,是\n" \
           "王某,是,,一年以上,是\n".encode("gbk")
    (tmp_path / "w.csv").write_bytes(data)
    code, _, err = run(capsys, str(tmp_path / "w.csv"), "--kind", "workers", "--date", "2020-12-31",
                       "--out", str(tmp_path / "o.csv"), "--lang", "en")
    assert code == 0, err
    page = next(iter(result_sheets(read_workers(data, "w.csv", date(2020, 12, 31)), "en").values()))
    expected = page.astype(object).where(page.notna(), "").astype(str)
    pd.testing.assert_frame_equal(read_back(tmp_path / "o.csv"), expected.reset_index(drop=True), check_dtype=False)


# --- hostile files stay harmless without the upload's limits ----------------------------------------

COMMAND_LINE_IN_A_CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (3 * 1024 ** 3, 3 * 1024 ** 3))
from engine.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize(("reference", "code"), [("XFD1048576", 2), ("ZZ1000000", 2), ("A1048576", 0)])
def test_the_zip_guards_still_bound_an_xlsx_on_the_command_line(tmp_path, reference, code):
    """Excel's own sheet is the bound: 1,048,576 rows of 20 columns. A far cell that would make calamine lay out
    billions of cells is refused; a workbook as long as Excel allows is read (in a child with 3 GB of address
    space: calamine aborts the process when it cannot allocate)."""
    from tests.engine.test_hostile_uploads import far_cell  # noqa: PLC0415

    path = tmp_path / "roster.xlsx"
    path.write_bytes(far_cell(reference))
    done = subprocess.run([sys.executable, "-c", COMMAND_LINE_IN_A_CHILD, "batch", str(path), "--kind", "workers",
                           "--date", "2020-12-31", "--out", str(tmp_path / "o.csv"), "--errors", str(tmp_path / "e.csv"),
                           "--lang", "en"],
                          capture_output=True, text=True, timeout=120, check=False, cwd=ROOT)
    assert done.returncode == code, done.stderr[-2000:]
    if code:
        assert "far more than a roster fills" in done.stderr


def test_a_progress_bar_shows_on_a_terminal_and_not_in_a_pipe(tmp_path):
    path = write_csv(tmp_path / "r.csv", [{"person.job.months": "14"}] * 10)
    command = [sys.executable, "-m", "engine", "batch", str(path), "--date", ON.isoformat(), "--out", str(tmp_path / "o.csv")]
    piped = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False, cwd=ROOT)
    assert (piped.returncode, piped.stderr) == (0, "")
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a terminal 100 columns wide
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=follower, cwd=ROOT) as process:
        os.close(follower)
        shown = b""
        with contextlib.suppress(OSError):  # the terminal closes with the process
            while chunk := os.read(leader, 4096):
                shown += chunk
        assert process.wait(timeout=120) == 0
    os.close(leader)
    assert b" rows [" in shown, shown  # the bar (rows so far, time, speed), cleared when the run ends
