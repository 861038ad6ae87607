"""Resident memory of this process while a benchmark runs: the size before and the peak, sampled in
a thread every 20 ms. Shared by the benchmarks (run as `python bench/NAME.py`, so importable by name)."""

from __future__ import annotations

import threading
from pathlib import Path


class PeakSampler:
    """The highest resident set size seen while running, and the size before."""

    def __init__(self) -> None:
        self.before = self.peak = rss_mb()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._done.set()
        self._thread.join()
        self.peak = max(self.peak, rss_mb())

    def _sample(self) -> None:
        while not self._done.wait(0.02):
            self.peak = max(self.peak, rss_mb())


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0
