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
from geo.store.api import EventRow

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
        return feature_collection(_group_features(located), unlocated=unlocated, aggregated=True)
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


def _group_features(rows: Sequence[EventRow]) -> list[dict]:
    by_place: dict[tuple, list[EventRow]] = defaultdict(list)
    for r in rows:
        by_place[(r.geonameid, r.lat, r.lon, r.place_name)].append(r)
    groups: dict[str, list[EventRow]] = defaultdict(list)
    for (geonameid, lat, lon, name), members in by_place.items():
        groups[place_key(geonameid=geonameid, lat=lat, lon=lon, name=name)].extend(members)
    return [_group_feature(key, members) for key, members in groups.items()]


def _group_feature(key: str, members: list[EventRow]) -> dict:
    first = members[0]
    types = Counter(r.type for r in members)
    dominant = types.most_common(1)[0][0]
    return feature(
        coords.point(first.lat, first.lon),
        kind="event_group",
        id=key,
        type=dominant,
        color=type_style(dominant)[0],
        radius=scaled_radius(len(members), base=6.0, step=1.2, cap=34.0),
        count=len(members),
        types=dict(types),
        killed=sum(r.killed or 0 for r in members),
        injured=sum(r.injured or 0 for r in members),
        name=first.place_name or first.place_name_ar or "",
        name_ar=first.place_name_ar or first.place_name or "",
    )


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
