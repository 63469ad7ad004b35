"""The gazetteer through geopy's interface; the online fallback with a mocked Nominatim (no network)."""

from __future__ import annotations

from unittest import mock

import pytest
from geopy.exc import GeocoderTimedOut, GeocoderUnavailable
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geo.errors import CstoMapError, GeocoderServiceError, InputError
from geo.gazetteer.geocoder import ChainedGeocoder, OfflineGazetteer
from geo.settings import Settings

ALMATY, ASTANA = 1526384, 1526273


@pytest.fixture(scope="module")
def offline():
    from geo.gazetteer import get_index

    return OfflineGazetteer(get_index())


def settings(**kw) -> Settings:
    return Settings(**{"online_geocoder": False, "nominatim_min_delay_seconds": 0.0, **kw})


def online_answer(name="Somewhere"):
    return Location(name, (10.0, 20.0), {"display_name": name})


def fake_online(answer=None, error=None):
    online = mock.Mock(spec=["geocode"])
    online.geocode.side_effect = error
    online.geocode.return_value = answer
    return online


# -- offline --------------------------------------------------------------------------------


def test_offline_gazetteer_is_a_geopy_geocoder(offline):
    assert isinstance(offline, Geocoder)


def test_geocode_an_arabic_name_offline(offline):
    loc = offline.geocode("ألماتي")
    assert isinstance(loc, Location)
    assert loc.address == "Almaty, ألماتي"
    assert loc.latitude == pytest.approx(43.25, abs=0.1) and loc.longitude == pytest.approx(76.9, abs=0.1)
    assert loc.raw["geonameid"] == ALMATY
    assert (loc.raw["iso2"], loc.raw["kind"], loc.raw["key"]) == ("KZ", "city", "gn:1526384")


@pytest.mark.parametrize("query", ["أَلْمَاتِي", "الماتي", "Almaty", "ALMATY", "ألما آتا", "ألما-آتا"])
def test_spelling_variants_find_the_same_city(offline, query):
    assert offline.geocode(query).raw["geonameid"] == ALMATY


def test_a_curated_name_outranks_geonames(offline):
    assert offline.geocode("نور سلطان").raw["geonameid"] == ASTANA


def test_states_and_regions(offline):
    assert offline.geocode("روسيا البيضاء").raw["iso2"] == "BY"
    region = offline.geocode("إقليم ألماتي")
    assert (region.raw["kind"], region.raw["iso2"]) == ("region", "KZ")


def test_exactly_one_false_lists_candidates_biggest_first(offline):
    found = offline.geocode("موسكو", exactly_one=False)
    assert isinstance(found, list) and len(found) > 1
    assert found[0].raw["iso2"] == "RU"
    geonames = [loc for loc in found if loc.raw["geonameid"]]
    assert len({loc.raw["key"] for loc in found}) == len(found)
    assert len(geonames) == len(found)


def test_unknown_and_empty_names_give_none(offline):
    assert offline.geocode("مدينةلاوجودلها") is None
    assert offline.geocode("   ") is None
    assert offline.geocode("زززز", exactly_one=False) is None


def test_a_region_cue_alias_is_not_geocoded_without_its_cue(offline):
    # "ألماتي" alone is the city even though the region also answers to it after a cue word
    assert offline.geocode("ألماتي", exactly_one=False)[0].raw["kind"] == "city"
    assert all(loc.raw["kind"] != "region" for loc in offline.geocode("ألماتي", exactly_one=False))


def test_a_query_that_is_not_a_string_is_refused_by_value(offline):
    with pytest.raises(InputError, match="dict"):
        offline.geocode({"city": "Almaty"})


# -- the chain: offline first, online only when allowed and needed ------------------------------


def test_online_is_not_asked_when_it_is_off(offline):
    online = fake_online(online_answer())
    chain = ChainedGeocoder(offline, online, settings=settings(online_geocoder=False))
    assert chain.geocode("مدينةلاوجودلها") is None
    online.geocode.assert_not_called()


def test_online_is_not_asked_when_the_gazetteer_knows_the_name(offline):
    online = fake_online(online_answer())
    chain = ChainedGeocoder(offline, online, settings=settings(online_geocoder=True))
    assert chain.geocode("ألماتي").raw["geonameid"] == ALMATY
    online.geocode.assert_not_called()


def test_online_fallback_when_enabled_and_the_gazetteer_has_no_answer(offline):
    online = fake_online(online_answer("Kordai"))
    chain = ChainedGeocoder(offline, online, settings=settings(online_geocoder=True))
    assert chain.geocode("مدينةلاوجودلها").address == "Kordai"
    online.geocode.assert_called_once_with("مدينةلاوجودلها", exactly_one=True)


def test_a_repeated_query_is_answered_from_the_cache(offline):
    online = fake_online(online_answer())
    chain = ChainedGeocoder(offline, online, settings=settings(online_geocoder=True))
    first = chain.geocode("مدينةلاوجودلها")
    assert chain.geocode("مَدِينَةلاوجودلها") is first  # same key after folding
    assert online.geocode.call_count == 1


def test_a_miss_is_cached_too(offline):
    online = fake_online(None)
    chain = ChainedGeocoder(offline, online, settings=settings(online_geocoder=True))
    assert chain.geocode("مدينةلاوجودلها") is None
    assert chain.geocode("مدينةلاوجودلها") is None
    assert online.geocode.call_count == 1


@pytest.mark.parametrize("error", [GeocoderUnavailable("503 Service Unavailable"), GeocoderTimedOut("slow")])
def test_a_service_error_names_the_query(offline, error):
    online = fake_online(error=error)
    chain = ChainedGeocoder(offline, online, settings=settings(online_geocoder=True))
    with pytest.raises(GeocoderServiceError, match="مدينةلاوجودلها") as info:
        chain.geocode("مدينةلاوجودلها")
    assert isinstance(info.value, CstoMapError) and isinstance(info.value, ConnectionError)
    assert info.value.__cause__ is error


def test_the_default_online_geocoder_is_nominatim_with_our_user_agent_and_delay(offline):
    now = [1000.0]  # a fake clock that the rate limiter's sleep advances: no real waiting

    def sleep(seconds):
        now[0] += seconds

    with (
        mock.patch("geopy.geocoders.Nominatim") as nominatim,
        mock.patch("geopy.extra.rate_limiter.sleep", side_effect=sleep) as slept,
        mock.patch("geopy.extra.rate_limiter.default_timer", side_effect=lambda: now[0]),
    ):
        nominatim.return_value.geocode.return_value = online_answer()
        chain = ChainedGeocoder(
            offline,
            settings=settings(
                online_geocoder=True, nominatim_user_agent="csto-map-test", nominatim_min_delay_seconds=30
            ),
        )
        chain.geocode("مدينةلاوجودلها")
        chain.geocode("قريةلاوجودلها")
    nominatim.assert_called_once_with(user_agent="csto-map-test")
    assert nominatim.return_value.geocode.call_count == 2
    assert sum(c.args[0] for c in slept.call_args_list) == pytest.approx(30)  # the second query waited
