"""Untrusted roster files are parsed in a child process, where a failure cannot reach the site (issue 27).

Every uploaded roster, and every file ``python -m engine batch`` reads, is read by :mod:`engine.roster.files` in a
process of its own, forked from a warm server that has the readers (pandas, Arrow, calamine) already imported
(``multiprocessing``'s forkserver: a few tens of milliseconds a file). The child works under hard limits:

- address space (:attr:`Bounds.memory`): a reader that asks for 512 GB gets an allocation error, not the
  machine's memory;
- CPU seconds (:attr:`Bounds.cpu_seconds`) and wall time (:attr:`Bounds.wall_seconds`): a file that makes a reader
  loop or crawl is stopped;
- no writes: files of any size are refused it (``RLIMIT_FSIZE`` 0), so nothing of a roster reaches the disk;
- its standard error goes nowhere, so a reader's panic text never reaches a log or a terminal.

The child hands the table back as Arrow IPC (data only: nothing the parent unpickles comes from the file), or the
file's :class:`RosterError`, as JSON. A crash, an abort, a limit or a timeout in the child becomes one clear
refusal in both languages (``This file could not be read: …``), and the site goes on serving. When the child
ends, its memory goes back to the system: a large upload leaves nothing held in the server.
"""

from __future__ import annotations

import io
import json
import multiprocessing
import multiprocessing.context
import os
import resource
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing import forkserver, popen_forkserver, reduction, spawn, util
from multiprocessing.context import set_spawning_popen
from typing import Any

from engine.roster.errors import RosterError
from i18n import N_

MB = 1024 * 1024


@dataclass(frozen=True)
class Bounds:
    """What a child may use; ``None``: no limit of its own."""

    memory: int | None  # bytes of address space (the readers' own code and libraries take about 400 MB of it)
    cpu_seconds: int | None
    wall_seconds: float | None


# An upload: 10 MB and 100,000 rows at most. The largest roster in XLSX (100,000 rows) took 3.6 s of CPU and 488 MB
# of address space; each hostile file of the security review meets a pre-check long before the limits (at most
# 0.03 s and 404 MB: tests/engine/test_hostile_uploads.py).
WEB = Bounds(memory=1024 * MB, cpu_seconds=12, wall_seconds=60)
# A county's or the region's whole registry: no time limit (millions of rows take minutes), memory for the
# largest XLSX sheet (1,048,576 rows, read whole) while a CSV or Parquet file goes a chunk at a time.
COMMAND_LINE = Bounds(memory=8 * 1024 * MB, cpu_seconds=None, wall_seconds=None)

# One refusal for every way a child can end without an answer: a crash, an abort, a limit or a timeout.
FAILED = N_("This file could not be read: it is damaged, or it holds far more than a roster. Check that this is "
            "the roster, save it again as CSV or XLSX, and upload it again.")

# The readers, imported (and run once on small files) in the fork server, so that each child starts warm.
PRELOAD = ["engine.roster.warm"]
_SLOTS = threading.BoundedSemaphore(max(2, os.cpu_count() or 2))  # children at once, per server process
_START = threading.Lock()
_context: Any = None


@dataclass
class Cost:
    """What the last child of this thread used (for tests and benchmarks: the parent's own CPU does not show it)."""

    cpu_seconds: float = 0.0
    peak_bytes: int = 0  # address space


_last = threading.local()


def last_cost() -> Cost:
    """The CPU time and peak memory of the child that last read a file for this thread."""
    return getattr(_last, "cost", Cost())


def forget_cost() -> None:
    """Clear :func:`last_cost` (a test that measures one file: a file refused before any child leaves it at 0)."""
    _last.cost = Cost()


def warm() -> None:
    """Start the fork server (it imports the readers: about a second), so that the first upload does not wait."""
    _fork_context()
    forkserver.ensure_running()


def _fork_context() -> Any:
    global _context  # noqa: PLW0603 - one fork server per process
    with _START:
        if _context is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(PRELOAD)
            _context = context
        return _context


class _Launch(popen_forkserver.Popen):
    """A child forked from the fork server that does not run the parent's main script again: multiprocessing
    re-imports ``__main__`` in every child (for ``streamlit run`` or a test runner, their whole start-up), which a
    reader needs nothing of."""

    def _launch(self, process_obj: Any) -> None:  # popen_forkserver.Popen._launch of Python 3.11, main left out
        prep_data = spawn.get_preparation_data(process_obj._name)
        prep_data.pop("init_main_from_name", None)
        prep_data.pop("init_main_from_path", None)
        buf = io.BytesIO()
        set_spawning_popen(self)
        try:
            reduction.dump(prep_data, buf)
            reduction.dump(process_obj, buf)
        finally:
            set_spawning_popen(None)
        self.sentinel, w = forkserver.connect_to_new_process(self._fds)
        parent_w = os.dup(w)  # the child's sentinel of its parent
        self.finalizer = util.Finalize(self, util.close_fds, (parent_w, self.sentinel))
        with open(w, "wb", closefd=True) as stream:
            stream.write(buf.getbuffer())
        self.pid = forkserver.read_signed(self.sentinel)


class _Child(multiprocessing.context.ForkServerProcess):
    @staticmethod
    def _Popen(process_obj: Any) -> Any:
        return _Launch(process_obj)


