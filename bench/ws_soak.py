"""Memory over a long run of reruns (issue 18): does one Streamlit process stay bounded without postScriptGC?

Not a test (the numbers depend on the machine; ``tests/bench/test_ws_soak.py`` runs a short one with bounds).
Run from the project root:

    .venv/bin/python bench/ws_soak.py                           # residents' page, 10 min, the site's settings
    .venv/bin/python bench/ws_soak.py --post-script-gc on off   # the same with postScriptGC on, then off
    .venv/bin/python bench/ws_soak.py --apps resident employer --sessions 50 --duration 900 --post-script-gc off

N sessions (``--sessions``) speak Streamlit's WebSocket protocol as in ``bench/ws_load.py`` (the same pages, the
same way of typing a number). Unlike the load sweep, the crowd changes: after ``--churn`` answers a session
closes its tab and a new visitor opens the page in its place, so sessions are created and left behind all the
time (Streamlit keeps a closed tab's session for ``server.disconnectedSessionTTL``, 120 s, then drops it). Every
``--sample`` seconds the server's RSS (``/proc/PID/status``) is written with the reruns so far.

Printed per app and postScriptGC setting: the samples, then RSS after the first quarter of the run (sessions
have been dropped by then and the page's caches are warm) and at the end, and the growth over the second half,
in MB and in KB per thousand reruns.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.ws_load import APPS, App, Session, gc_label, quantile, start_server, think_pause, warm  # noqa: E402
from deploy.cluster import rss_mb, stop  # noqa: E402


@dataclass(frozen=True)
class Sample:
    """The server at one moment of the soak."""

    seconds: float
    reruns: int
    opened: int  # sessions opened so far
    rss_mb: float


@dataclass
class Soak:
    """What one app gave over one soak."""

    app: str
    gc: str
    sessions: int
    samples: list[Sample] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    opened: int = 0

    def rss_at(self, fraction: float) -> Sample:
        """The first sample taken at or after ``fraction`` of the run (0 ≤ fraction ≤ 1)."""
        end = self.samples[-1].seconds
        return next(s for s in self.samples if s.seconds >= fraction * end)

    def growth_mb(self, since: float) -> float:
        """RSS at the end minus RSS at ``since`` (a fraction of the run)."""
        return self.samples[-1].rss_mb - self.rss_at(since).rss_mb

    def growth_kb_per_1000(self, since: float) -> float:
        """The growth since ``since``, per thousand reruns made since then."""
        start = self.rss_at(since)
        reruns = self.samples[-1].reruns - start.reruns
        return 1024 * self.growth_mb(since) * 1000 / reruns if reruns else 0.0


async def soak(base_url: str, pid: int, app: App, sessions: int, *, duration: float, think: float, jitter: float,
               timeout: float, churn: int, sample_every: float, gc: str, reruns: int | None = None,
               seed: int = 18) -> Soak:
    """``sessions`` tabs answer every ``think`` ± ``jitter`` s for ``duration`` s (or until ``reruns`` reruns are
    done, if sooner); each tab is closed after ``churn`` answers and a new one opened; RSS is sampled every
    ``sample_every`` s and at the end."""
    result = Soak(app.name, gc, sessions)
    started = time.monotonic()
    until = started + duration

    def going() -> bool:
        return time.monotonic() < until and (reruns is None or len(result.latencies) < reruns)

    def sample() -> None:
        result.samples.append(Sample(time.monotonic() - started, len(result.latencies), result.opened, rss_mb(pid)))

    async def visitor(index: int) -> None:
        rng = random.Random(seed * 1000 + index)
        await asyncio.sleep(rng.uniform(0, think))
        while going():
            tab = Session(base_url, app, rng, timeout)
            result.opened += 1
            try:
                await tab.open()
                for _ in range(churn):
                    result.latencies.append(await tab.change_number())
                    pause = think_pause(rng, think, jitter)
                    if time.monotonic() + pause >= until or not going():
                        return
                    await asyncio.sleep(pause)
            except Exception as error:  # counted; the visitor opens a new tab
                result.errors.append(repr(error))
            finally:
                await tab.close()

    async def sampler() -> None:
        while going():
            sample()
            await asyncio.sleep(sample_every)

    sampling = asyncio.create_task(sampler())
    await asyncio.gather(*(visitor(i) for i in range(sessions)))
    sampling.cancel()
    sample()
    return result


def run(app_names: list[str], sessions: int, duration: float, *, post_script_gc: bool | None, think: float = 1.0,
        jitter: float = 0.5, timeout: float = 30.0, churn: int = 20, sample_every: float = 10.0,
        reruns: int | None = None, flags: tuple[str, ...] = (), log_dir: Path | None = None,
        echo: bool = True) -> list[Soak]:
    """Every app on its own fresh server (warmed as in ``bench/ws_load.py``), one soak each.

    ``post_script_gc`` None: as ``.streamlit/config.toml`` sets it; ``flags``: more ``streamlit run`` options."""
    log_dir = log_dir or Path(tempfile.mkdtemp(prefix="ws_soak_"))
    gc = gc_label(post_script_gc)
    results = []
    for name in app_names:
        app = APPS[name]
        url, process = start_server(app, post_script_gc, log_dir / f"{name}-gc-{gc}.log", flags=flags)
        try:
            asyncio.run(warm(url, app, timeout))
            result = asyncio.run(soak(url, process.pid, app, sessions, duration=duration, think=think, jitter=jitter,
                                      timeout=timeout, churn=churn, sample_every=sample_every, gc=gc,
                                      reruns=reruns))
        finally:
            stop(process)
        results.append(result)
        if echo:
            report(result)
    return results


def report(result: Soak) -> None:
    print(f"\n{result.app}, postScriptGC {result.gc}, {result.sessions} sessions at a time, {result.opened} opened, "
          f"{len(result.latencies)} reruns, {len(result.errors)} errors")
    for error in sorted(set(result.errors))[:5]:
        print(f"    {error}")
    print("    s | reruns | opened | RSS MB")
    for s in result.samples:
        print(f"{s.seconds:5.0f} | {s.reruns:6d} | {s.opened:6d} | {s.rss_mb:6.1f}")
    if result.latencies:
        print(f"rerun p50 {quantile(result.latencies, 0.5) * 1000:.0f} ms, "
              f"p95 {quantile(result.latencies, 0.95) * 1000:.0f} ms")
    print(f"RSS at 1/4 {result.rss_at(0.25).rss_mb:.1f} MB, at 1/2 {result.rss_at(0.5).rss_mb:.1f} MB, "
          f"at the end {result.samples[-1].rss_mb:.1f} MB, peak {max(s.rss_mb for s in result.samples):.1f} MB; "
          f"second half {result.growth_mb(0.5):+.1f} MB ({result.growth_kb_per_1000(0.5):+.0f} KB per 1,000 reruns)",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--apps", nargs="+", choices=sorted(APPS), default=["resident"])
    parser.add_argument("--sessions", type=int, default=50, help="tabs open at a time")
    parser.add_argument("--duration", type=float, default=600.0, help="seconds of soak per app and setting")
    parser.add_argument("--think", type=float, default=1.0, help="seconds between a tab's answers")
    parser.add_argument("--jitter", type=float, default=0.5, help="± seconds around the think time")
    parser.add_argument("--churn", type=int, default=20, help="answers before a tab is closed and a new one opened")
    parser.add_argument("--sample", type=float, default=10.0, help="seconds between RSS samples")
    parser.add_argument("--post-script-gc", nargs="+", choices=["on", "off", "site"], default=["site"],
                        help="soak once per setting; site: as .streamlit/config.toml sets runner.postScriptGC")
    args = parser.parse_args()
    for setting in args.post_script_gc:
        run(args.apps, args.sessions, args.duration, post_script_gc={"on": True, "off": False}.get(setting),
            think=args.think,
            jitter=args.jitter, churn=args.churn, sample_every=args.sample)


if __name__ == "__main__":
    main()
