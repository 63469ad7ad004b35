"""`csto-map export`: the filtered layers as a GeoPackage, GeoJSON or CSV file (and more formats
as they are registered in geo.store.export.FORMATS)."""

from __future__ import annotations

import re
from datetime import date

from geo.errors import InputError

_ISO2 = re.compile(r"^[A-Za-z]{2}$")


def register(subparsers) -> None:
    from geo.store.export import formats

    parser = subparsers.add_parser(
        "export",
        help="write the map's layers to a file (GeoPackage, GeoJSON, CSV...)",
        description="Layers places, events, troops (at the contributing state's capital) and membership "
        "(CSTO status on the --to date, today without it; the app and the snapshots use the same day). "
        "CSV holds the events only.",
    )
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="file to write (replaced)")
    parser.add_argument("--format", choices=formats(), help="default: from the file's suffix")
    parser.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="first day of the range")
    parser.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last day of the range")
    parser.add_argument("--country", nargs="+", action="extend", default=[], metavar="ISO2")
    parser.add_argument("--type", nargs="+", action="extend", default=[], metavar="TYPE", help="event types")
    parser.add_argument("--document", nargs="+", action="extend", default=[], metavar="ID")
    parser.add_argument("--dated-only", action="store_true", help="leave out claims without a date")
    snap = parser.add_argument_group("png, svg, pdf and html snapshots")
    snap.add_argument("--lang", choices=("ar", "en"), help="labels, legend and title (default: ar)")
    snap.add_argument("--bbox", metavar="W,S,E,N", help="area shown, degrees (default: Central Asia + data)")
    snap.add_argument("--dpi", type=int, help="image resolution (default 100: 1600x1000 px)")
    snap.add_argument("--size", metavar="WxH", help="image size in pixels at --dpi, e.g. 2400x1500")
    parser.set_defaults(func=run)


def run(args) -> int:
    from geo.store.db import open_store
    from geo.store.export import export

    filters = filters_from(args)
    with open_store(args.db) as store:
        counts = export(store, filters, args.output, fmt=args.format, **snapshot_options(args))
    print(f"wrote {args.output}: " + ", ".join(f"{n} {layer}" for layer, n in counts.items()))
    return 0


def snapshot_options(args) -> dict:
    """The snapshot options given on the command line (other formats ignore them)."""
    names = ("lang", "bbox", "dpi", "size")
    return {name: getattr(args, name) for name in names if getattr(args, name, None) is not None}


def filters_from(args):
    from geo.model import EVENT_TYPES
    from geo.store.api import Filters

    bad = [c for c in args.country if not _ISO2.match(c)]
    if bad:
        raise InputError(f"--country {bad[0]!r} is not a two-letter ISO code such as KZ")
    unknown = [t for t in args.type if t not in EVENT_TYPES]
    if unknown:
        raise InputError(f"--type {unknown[0]!r} is not an event type; choose from {', '.join(EVENT_TYPES)}")
    date_from, date_to = _day(args.date_from, "--from"), _day(args.date_to, "--to")
    if date_from and date_to and date_from > date_to:
        raise InputError(f"--from {args.date_from} is after --to {args.date_to}")
    return Filters(
        date_from=date_from,
        date_to=date_to,
        countries=tuple(c.upper() for c in args.country),
        types=tuple(args.type),
        documents=tuple(args.document),
        include_undated=not args.dated_only,
    )


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"{option} {value!r} is not a date YYYY-MM-DD") from exc
