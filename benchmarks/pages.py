"""Page benchmark: server time and request rate of the main staff and public pages.

What it measures, on the synthetic data of `manage.py load_scale`, served by a real
multi-process server (gunicorn, sync workers) on a free localhost port:

- the median and 95th percentile SERVER time of the dashboard, the initiative list, an
  initiative's staff page and a public initiative page, signed in as the benchmark user
  (bench@scale.demo) where the page needs it. Server time is the time gunicorn itself logs for
  each request (access log field %(D)s: from the parsed request to the last byte written), so
  the client's own overhead is left out. Requests are sent one at a time, so no request waits
  for another; the client-side round trip is reported next to it;
- the request rate of the initiative page as a RATIO to the rate of the trivial view /ping/,
  both measured on the same server in the same run with the same number of concurrent client
  processes. The ratio cancels out the speed of the machine: it says how much of the server's
  capacity the page's own work costs.

Next to the wall-clock times it reports the server's CPU time per request (gunicorn and its
workers, read from /proc): on a machine shared with other work the wall-clock figures grow with
the load, the CPU figures hardly do, so compare those between runs. PostgreSQL's own work
runs in its server processes and is not in this figure; SQLite's runs inside the workers and
is. The number of SQL queries per page is counted once in a separate Django process.

Targets: p95 server time < 150 ms for every page, and ratio >= 0.30. The exit status is 1 when
a target is missed.

Databases: SQLite in its own file (var/bench.sqlite3, or var/bench-quick.sqlite3 with --quick)
and PostgreSQL (postgres://postgres@127.0.0.1:5432/constellate_bench, created if missing; set
BENCH_POSTGRES_URL to use another server). Each is migrated and filled with load_scale once and
reused by later runs. Results go to benchmarks/results/pages-<backend>[-quick].json.

    .venv/bin/python benchmarks/pages.py                     # SQLite, full data set
    .venv/bin/python benchmarks/pages.py --backend both
    .venv/bin/python benchmarks/pages.py --backend postgres --quick

The machine's load average is recorded with the results: other processes competing for the
CPU slow every page down alike, so compare the ratio rather than absolute times between runs.
"""

import argparse
import contextlib
import http.client
import json
import math
import multiprocessing
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
PYTHON = sys.executable
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/constellate_bench"
)
TARGET_P95_MS = 150.0
TARGET_RATIO = 0.30

SIZES = {
    "full": {"organisations": 200, "initiatives": 5000, "activities": 50000},
    "quick": {"organisations": 20, "initiatives": 500, "activities": 5000},
}
# Requests per page for the timing, and per round for the rate.
COUNTS = {
    "full": {"warmup": 30, "timed": 200, "rate_ping": 600, "rate_page": 240, "rounds": 3},
    "quick": {"warmup": 15, "timed": 60, "rate_ping": 200, "rate_page": 80, "rounds": 2},
}

# Counts queries per page inside one Django process (run through `manage.py shell`), to show
# whether the query count stays independent of the data size.
QUERY_COUNT_SCRIPT = """
import json
from django.db import connection
from django.test import Client
from constellate.accounts.models import User
staff, anon = Client(), Client()
staff.force_login(User.objects.get(email=EMAIL))
counts = {}
seen = []
def count(execute, sql, params, many, context):
    seen.append(sql)
    return execute(sql, params, many, context)
for name, (who, path) in PAGES.items():
    client = staff if who == "staff" else anon
    client.get(path)
    seen.clear()
    with connection.execute_wrapper(count):
        status = client.get(path).status_code
    counts[name] = {"queries": len(seen), "status": status}
print("QUERYCOUNTS" + json.dumps(counts))
"""


# Small helpers ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile: the smallest value with at least pct % of values at or below."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def request(port: int, path: str, cookie: str = "", method: str = "GET", body: str = ""):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Host": f"127.0.0.1:{port}", "Accept-Language": "nl"}
    if cookie:
        headers["Cookie"] = cookie
    if body:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        conn.request(method, path, body=body or None, headers=headers)
        response = conn.getresponse()
        data = response.read()
        return response.status, response.getheaders(), data
    finally:
        conn.close()


