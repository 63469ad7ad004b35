from datetime import date, datetime

import pytest

from geo import membership
from geo.errors import DataFileError, InputError

SIX_OF_2022 = {"RU", "BY", "AM", "KZ", "KG", "TJ"}


def members(on: date) -> set[str]:
    return set(membership.members_on(on))


def test_the_six_tashkent_signatories_are_members_after_signature():
    assert members(date(1992, 6, 1)) == {"AM", "KZ", "KG", "RU", "TJ", "UZ"}


def test_everyone_is_never_before_the_treaty():
    assert set(membership.statuses_on(date(1992, 5, 14)).values()) == {"never"}
    assert membership.status_on("RU", date(1992, 5, 14)) == "never"
    assert membership.status_on("RU", date(1992, 5, 15)) == "member"  # effective on its own date


def test_nine_members_in_1994_after_the_1993_accessions():
    assert members(date(1994, 4, 20)) == {"AM", "AZ", "BY", "GE", "KZ", "KG", "RU", "TJ", "UZ"}
    assert membership.status_on("GE", date(1993, 12, 8)) == "never"


def test_azerbaijan_georgia_uzbekistan_are_former_members_in_2000():
    statuses = membership.statuses_on(date(2000, 1, 1))
    assert {iso2 for iso2, s in statuses.items() if s == "former"} == {"AZ", "GE", "UZ"}
    assert members(date(2000, 1, 1)) == SIX_OF_2022


def test_uzbekistan_rejoined_in_2006_and_left_in_2012():
    assert membership.status_on("UZ", date(2007, 1, 1)) == "member"
    assert membership.status_on("UZ", date(2012, 7, 1)) == "suspended"
    assert membership.status_on("UZ", date(2013, 1, 1)) in {"former", "suspended"}
    assert membership.status_on("UZ", date(2013, 1, 1)) != "member"


def test_the_six_members_of_the_january_2022_deployment():
    assert members(date(2022, 1, 6)) == SIX_OF_2022


def test_armenia_suspended_in_2025_while_the_other_five_remain():
    assert membership.status_on("AM", date(2025, 1, 1)) == "suspended"
    assert membership.status_on("AM", date(2024, 2, 21)) == "member"
    assert members(date(2025, 1, 1)) == SIX_OF_2022 - {"AM"}


def test_a_state_that_never_was_a_member():
    assert membership.status_on("CN", date(2022, 1, 6)) == "never"
    assert "CN" not in membership.statuses_on(date(2022, 1, 6))


def test_lowercase_code_and_datetime_are_accepted():
    assert membership.status_on("kz", datetime(2022, 1, 6, 12, 0)) == "member"


def test_a_string_date_is_refused_with_a_clear_error():
    with pytest.raises(InputError, match="2022-01-06"):
        membership.status_on("KZ", "2022-01-06")


def test_timeline_is_sorted_frozen_and_sourced():
    changes = membership.timeline()
    assert [c.date for c in changes] == sorted(c.date for c in changes)
    assert all(c.source and c.event for c in changes)
    with pytest.raises(AttributeError):
        changes[0].status_after = "former"


def write(tmp_path, body: str):
    path = tmp_path / "membership.csv"
    path.write_text("# comment\ndate,iso2,status_after,event,source\n" + body, encoding="utf-8")
    return path


def test_a_bad_status_names_the_file_and_line(tmp_path):
    path = write(tmp_path, "1992-05-15,RU,member,Signs,src\n1999-04-20,AZ,gone,Leaves,src\n")
    with pytest.raises(DataFileError, match=r"membership\.csv: line 4: status_after .*'gone'"):
        membership.timeline(path=path)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("15/05/1992,RU,member,Signs,src", "date must be YYYY-MM-DD"),
        ("1992-05-15,RUS,member,Signs,src", "iso2 must be two capital letters"),
        ("1992-05-15,RU,member,Signs", "expected 5 fields"),
        ("1992-05-15,RU,member,,src", "event and source must not be empty"),
    ],
)
def test_malformed_rows_are_refused(tmp_path, row, message):
    with pytest.raises(DataFileError, match=f"line 3: {message}"):
        membership.status_on("RU", date(2000, 1, 1), path=write(tmp_path, row + "\n"))


def test_missing_file_is_a_data_file_error_naming_it(tmp_path):
    with pytest.raises(DataFileError, match="nowhere.csv"):
        membership.timeline(path=tmp_path / "nowhere.csv")


def test_duplicate_change_is_refused(tmp_path):
    path = write(tmp_path, "1992-05-15,RU,member,a,s\n1992-05-15,RU,former,b,s\n")
    with pytest.raises(DataFileError, match="line 4: a second change for RU"):
        membership.timeline(path=path)
