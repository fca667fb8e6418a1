"""A local demo of the scale-out layout: N Streamlit processes behind nginx, all on loopback.

    .venv/bin/python deploy/run_local.py                  # 3 processes on 8741-8743, nginx on https://127.0.0.1:8740
    .venv/bin/python deploy/run_local.py -n 4 --port 8750  # 4 processes on 8751-8754, nginx on 8750
    .venv/bin/python deploy/run_local.py --http-port 8739  # also plain http on 8739, redirecting to https
    .venv/bin/python deploy/run_local.py --print-config    # the nginx site configuration it would use

Ctrl-C stops everything it started. nginx runs as the current user with a temporary prefix (logs, and a
throwaway self-signed certificate made with `openssl`, under it: the path is printed), so no system nginx
configuration is touched. The browser warns about the certificate once: accept it for this local run.
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from deploy.cluster import healthy, site_config, start_nginx, start_streamlit, stop, wait_healthy


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--processes", type=int, default=3, help="Streamlit processes (default 3)")
    parser.add_argument("--port", type=int, default=8740, help="nginx port; the processes use the next N ports")
    parser.add_argument("--http-port", type=int, help="also serve plain http on this port (redirects to https)")
    parser.add_argument("--print-config", action="store_true", help="print the nginx site configuration and exit")
    args = parser.parse_args(argv)
    backends = [f"127.0.0.1:{args.port + i}" for i in range(1, args.processes + 1)]
    if args.print_config:
        http = None if args.http_port is None else f"127.0.0.1:{args.http_port}"
        print(site_config(f"127.0.0.1:{args.port}", backends, http_listen=http))
        return 0

    prefix = Path(tempfile.mkdtemp(prefix="zizhutong-nginx-"))
    processes = []
    try:
        for backend in backends:
            port = int(backend.rsplit(":", 1)[1])
            processes.append((backend, start_streamlit("serve.py", port, prefix / f"streamlit-{port}.log")))
        for backend, process in processes:
            wait_healthy(f"http://{backend}", process, prefix / f"streamlit-{backend.rsplit(':', 1)[1]}.log")
            print(f"streamlit pid {process.pid} on http://{backend}")
        http = None if args.http_port is None else f"127.0.0.1:{args.http_port}"
        nginx = start_nginx(prefix, f"127.0.0.1:{args.port}", backends, http_listen=http)
        processes.append(("nginx", nginx))
        time.sleep(0.5)
        if nginx.poll() is not None:
            print((prefix / "error.log").read_text(errors="replace"), file=sys.stderr)
            return 1
        print(f"nginx pid {nginx.pid}: open https://127.0.0.1:{args.port}  (logs in {prefix})")
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        down: set[str] = set()
        while True:  # report processes that stop answering; nginx routes around them
            time.sleep(5)
            for backend, process in processes[:-1]:
                ok = process.poll() is None and healthy(f"http://{backend}")
                if not ok and backend not in down:
                    print(f"{backend} is not answering; new sessions go to the others", file=sys.stderr)
                    down.add(backend)
                elif ok:
                    down.discard(backend)
    except KeyboardInterrupt:
        return 0
    finally:
        for _name, process in reversed(processes):
            stop(process)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
