"""Events layer: one point per event at its most specific place, coloured by type, sized by casualties.

Above ``aggregate_above`` located events the layer ships one point per place instead
(counts per type, casualties summed), so the browser never receives 100,000 markers.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from geo import coords
from geo.layers.common import LegendEntry, feature, feature_collection, place_key, scaled_radius
from geo.model import EVENT_TYPES
from geo.store.api import EventRow, PlaceCountRow

AGGREGATE_ABOVE = 2000

# type: (colour, English, Arabic)
TYPE_STYLE: dict[str, tuple[str, str, str]] = {
    "protest": ("#1f77b4", "Protest", "احتجاج"),
    "riot": ("#ff7f0e", "Riot", "أعمال شغب"),
    "armed_clash": ("#d62728", "Armed clash", "اشتباك مسلح"),
    "seizure": ("#8c564b", "Seizure of a building", "استيلاء على مبنى"),
    "casualties": ("#7f1d1d", "Casualties", "ضحايا"),
    "deployment": ("#2ca02c", "Troop deployment", "نشر قوات"),
    "state_of_emergency": ("#9467bd", "State of emergency", "حالة الطوارئ"),
    "political_decision": ("#e377c2", "Political decision", "قرار سياسي"),
    "meeting": ("#17becf", "Meeting", "اجتماع"),
    "treaty_membership": ("#bcbd22", "Treaty / membership", "معاهدة / عضوية"),
}
OTHER_STYLE = ("#555555", "Other", "أخرى")


def type_style(event_type: str) -> tuple[str, str, str]:
    return TYPE_STYLE.get(event_type, OTHER_STYLE)


def legend(types: Iterable[str] = EVENT_TYPES) -> tuple[LegendEntry, ...]:
    return tuple(
        LegendEntry(key=t, color=type_style(t)[0], label_en=type_style(t)[1], label_ar=type_style(t)[2])
        for t in types
    )


def build(rows: Sequence[EventRow], *, aggregate_above: int = AGGREGATE_ABOVE) -> dict:
    """The events FeatureCollection; ``unlocated`` counts events with no coordinates."""
    located = [r for r in rows if r.lat is not None and r.lon is not None]
    unlocated = len(rows) - len(located)
    if len(located) > aggregate_above:
        return build_counts(place_counts(located), unlocated=unlocated)
    return feature_collection((_event_feature(r) for r in located), unlocated=unlocated, aggregated=False)


def _event_feature(row: EventRow) -> dict:
    casualties = (row.killed or 0) + (row.injured or 0)
    return feature(
        coords.point(row.lat, row.lon),
        kind="event",
        id=row.id,
        type=row.type,
        color=type_style(row.type)[0],
        radius=scaled_radius(casualties),
        date=row.date,
        killed=row.killed,
        injured=row.injured,
        name=row.place_name or row.place_name_ar or "",
        name_ar=row.place_name_ar or row.place_name or "",
        doc=row.document_id,
    )


def build_counts(counts: Iterable[PlaceCountRow], *, unlocated: int = 0) -> dict:
    """The aggregated layer (one point per place) from per-place, per-type counts, such as
    :meth:`geo.store.query.Store.event_place_counts` returns without reading every event."""
    groups: dict[str, list[PlaceCountRow]] = defaultdict(list)
    for key, members in _by_place(counts).items():
        groups[key].extend(members)
    features = [_group_feature(key, members) for key, members in groups.items()]
    return feature_collection(features, unlocated=unlocated, aggregated=True)


def place_counts(rows: Iterable[EventRow]) -> list[PlaceCountRow]:
    """The same counts as the store's aggregated read, from rows already in memory."""
    tally: dict[tuple, list[int]] = {}
    for r in rows:
        key = (r.type, r.place_name, r.place_name_ar, r.iso2, r.lat, r.lon, r.geonameid)
        sums = tally.setdefault(key, [0, 0, 0])
        sums[0] += 1
        sums[1] += r.killed or 0
        sums[2] += r.injured or 0
    return [
        PlaceCountRow(
            type=k[0],
            place_name=k[1],
            place_name_ar=k[2],
            iso2=k[3],
            lat=k[4],
            lon=k[5],
            geonameid=k[6],
            count=n,
            killed=killed,
            injured=injured,
        )
        for k, (n, killed, injured) in tally.items()
    ]


def _by_place(counts: Iterable[PlaceCountRow]) -> dict[str, list[PlaceCountRow]]:
    """Counts grouped by place key; the key is computed once per distinct place, not per row."""
    keys: dict[tuple, str] = {}
    out: dict[str, list[PlaceCountRow]] = defaultdict(list)
    for c in counts:
        raw = (c.geonameid, c.lat, c.lon, c.place_name)
        if raw not in keys:
            keys[raw] = place_key(geonameid=c.geonameid, lat=c.lat, lon=c.lon, name=c.place_name)
        out[keys[raw]].append(c)
    return out


def _group_feature(key: str, members: list[PlaceCountRow]) -> dict:
    first = members[0]
    types: Counter[str] = Counter()
    for m in members:
        types[m.type] += m.count
    dominant = max(types, key=lambda t: (types[t], -_type_rank(t)))
    total = sum(types.values())
    return feature(
        coords.point(first.lat, first.lon),
        kind="event_group",
        id=key,
        type=dominant,
        color=type_style(dominant)[0],
        radius=scaled_radius(total, base=6.0, step=1.2, cap=34.0),
        count=total,
        types=dict(sorted(types.items(), key=lambda kv: _type_rank(kv[0]))),
        killed=sum(m.killed for m in members),
        injured=sum(m.injured for m in members),
        name=first.place_name or first.place_name_ar or "",
        name_ar=first.place_name_ar or first.place_name or "",
    )


def _type_rank(event_type: str) -> int:
    return EVENT_TYPES.index(event_type) if event_type in EVENT_TYPES else len(EVENT_TYPES)


def _dates_compatible(a: str | None, b: str | None) -> bool:
    """Equal, or one is a coarser form of the other (``2022-01`` vs ``2022-01-05``), or either unknown."""
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def _same_place(a: EventRow, b: EventRow) -> bool:
    key_a = place_key(geonameid=a.geonameid, lat=a.lat, lon=a.lon, name=a.place_name)
    return key_a == place_key(geonameid=b.geonameid, lat=b.lat, lon=b.lon, name=b.place_name)


def claims_about(target: EventRow, rows: Iterable[EventRow]) -> list[EventRow]:
    """Every other claim about the same thing: same type, same place, compatible date.

    Returned with the target first, then the others by document, so a face can show
    "12 killed" next to "13 killed".
    """
    others = [
        r
        for r in rows
        if r.id != target.id
        and r.type == target.type
        and _same_place(r, target)
        and _dates_compatible(r.date, target.date)
    ]
    return [target, *sorted(others, key=lambda r: (r.document_id, r.id))]


def at_place(key: str, rows: Iterable[EventRow]) -> list[EventRow]:
    """The events an aggregated point stands for (its ``id`` is the place key)."""
    return [
        r for r in rows if place_key(geonameid=r.geonameid, lat=r.lat, lon=r.lon, name=r.place_name) == key
    ]
