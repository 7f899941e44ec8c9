"""Shared output of the benchmark scripts: the console table and one section of bench/RESULTS.md each."""

from __future__ import annotations

from pathlib import Path

Row = tuple[str, str, str, "bool | None"]


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
