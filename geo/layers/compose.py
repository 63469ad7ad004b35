"""Every layer at once from a store and the user's filters: what a map face asks for.

Reference data that never changes while a process runs (simplified country shapes,
label points, capitals, names) is gathered once in a :class:`MapReference`.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date

from geo.coords import LatLon
from geo.layers import events as events_layer
from geo.layers import membership, places, troops
from geo.layers.common import empty
from geo.store.api import Filters

LAYERS = ("membership", "events", "troops", "places")
HOST = "KZ"


@dataclass(frozen=True, kw_only=True)
class MapReference:
    countries: dict  # simplified FeatureCollection with iso2, name_en, name_ar
    label_points: dict[str, LatLon]
    capitals: dict[str, LatLon]
    names: dict[str, tuple[str, str]]  # iso2 -> (English, Arabic)


def load_reference(*, boundaries_dir=None, tolerance: float = 0.03) -> MapReference:
    """Read the bundled boundaries once (about a second); keep the result for the process."""
    from geo.boundaries import country_feature_collection, country_records

    records = country_records(boundaries_dir=boundaries_dir)
    label_points = {r.iso2: (r.label_lat, r.label_lon) for r in records}
    return MapReference(
        countries=membership.simplified(
            country_feature_collection(boundaries_dir=boundaries_dir), tolerance=tolerance
        ),
        label_points=label_points,
        capitals={**label_points, **troops.capitals()},
        names={r.iso2: (r.name_en, r.name_ar) for r in records},
    )


def membership_day(filters: Filters) -> date:
    """The membership layer shows the end of the selected range (today when open-ended)."""
    return filters.date_to or date.today()


def layer_data(
    store,
    filters: Filters,
    *,
    reference: MapReference,
    layers: Collection[str] = LAYERS,
    aggregate_above: int = events_layer.AGGREGATE_ABOVE,
) -> dict[str, dict]:
    """``{layer name: FeatureCollection}`` for every name in :data:`LAYERS`; hidden layers are empty.

    Above ``aggregate_above`` located events the store is asked for counts per place instead
    of rows, so a large view never reads its events one by one.
    """
    from geo.membership import statuses_on

    out = {name: empty() for name in LAYERS}
    marked = _event_layer(store, filters, aggregate_above) if {"events", "places"} & set(layers) else None
    if "membership" in layers:
        day = membership_day(filters)
        out["membership"] = membership.build(reference.countries, statuses_on(day), on=day.isoformat())
    if "events" in layers:
        out["events"] = marked[0]
    if "troops" in layers:
        out["troops"] = troop_flows(store, filters, reference=reference)
    if "places" in layers:
        out["places"] = places.build(_unmarked_places(store, filters, marked[1]), events=marked[1])
    return out


def _unmarked_places(store, filters: Filters, marks) -> list:
    """The store's places minus countries and those an event marks by GeoNames id (left out in
    SQL; ``places.build`` drops the rest), so 100 articles naming the same towns stay cheap."""
    marked = {m.geonameid for m in marks if m.geonameid}
    return store.places(filters, skip_geonameids=marked, skip_kinds=("country",))


def _event_layer(store, filters: Filters, aggregate_above: int) -> tuple[dict, list]:
    """(events FeatureCollection, the rows or counts that mark places) for the filters."""
    count = store.event_count(filters)
    if count.located > aggregate_above:
        counts = store.event_place_counts(filters)
        return events_layer.build_counts(counts, unlocated=count.unlocated), counts
    rows = store.events(filters)
    return events_layer.build(rows, aggregate_above=aggregate_above), rows


def troop_flows(store, filters: Filters, *, reference: MapReference) -> dict:
    deployments = store.event_place_counts(
        replace(filters, types=("deployment",), countries=(), date_from=None, date_to=None)
    )
    destination = troops.deployment_destination(
        deployments,
        host=HOST,
        label_points=reference.label_points,
        host_names=reference.names.get(HOST, ("", "")),
    )
    troop_filters = replace(filters, types=())  # event types do not apply to troop rows
    return troops.build(
        store.troops(troop_filters),
        origins=reference.capitals,
        destination=destination,
        names=reference.names,
    )
