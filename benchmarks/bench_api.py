"""Load on the HTTP API: concurrent clients posting a resume and 3 postings to ``/v1/analyze``.

Starts ``skillgap serve`` on a free localhost port with 2 workers, runs N clients back to back
(each posts again as soon as it has its answer, or after a random pause of mean ``--think``
seconds) for ``--duration`` seconds, and prints the error count, latency percentiles, throughput
and the server's memory (RSS of uvicorn and its workers) over the first and the last 10 s.
Target (issue 15): no errors, p95 < 250 ms, memory flat.

Usage: python benchmarks/bench_api.py [--clients 50] [--duration 30] [--workers 2] [--think 0]
       python benchmarks/bench_api.py --quick   # 10 s
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import aiohttp
import httpx2
import orjson
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_analyze import POSTINGS, RESUME

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("SKILLGAP_API_KEY_HASH", None)
    command = [sys.executable, "-m", "skillgap", "serve", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    end = time.monotonic() + 180
    while time.monotonic() < end:
        try:
            if httpx2.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                # every worker has finished its start-up only when both answer: warm them all
                for _ in range(4 * workers):
                    post_once(port)
                return process
        except httpx2.TransportError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit("the server did not start within 180 s")


def post_once(port: int) -> None:
    httpx2.post(f"http://127.0.0.1:{port}/v1/analyze", json=BODY, timeout=120).raise_for_status()


BODY = {
    "resume": {"text": RESUME, "name": "cv.txt"},
    "jobs": [{"text": text, "name": f"ad{i}.txt"} for i, text in enumerate(POSTINGS[:3], 1)],
    "hours_per_week": 10,
}
BODY_BYTES = orjson.dumps(BODY)
JSON_HEADERS = {"Content-Type": "application/json"}


def tree_rss(process: psutil.Process) -> int:
    """RSS in bytes of the server and its worker processes."""
    total = 0
    for proc in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += proc.memory_info().rss
    return total


def tree_cpu(process: psutil.Process) -> float:
    """CPU seconds (user + system) used so far by the server and its worker processes."""
    total = 0.0
    for proc in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.NoSuchProcess):
            times = proc.cpu_times()
            total += times.user + times.system + times.children_user + times.children_system
    return total


def own_cpu() -> float:
    """CPU seconds used so far by this benchmark process (the load client)."""
    times = os.times()
    return times.user + times.system


class MemorySampler(threading.Thread):
    """Samples the server's RSS every 0.5 s as (seconds since start, bytes)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.process = psutil.Process(pid)
        self.samples: list[tuple[float, int]] = []
        self.stop = threading.Event()

    def run(self) -> None:
        start = time.monotonic()
        while not self.stop.wait(0.5):
            self.samples.append((time.monotonic() - start, tree_rss(self.process)))


async def client_loop(
    session: aiohttp.ClientSession,
    url: str,
    end: float,
    think: float,
    results: list[tuple[float, str]],
) -> None:
    while time.monotonic() < end:
        start = time.perf_counter()
        try:
            async with session.post(url, data=BODY_BYTES, headers=JSON_HEADERS) as response:
                answer = await response.read()
                ok = response.status == 200 and "roadmap" in orjson.loads(answer)
                error = "" if ok else f"HTTP {response.status}"
        except (TimeoutError, aiohttp.ClientError) as exc:
            error = type(exc).__name__
        results.append((time.perf_counter() - start, error))
        if think:  # a random pause (mean ``think``), so clients do not post in lockstep
            await asyncio.sleep(random.uniform(0, 2 * think))


async def load(port: int, clients: int, duration: float, think: float) -> list:
    """aiohttp in one process: a lighter client than httpx2, so it takes less of the CPU the
    server shares with it."""
    results: list[tuple[float, str]] = []
    connector = aiohttp.TCPConnector(limit=clients)
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        end = time.monotonic() + duration
        url = f"http://127.0.0.1:{port}/v1/analyze"
        await asyncio.gather(
            *(client_loop(session, url, end, think, results) for _ in range(clients))
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--think", type=float, default=0.0, help="mean random pause between posts (s)"
    )
    parser.add_argument("--quick", action="store_true", help="10 s instead of --duration")
    args = parser.parse_args()
    duration = 10.0 if args.quick else args.duration
    port = free_port()
    print(f"load average before start-up: {os.getloadavg()[0]:.2f} (2 cores, shared)")
    server = start_server(port, args.workers)
    try:
        sampler = MemorySampler(server.pid)
        sampler.start()
        server_cpu, client_cpu = tree_cpu(sampler.process), own_cpu()
        started = time.perf_counter()
        results = asyncio.run(load(port, args.clients, duration, args.think))
        elapsed = time.perf_counter() - started
        server_cpu = tree_cpu(sampler.process) - server_cpu
        client_cpu = own_cpu() - client_cpu
        sampler.stop.set()
        sampler.join()
        load_after = os.getloadavg()[0]
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=60)
    latencies = sorted(t for t, _ in results)
    errors = Counter(error for _, error in results if error)
    window = min(10.0, duration / 3)
    first = [rss for t, rss in sampler.samples if t <= window]
    last = [rss for t, rss in sampler.samples if t >= elapsed - window]
    mb = 1024 * 1024
    print(
        f"{args.clients} clients, {args.workers} workers, {duration:g} s, think {args.think:g} s: "
        f"{len(results)} requests ({len(results) / elapsed:.0f}/s), "
        f"{sum(errors.values())} errors {dict(errors) or ''}"
    )
    cuts = statistics.quantiles(latencies, n=100)
    print(
        f"latency p50 {cuts[49] * 1000:.0f} ms, p95 {cuts[94] * 1000:.0f} ms, "
        f"p99 {cuts[98] * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms"
    )
    print(
        f"server RSS: first {window:g} s {statistics.mean(first) / mb:.0f} MB, "
        f"last {window:g} s {statistics.mean(last) / mb:.0f} MB "
        f"(max {max(rss for _, rss in sampler.samples) / mb:.0f} MB)"
    )
    print(
        f"CPU per request: server {server_cpu / len(results) * 1000:.1f} ms "
        f"(all its processes), load client {client_cpu / len(results) * 1000:.1f} ms; "
        f"client busy {client_cpu / elapsed:.0%} of a core"
    )
    print(f"load average after the run: {load_after:.2f}")


if __name__ == "__main__":
    main()
