"""Administrator's command line: list workspaces, export a workspace's audit trail, erase a workspace.

    python -m ks_data.storage.admin list
    python -m ks_data.storage.admin audit --workspace 3 --out audit_3.csv
    python -m ks_data.storage.admin delete-workspace 3 [--yes]

Works on the database the app uses (``KS_DATABASE_URL``, else the SQLite file ``KS_DB_PATH``). Output is English:
this is for the person running the servers, not for the coalitions.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ks_data.storage import audit, workspaces
from ks_data.storage.db import StorageError, database_url


def _list(_: argparse.Namespace) -> int:
    print("id\tname\tgemeente\tcreated_at\tassessments\tworkshops\tfiles")
    for found, counts in workspaces.list_workspaces():
        print(f"{found.id}\t{found.name}\t{found.gemeente}\t{found.created_at}\t{counts['assessments']}\t"
              f"{counts['workshops']}\t{counts['files']}")
    return 0


def _audit(args: argparse.Namespace) -> int:
    text = audit.trail_csv(args.workspace)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"wrote {text.count(chr(10)) - 1} audit rows of workspace {args.workspace} to {args.out}")
    else:
        sys.stdout.write(text)
    return 0


def _delete(args: argparse.Namespace) -> int:
    found = workspaces.get_workspace(args.workspace)
    if not args.yes:
        answer = input(f"Erase workspace {found.id} ({found.name}) with all its data? Type its id to confirm: ")
        if answer.strip() != str(found.id):
            print("nothing deleted")
            return 1
    gone = workspaces.delete_workspace(found.id)
    print(f"erased workspace {found.id}: " + ", ".join(f"{n} {what}" for what, n in gone.items()))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run one administrator command; returns the exit code (2 for an unknown workspace or a database problem)."""
    parser = argparse.ArgumentParser(prog="python -m ks_data.storage.admin", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="every workspace with its counts").set_defaults(run=_list)
    trail = commands.add_parser("audit", help="a workspace's audit trail as CSV")
    trail.add_argument("--workspace", type=int, required=True)
    trail.add_argument("--out", help="CSV file to write (default: standard output)")
    trail.set_defaults(run=_audit)
    erase = commands.add_parser("delete-workspace", help="erase a workspace with all its data")
    erase.add_argument("workspace", type=int)
    erase.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    erase.set_defaults(run=_delete)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except StorageError as exc:
        print(f"error: {exc} (database {database_url().split('@')[-1]})", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
