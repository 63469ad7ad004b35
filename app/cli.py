"""`csto-map`: one entry point, one module per subcommand under app/commands/.

Each command module exposes ``register(subparsers)``, which adds its parser and sets
``func`` to a callable taking the parsed arguments and returning an exit status.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from geo.errors import CstoMapError

# order is the order of `csto-map --help`
COMMANDS = (
    "extract",
    "gazetteer",
    "ingest",
    "stats",
    "export",
    "serve",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="csto-map",
        description="Arabic news on the 2022 Kazakhstan unrest and the CSTO deployment, on a map.",
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help="store URL (sqlite:///file.sqlite or postgresql+psycopg://...); default: $CSTO_MAP_DB "
        "or a SQLite file in the user data folder",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        importlib.import_module(f"app.commands.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except CstoMapError as exc:
        print(f"csto-map {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