def run(args: list[str], env: dict[str, str], capture: bool = False) -> str:
    result = subprocess.run(args, cwd=ROOT, env=env, check=True, text=True, capture_output=capture)
    return result.stdout if capture else ""


def manage(env: dict[str, str], *args: str, capture: bool = False) -> str:
    return run([PYTHON, "manage.py", *args], env, capture=capture)


def git_commit() -> str:
    try:
        sha = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
        return sha + ("+uncommitted" if dirty else "")
    except OSError:
        return "unknown"


# Databases ----------------------------------------------------------------------------------


def ensure_postgres_database(url: str) -> None:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = parts._replace(path="/postgres").geturl()
    try:
        import psycopg  # noqa: PLC0415 - optional, only needed for PostgreSQL

        with psycopg.connect(admin_url, autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{name}"')
                print(f"Created PostgreSQL database {name}.")
    except ImportError:
        psql = shutil.which("psql") or "psql"
        out = subprocess.run(
            [psql, admin_url, "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if out != "1":
            subprocess.run([psql, admin_url, "-c", f'CREATE DATABASE "{name}"'], check=True)


def prepare_database(backend: str, size: str) -> tuple[dict[str, str], str]:
    suffix = "" if size == "full" else "-quick"
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "constellate.settings",
            "DEBUG": "0",
            "LOG_LEVEL": "WARNING",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
    )
    if backend == "sqlite":
        (ROOT / "var").mkdir(exist_ok=True)
        url = f"sqlite:///{ROOT / 'var' / f'bench{suffix}.sqlite3'}"
    else:
        url = POSTGRES_URL + ("_quick" if suffix else "")
        try:
            ensure_postgres_database(url)
        except Exception as exc:  # any driver or psql error: say what to check
            raise SystemExit(
                f"Cannot reach or create the PostgreSQL database {url}: {exc}\n"
                "Start PostgreSQL or set BENCH_POSTGRES_URL."
            ) from exc
    env["DATABASE_URL"] = url
    print(f"[{backend}] database {url}: migrating")
    manage(env, "migrate", "--noinput", "-v", "0")
    wanted = SIZES[size]
    try:
        info = json.loads(manage(env, "load_scale", "--info", capture=True))
        have = info["counts"]
        stale = any(have[k] != wanted[k] for k in wanted)
    except subprocess.CalledProcessError:
        have, stale = None, True
    if have is None or stale:
        print(f"[{backend}] building scale data {wanted} (was {have})")
        flags = ["--reset"] if have else []
        manage(env, "load_scale", *flags, *(f"--{k}={v}" for k, v in wanted.items()))
    else:
        print(f"[{backend}] reusing scale data {have}")
    return env, url


# The server ---------------------------------------------------------------------------------


class Server:
    """gunicorn with sync workers; its access log gives each request's server time."""

    def __init__(self, env: dict[str, str], workers: int):
        self.port = free_port()
        self.workers = workers
        self.log_path = Path(tempfile.mkstemp(prefix="bench-access-", suffix=".log")[1])
        gunicorn = str(Path(PYTHON).with_name("gunicorn"))
        if not Path(gunicorn).exists():
            gunicorn = shutil.which("gunicorn") or "gunicorn"
        self.process = subprocess.Popen(
            [
                gunicorn,
                "constellate.wsgi",
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--access-logfile",
                str(self.log_path),
                "--access-logformat",
                "%(m)s %(U)s %(s)s %(D)s",
                "--log-level",
                "warning",
                "--timeout",
                "120",
            ],
            cwd=ROOT,
            env=env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if request(self.port, "/ping/")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("The benchmark server did not start.")

    def cpu_seconds(self) -> float | None:
        """CPU time (user + system) used so far by gunicorn and its workers, from /proc.

        Unlike the wall-clock server time, this does not grow when other processes compete
        for the CPU, so it compares runs on a busy machine fairly."""
        try:
            pids = [self.process.pid]
            for entry in os.listdir("/proc"):
                if entry.isdigit():
                    with contextlib.suppress(OSError):
                        if _proc_stat(int(entry))[1] == str(self.process.pid):
                            pids.append(int(entry))
            ticks = 0
            for pid in pids:
                with contextlib.suppress(OSError):
                    fields = _proc_stat(pid)
                    ticks += int(fields[11]) + int(fields[12])
            return ticks / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, AttributeError):
            return None

    def log_offset(self) -> int:
        return self.log_path.stat().st_size

    def server_times(self, offset: int, path: str, expected: int) -> list[float]:
        """Server times (ms) of the requests for `path` logged after `offset`."""
        pattern = re.compile(r"^GET (\S+) (\d{3}) (\d+)$")
        deadline = time.monotonic() + 10
        while True:
            with self.log_path.open() as log:
                log.seek(offset)
                times = [
                    int(m.group(3)) / 1000
                    for line in log
                    if (m := pattern.match(line.strip())) and m.group(1) == path
                ]
            if len(times) >= expected or time.monotonic() > deadline:
                # gunicorn logs a request after answering it, so the last warm-up request can
                # land after the offset: keep the newest `expected` entries.
                return times[-expected:]
            time.sleep(0.1)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log_path.unlink(missing_ok=True)


def _proc_stat(pid: int) -> list[str]:
    """Fields of /proc/<pid>/stat after the command name: state, ppid, ..., utime at 11."""
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().rsplit(")", 1)[1].split()


def login(port: int, email: str, password: str) -> str:
    """Sign in through the real login form; returns the Cookie header for later requests."""
    status, headers, body = request(port, "/accounts/login/")
    cookies = parse_cookies(headers)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    if status != 200 or not token or "csrftoken" not in cookies:
        raise RuntimeError("Could not read the login form.")
    form = urlencode(
        {"username": email, "password": password, "csrfmiddlewaretoken": token.group(1).decode()}
    )
    status, headers, _body = request(
        port, "/accounts/login/", cookie=cookie_header(cookies), method="POST", body=form
    )
    cookies.update(parse_cookies(headers))
    if status != 302 or "sessionid" not in cookies:
        raise RuntimeError(f"Signing in as {email} failed (HTTP {status}).")
    return cookie_header(cookies)


def parse_cookies(headers) -> dict[str, str]:
    cookies = {}
    for name, value in headers:
        if name.lower() == "set-cookie":
            pair = value.split(";", 1)[0]
            key, _, val = pair.partition("=")
            cookies[key.strip()] = val.strip()
    return cookies


def cookie_header(cookies: dict[str, str]) -> str:
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def _hammer(job: tuple[int, str, str, int]) -> int:
    """One client process: `n` requests one after another; returns the number of 200s."""
    port, path, cookie, n = job
    ok = 0
    for _ in range(n):
        if request(port, path, cookie)[0] == 200:
            ok += 1
    return ok


def rate(pool, clients: int, port: int, path: str, cookie: str, total: int) -> float:
    per_client = max(1, total // clients)
    started = time.perf_counter()
    ok = sum(pool.map(_hammer, [(port, path, cookie, per_client)] * clients))
    elapsed = time.perf_counter() - started
    if ok != per_client * clients:
        raise RuntimeError(f"{path}: {per_client * clients - ok} requests did not return 200.")
    return ok / elapsed


# One backend --------------------------------------------------------------------------------


def bench_backend(backend: str, size: str, workers: int, clients: int) -> dict:
    env, url = prepare_database(backend, size)
    info = json.loads(manage(env, "load_scale", "--info", capture=True))
    staff, public = info["staff_initiative"], info["public_initiative"]
    pages = {
        "dashboard": ("staff", "/dashboard/"),
        "initiative list": ("staff", "/initiatives/"),
        "initiative (staff)": ("staff", f"/initiatives/{staff['id']}/"),
        "initiative (public)": ("anonymous", f"/p/{public['id']}/{public['slug']}/"),
        "ping (reference)": ("anonymous", "/ping/"),
    }
    queries = count_queries(env, info["email"], pages)
    counts = COUNTS[size]
    load_before = os.getloadavg()
    server = Server(env, workers)
    print(f"[{backend}] gunicorn with {workers} workers on port {server.port}")
    results: dict[str, dict] = {}
    try:
        cookie = login(server.port, info["email"], info["password"])
        for name, (who, path) in pages.items():
            jar = cookie if who == "staff" else ""
            for _ in range(counts["warmup"]):
                status = request(server.port, path, jar)[0]
                if status != 200:
                    raise RuntimeError(f"{name}: {path} returned HTTP {status}.")
            offset = server.log_offset()
            cpu_before = server.cpu_seconds()
            client_ms = []
            for _ in range(counts["timed"]):
                started = time.perf_counter()
                status, _headers, body = request(server.port, path, jar)
                client_ms.append((time.perf_counter() - started) * 1000)
                if status != 200:
                    raise RuntimeError(f"{name}: {path} returned HTTP {status}.")
            server_ms = server.server_times(offset, path, counts["timed"])
            cpu_after = server.cpu_seconds()
            cpu_ms = (
                round((cpu_after - cpu_before) * 1000 / counts["timed"], 2)
                if cpu_before is not None and cpu_after is not None
                else None
            )
            results[name] = {
                "path": path,
                "as": who,
                "requests": len(server_ms),
                "bytes": len(body),
                "server_ms": {
                    "median": round(statistics.median(server_ms), 1),
                    "p95": round(percentile(server_ms, 95), 1),
                    "max": round(max(server_ms), 1),
                },
                "client_ms": {
                    "median": round(statistics.median(client_ms), 1),
                    "p95": round(percentile(client_ms, 95), 1),
                },
                "server_cpu_ms_per_request": cpu_ms,
                "queries": queries.get(name, {}).get("queries"),
                "target_p95_ms": TARGET_P95_MS,
                "meets_target": percentile(server_ms, 95) < TARGET_P95_MS,
            }
            if path == "/ping/":
                results[name]["target_p95_ms"] = None  # the yardstick, not a page
            print(
                f"[{backend}] {name:20} median {results[name]['server_ms']['median']:6.1f} ms"
                f"  p95 {results[name]['server_ms']['p95']:6.1f} ms"
            )

        # Request rate of the initiative pages against /ping/: alternating rounds, same clients.
        rated = {
            "initiative (staff)": (pages["initiative (staff)"][1], cookie),
            "initiative (public)": (pages["initiative (public)"][1], ""),
        }
        ping_rates: list[float] = []
        page_rates: dict[str, list[float]] = {name: [] for name in rated}
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(clients) as pool:
            rate(pool, clients, server.port, "/ping/", "", clients * 10)  # warm the clients
            for _ in range(counts["rounds"]):
                ping_rates.append(
                    rate(pool, clients, server.port, "/ping/", "", counts["rate_ping"])
                )
                for name, (path, jar) in rated.items():
                    page_rates[name].append(
                        rate(pool, clients, server.port, path, jar, counts["rate_page"])
                    )
        ping_rate = statistics.median(ping_rates)
        ping_cpu = results["ping (reference)"]["server_cpu_ms_per_request"]
        rates = {}
        for name, values in page_rates.items():
            ratio = statistics.median(values) / ping_rate
            page_cpu = results[name]["server_cpu_ms_per_request"]
            rates[name] = {
                "per_s": round(statistics.median(values), 1),
                "rounds": [round(r, 1) for r in values],
                "ratio_to_ping": round(ratio, 3),
                # What the ratio would be if only the server's own CPU counted (no client, no
                # other load): ping's CPU per request divided by the page's.
                "server_cpu_ratio": round(ping_cpu / page_cpu, 3)
                if ping_cpu and page_cpu
                else None,
                "target_ratio": TARGET_RATIO,
                "meets_target": ratio >= TARGET_RATIO,
            }
            print(
                f"[{backend}] rate {name}: {statistics.median(values):.0f}/s against /ping/ "
                f"{ping_rate:.0f}/s, ratio {ratio:.2f}"
            )
    finally:
        server.stop()
    return {
        "benchmark": "pages",
        "backend": backend,
        "database_url": url.split("@")[-1],
        "data_set": size,
        "data": info["counts"],
        "staff_initiative_activities": staff["activities"],
        "public_initiative_activities": public["activities"],
        "server": f"gunicorn, {workers} sync workers, DEBUG off",
        "rate_clients": clients,
        "pages": results,
        "rate": {
            "ping_per_s": round(ping_rate, 1),
            "ping_rounds": [round(r, 1) for r in ping_rates],
            "pages": rates,
        },
        "targets": {"p95_ms_below": TARGET_P95_MS, "ratio_at_least": TARGET_RATIO},
        "all_targets_met": all(r["meets_target"] for r in rates.values())
        and all(p["meets_target"] for p in results.values() if p["target_p95_ms"]),
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "commit": git_commit(),
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def count_queries(env: dict[str, str], email: str, pages: dict) -> dict:
    script = f"PAGES = {pages!r}\nEMAIL = {email!r}\n" + QUERY_COUNT_SCRIPT
    try:
        out = subprocess.run(
            [PYTHON, "manage.py", "shell", "-v", "0"],
            cwd=ROOT,
            env=env,
            input=script,
            text=True,
            capture_output=True,
            check=True,
        ).stdout
        line = next(x for x in out.splitlines() if x.startswith("QUERYCOUNTS"))
        return json.loads(line.removeprefix("QUERYCOUNTS"))
    except (subprocess.CalledProcessError, StopIteration) as exc:
        print(f"Could not count queries: {exc}")
        return {}


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} ms"


def print_table(results: list[dict]) -> None:
    header = (
        f"{'backend':9} {'page':20} {'server median':>13} {'server p95':>10} "
        f"{'client p95':>10} {'CPU/request':>11} {'queries':>7}  target p95 < {TARGET_P95_MS:.0f} ms"
    )
    print()
    print(header)
    print("-" * len(header))
    for result in results:
        for name, page in result["pages"].items():
            print(
                f"{result['backend']:9} {name:20} {page['server_ms']['median']:10.1f} ms "
                f"{page['server_ms']['p95']:7.1f} ms {page['client_ms']['p95']:7.1f} ms "
                f"{_ms(page['server_cpu_ms_per_request']):>11} "
                f"{page['queries'] if page['queries'] is not None else '-':>7}  "
                f"{'-' if page['target_p95_ms'] is None else 'ok' if page['meets_target'] else 'MISSED'}"
            )
        ping = result["rate"]["ping_per_s"]
        for name, r in result["rate"]["pages"].items():
            print(
                f"{result['backend']:9} {'rate ' + name:30} {r['per_s']:6.1f}/s / ping {ping:6.1f}/s"
                f" = {r['ratio_to_ping']:.2f}  target >= {TARGET_RATIO:.2f}: "
                f"{'ok' if r['meets_target'] else 'MISSED'}"
                f"  (server CPU ratio {r['server_cpu_ratio']})"
            )
        print("-" * len(header))
    print(
        f"Data: {results[0]['data']}; load average during the run: "
        + ", ".join(f"{r['backend']} {r['machine']['load_average_after'][0]}" for r in results)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="sqlite")
    parser.add_argument("--quick", action="store_true", help="a smaller data set, fewer requests")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument(
        "--clients", type=int, default=0, help="concurrent client processes (default 2 x workers)"
    )
    args = parser.parse_args()
    size = "quick" if args.quick else "full"
    clients = args.clients or 2 * args.workers
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    RESULTS.mkdir(parents=True, exist_ok=True)
    results = []
    for backend in backends:
        result = bench_backend(backend, size, args.workers, clients)
        name = f"pages-{backend}{'' if size == 'full' else '-quick'}.json"
        (RESULTS / name).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
        print(f"[{backend}] wrote {RESULTS / name}")
        results.append(result)
    print_table(results)
    return 0 if all(r["all_targets_met"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