def read(job: Callable[..., Iterator[Any]], *args: Any, bounds: Bounds) -> Iterator[Any]:
    """The tables ``job(*args)`` yields (``job``: a function of :mod:`engine.roster.files`), computed in a child
    under ``bounds``; its RosterError raised here as it was raised there. Any other end of the child (a crash, a
    limit, a timeout) is a RosterError that says the file could not be read."""
    context = _fork_context()
    deadline = None if bounds.wall_seconds is None else time.monotonic() + bounds.wall_seconds
    if not _SLOTS.acquire(timeout=bounds.wall_seconds if bounds.wall_seconds is not None else -1):
        raise RosterError(FAILED)
    receiver, sender = context.Pipe(duplex=False)
    child = _Child(target=_child, args=(sender, job, args, bounds), daemon=True)
    try:
        child.start()
        sender.close()
        while True:
            if deadline is not None and not receiver.poll(max(0.0, deadline - time.monotonic())):
                raise RosterError(FAILED)
            try:
                message = receiver.recv_bytes()
            except (EOFError, OSError):
                raise RosterError(FAILED) from None
            kind, payload = message[:1], message[1:]
            if kind == b"T":
                yield _unpack(payload)
            elif kind == b"D":
                _last.cost = Cost(**json.loads(payload))
                return
            elif kind == b"E":
                found = json.loads(payload)
                _last.cost = Cost(**found.pop("cost"))
                message_id = found["message"] if found["plural"] is None else (found["message"], found["plural"])
                raise RosterError(message_id, **found["params"])
            else:
                raise RosterError(FAILED)
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        if child.pid is not None:
            child.join(5)
        _SLOTS.release()


# ---------------------------------------------------------------------------------------------
# The child
# ---------------------------------------------------------------------------------------------

def _child(sender: Any, job: Callable[..., Iterator[Any]], args: tuple[Any, ...], bounds: Bounds) -> None:
    """Read under ``bounds`` and send each table, then ``D`` and the cost; the file's RosterError as ``E``; running
    anything else (running out of memory included) as ``X``, with no traceback: standard error goes nowhere."""
    _limit(bounds)
    try:
        for table in job(*args):
            sender.send_bytes(b"T" + _pack(table))
        sender.send_bytes(b"D" + json.dumps(_cost()).encode())
    except RosterError as error:
        sender.send_bytes(b"E" + json.dumps({"message": error.message, "plural": error.plural,
                                              "params": error.params, "cost": _cost()}, default=str).encode())
    except BaseException:
        sender.send_bytes(b"X")
    finally:
        sender.close()


def _limit(bounds: Bounds) -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write fails (EFBIG) rather than ending the child unexplained
    _lower(resource.RLIMIT_FSIZE, 0)
    _lower(resource.RLIMIT_CORE, 0)
    if bounds.memory is not None:
        _lower(resource.RLIMIT_AS, bounds.memory)
    if bounds.cpu_seconds is not None:
        _lower(resource.RLIMIT_CPU, bounds.cpu_seconds)


def _lower(limit: int, value: int) -> None:
    """Set ``limit`` to ``value``, or keep it where the process was already held lower (a limit only goes down)."""
    _soft, hard = resource.getrlimit(limit)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(limit, (value, value))


def _cost() -> dict[str, float]:
    """The child's CPU time and its peak address space (what :attr:`Bounds.memory` limits)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak = 0
    with open("/proc/self/status", "rb") as status:
        for line in status:
            if line.startswith(b"VmPeak:"):
                peak = int(line.split()[1]) * 1024
    return {"cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_bytes": peak}


# ---------------------------------------------------------------------------------------------
# Tables through Arrow IPC: text cells, the headers as they are (duplicates too) and each row's number
# ---------------------------------------------------------------------------------------------

ROW = "row"  # the column that carries the frame's index (each row's number in the file)


def _pack(frame: Any) -> bytes:
    import pyarrow as pa  # noqa: PLC0415

    columns = [pa.array(frame.index.to_numpy(dtype="int64"))]
    kinds = []
    for position in range(frame.shape[1]):
        values = frame.iloc[:, position]
        if values.dtype == object:
            kinds.append("object")
            columns.append(pa.array(values.to_numpy(), type=pa.string(), from_pandas=True))
        else:  # text kept by Arrow already (pandas' str): handed over without a Python object a cell
            kinds.append("str")
            columns.append(pa.array(values, type=pa.string(), from_pandas=True))
    names = [ROW, *(str(i) for i in range(frame.shape[1]))]
    metadata = {b"headers": json.dumps([str(h) for h in frame.columns]).encode(), b"kinds": json.dumps(kinds).encode()}
    table = pa.Table.from_arrays(columns, names=names).replace_schema_metadata(metadata)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def _unpack(payload: bytes) -> Any:
    import numpy as np  # noqa: PLC0415
    import pandas as pd  # noqa: PLC0415
    import pyarrow as pa  # noqa: PLC0415

    table = pa.ipc.open_stream(payload).read_all()
    headers = json.loads(table.schema.metadata[b"headers"])
    kinds = json.loads(table.schema.metadata[b"kinds"])
    text = pd.StringDtype("pyarrow", na_value=np.nan)
    data = {}
    for position, kind in enumerate(kinds):
        column = table.column(position + 1)
        data[position] = (pd.Series(column.to_pylist(), dtype=object) if kind == "object"
                          else pd.Series(column.to_pandas(types_mapper=lambda _: text).array, dtype=text))
    frame = pd.DataFrame(data)
    frame.columns = headers
    frame.index = pd.Index(table.column(0).to_numpy(), dtype="int64")
    return frame
