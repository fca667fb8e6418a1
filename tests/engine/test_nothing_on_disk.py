"""Nothing of a roster reaches the disk but the files the command line is told to write (issue 27).

An audit hook sees every file this process opens for writing while a roster is checked and its results are
downloaded; the file itself is parsed in a child process that may write nothing (``RLIMIT_FSIZE`` 0). openpyxl
used to write each results sheet to a temporary file (``delete=False``), which a crash left behind with the
workers' names.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pandas as pd

from engine import cli
from engine.roster.cells import read_roster
from engine.roster.downloads import to_csv_bytes, to_xlsx_bytes
from engine.roster.workers import WORKER_SCHEMA, check_workers, explain

HEADER = "姓名,身份证号,是否建档立卡,在岗月数,劳动合同,是否缴纳社保"
WRITE_MODES = set("wax+")
_watching: list[list[str]] = []


def _hook(event: str, args: tuple) -> None:
    if event == "open" and _watching and isinstance(args[0], str | bytes | Path):
        mode, flags = args[1], args[2]
        writes = (isinstance(mode, str) and bool(WRITE_MODES & set(mode))) or (isinstance(flags, int) and flags & 3)
        if writes:
            _watching[-1].append(str(args[0]))


sys.addaudithook(_hook)  # for the whole test run: it records only inside watch()


@contextmanager
def watch() -> Iterator[list[str]]:
    """The files opened for writing inside the block."""
    opened: list[str] = []
    _watching.append(opened)
    try:
        yield opened
    finally:
        _watching.pop()


def roster(rows: int) -> bytes:
    body = "\n".join(f"马{n},,是,14,一年以上,是" for n in range(rows))
    return f"{HEADER}\n{body}\n".encode("gb18030")


def test_a_roster_check_and_its_downloads_write_no_file():
    with watch() as opened:
        checked = read_roster(roster(3_000), "名册.csv", WORKER_SCHEMA)
        result = check_workers(checked, date(2020, 12, 31))
        reasons = explain(result, "zh_CN")
        table = pd.concat([pd.DataFrame({"姓名": checked.facts["worker.name"].to_numpy()}),
                           pd.DataFrame(reasons).reset_index(drop=True)], axis=1)
        assert to_xlsx_bytes({"核对结果": table}, ["身份证号"]).startswith(b"PK")
        assert to_csv_bytes(table)
    assert opened == []


def test_the_command_line_writes_only_its_output(tmp_path):
    source = tmp_path / "名册.csv"
    source.write_bytes(roster(500))
    out = tmp_path / "结果.xlsx"
    with watch() as opened:
        code = cli.main(["batch", str(source), "--kind", "workers", "--date", "2020-12-31", "--out", str(out)])
    assert code == 0
    assert out.exists()
    assert {Path(p).parent for p in opened} <= {tmp_path}, opened  # beside the output: the partial file, renamed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["名册.csv", "结果.xlsx"]


def test_a_planted_symlink_is_not_followed_and_a_signal_leaves_nothing(tmp_path):
    """``engine batch`` wrote to ``.OUT.partial``, following a symlink put there beforehand, and SIGTERM left the
    partial file (names and results) behind. The partial file is now created exclusively under a name of its
    own, and SIGTERM removes it."""
    import os  # noqa: PLC0415
    import signal  # noqa: PLC0415
    import subprocess  # noqa: PLC0415
    import time  # noqa: PLC0415

    target = tmp_path / "elsewhere.txt"
    target.write_text("kept")
    out = tmp_path / "结果.csv"
    (tmp_path / f".{out.name}.partial").symlink_to(target)
    source = tmp_path / "名册.csv"
    source.write_bytes(roster(200_000))
    root = Path(__file__).resolve().parents[2]
    process = subprocess.Popen([sys.executable, "-m", "engine", "batch", str(source), "--kind", "workers",
                                "--date", "2020-12-31", "--out", str(out)], cwd=root,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not any(p.name.endswith(".partial") and not p.is_symlink() for p in tmp_path.iterdir()):
        assert process.poll() is None, process.stderr.read().decode()
        assert time.monotonic() < deadline
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGTERM)
    assert process.wait(60) == 128 + signal.SIGTERM
    assert "Traceback" not in process.stderr.read().decode()
    assert target.read_text() == "kept"
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["elsewhere.txt", f".{out.name}.partial", "名册.csv"])
