"""The benchmarks' output: the console table, the machine line, and one section of bench/RESULTS.md each."""

from __future__ import annotations

import os
import platform
from datetime import datetime, timezone
from pathlib import Path

Row = tuple[str, str, str, "bool | None"]  # measure, result, target, met (None: information only)


def ok_text(ok: bool | None) -> str:
    """'yes' / 'NO', or '' for an informational row without a target."""
    return "" if ok is None else ("yes" if ok else "NO")


def print_table(rows: list[Row], *, value_width: int) -> None:
    """Print measure, result, target and whether it is met, aligned."""
    width = max(len(r[0]) for r in rows)
    print(f"{'measure'.ljust(width)}  {'result':<{value_width}} {'target':<10} ok")
    for name, value, target, ok in rows:
        print(f"{name.ljust(width)}  {value:<{value_width}} {target:<10} {ok_text(ok)}")


def markdown_table(rows: list[Row]) -> list[str]:
    """The rows as a Markdown table."""
    lines = ["| measure | result | target | ok |", "| --- | --- | --- | --- |"]
    return lines + [f"| {n} | {v} | {t} | {ok_text(ok)} |" for n, v, t, ok in rows]


def machine() -> str:
    """One line: host, CPU, cores, RAM, OS, Python and the load average at start."""
    cpuinfo, meminfo = Path("/proc/cpuinfo"), Path("/proc/meminfo")
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if cpuinfo.exists() else platform.processor()
    mem = f", {int(meminfo.read_text().split()[1]) / 1e6:.0f} GB RAM" if meminfo.exists() else ""
    load = ", load average %.1f/%.1f/%.1f at start" % os.getloadavg() if hasattr(os, "getloadavg") else ""
    return f"{platform.node()}: {cpu}, {os.cpu_count()} cores{mem}, {platform.system()} {platform.release()}, " \
           f"Python {platform.python_version()}{load}"


def write_section(path: Path, heading: str, lines: list[str]) -> None:
    """Replace the ``## heading`` section of ``path`` (or add it), leaving the other sections as they are."""
    title = f"## {heading}"
    old = path.read_text(encoding="utf-8").splitlines() if path.exists() else ["# Benchmark results"]
    if title in old:
        start = old.index(title)
        end = next((i for i in range(start + 1, len(old)) if old[i].startswith("## ")), len(old))
        old = old[:start] + old[end:]
    while old and old[-1] == "":
        old.pop()
    path.write_text("\n".join([*old, "", title, "", *lines]) + "\n", encoding="utf-8")


def write_results(path: Path, heading: str, rows: list[Row], *, machine_line: str, notes: list[str]) -> None:
    """Write ``rows`` as the ``## heading`` section of ``path``: date, machine, ``notes`` (Markdown list
    items, e.g. the command), then the table."""
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"- Date: {stamp}", f"- Machine: {machine_line}", *(f"- {note}" for note in notes), ""]
    write_section(path, heading, lines + markdown_table(rows))
