"""Build the boundary cache (see ``ks_data.geo.cache``) from a local folder or from the official CBS/PDOK files.

Usage::

    python -m ks_data.geo --from ../shared/geo     # offline, folder in the ../shared/geo format
    python -m ks_data.geo --download               # real setup: CBS/PDOK downloads (internet)
    python -m ks_data.geo ... --cache-dir DIR      # write somewhere else than paths.GEO_CACHE_DIR

Exit code 0 on success, 2 for a missing file or column, 1 for any other failure (e.g. no internet),
always with a Dutch/English message.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ks_data.geo.build import GeoSourceError, build_from_folder


def main(argv: list[str] | None = None) -> int:
    """CLI entry point; returns the process exit code."""
    parser = argparse.ArgumentParser(prog="python -m ks_data.geo", description=__doc__.split("\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--from", dest="source", type=Path, help="folder in the ../shared/geo format")
    group.add_argument("--download", action="store_true", help="download the official CBS/PDOK files")
    parser.add_argument("--cache-dir", type=Path, default=None, help="target folder (default paths.GEO_CACHE_DIR)")
    args = parser.parse_args(argv)
    try:
        if args.download:
            from ks_data.geo import download  # requests and the overlay code only for this route

            report = download.download_and_build(cache_dir=args.cache_dir)
        else:
            report = build_from_folder(args.source, cache_dir=args.cache_dir)
    except GeoSourceError as exc:
        print(f"FOUT / ERROR: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - any failure must give a clear message and exit != 0
        print(f"FOUT / ERROR: grenzenbestand niet gebouwd / boundary cache not built: {exc!r}", file=sys.stderr)
        return 1
    for warning in report.warnings:
        print(f"LET OP / WARNING: {warning}", file=sys.stderr)
    print(
        f"Grenzenbestand gebouwd / boundary cache built: {report.cache_dir} "
        f"({report.bytes_on_disk / 1e6:.1f} MB, {report.seconds:.1f} s, {report.counts})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
