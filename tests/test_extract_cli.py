"""`csto-map extract` as a user runs it: the JSON contract (shared/eval/EXTRACTION.md) and bad input
that is named by file and line while the rest of the batch still comes out."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main

REPO = Path(__file__).resolve().parent.parent
ARTICLE = (
    "أعلنت موسكو إرسال قوات إلى كازاخستان بعد احتجاجات عنيفة في ألماتي، "
    "وقال مسؤول أرميني إن الجنود الروس سيبقون أسابيع قليلة في مدينة ألماتي."
)
TOP_KEYS = {"id", "published", "places", "countries", "troops", "events", "mentions"}
PLACE_KEYS = {"name", "name_ar", "kind", "geonameid", "iso2", "lat", "lon", "surfaces", "confidence"}


def run(capsys, monkeypatch, *argv, stdin: bytes = b""):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    status = main(["extract", *map(str, argv)])
    out, err = capsys.readouterr()
    return status, [json.loads(line) for line in out.splitlines()], err


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def jsonl(path: Path, *lines) -> Path:
    text = "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines) + "\n"
    return write(path, text)


# -- the shape of one output object ---------------------------------------------------------------


def test_one_article_gives_one_object_with_the_contract_keys(tmp_path, capsys, monkeypatch):
    f = write(tmp_path / "a.txt", ARTICLE)
    status, out, err = run(capsys, monkeypatch, f, "--published", "2022-01-07")
    assert status == 0 and err == ""
    [obj] = out
    assert set(obj) == TOP_KEYS
    assert obj["id"] == str(f) and obj["published"] == "2022-01-07"
    assert all(isinstance(obj[k], list) for k in TOP_KEYS - {"id", "published"})
    for place in obj["places"]:
        assert set(place) == PLACE_KEYS
        assert place["kind"] in {"city", "country", "region", "landmark", "facility", "other"}
        assert isinstance(place["lat"], float) and isinstance(place["lon"], float)
        assert isinstance(place["surfaces"], list) and place["surfaces"]
        assert 0 < place["confidence"] <= 1


def test_mentions_index_into_places_and_point_into_the_text(tmp_path, capsys, monkeypatch):
    _, [obj], _ = run(capsys, monkeypatch, write(tmp_path / "a.txt", ARTICLE))
    assert obj["mentions"]
    for m in obj["mentions"]:
        assert set(m) == {"start", "end", "surface", "place"}
        assert ARTICLE[m["start"] : m["end"]] == m["surface"]
        assert m["surface"] in obj["places"][m["place"]]["surfaces"]
    named = {obj["places"][m["place"]]["name"] for m in obj["mentions"]}
    assert {"Almaty", "Kazakhstan", "Moscow"} <= named
    assert len({p["name"] for p in obj["places"]}) == len(obj["places"])  # each place once


def test_countries_are_the_states_named_directly_or_by_adjective(tmp_path, capsys, monkeypatch):
    _, [obj], _ = run(capsys, monkeypatch, write(tmp_path / "a.txt", ARTICLE))
    assert set(obj["countries"]) >= {"KZ", "RU", "AM"}  # كازاخستان، الروس، أرميني
    states = {p["iso2"] for p in obj["places"] if p["kind"] == "country"}
    assert set(obj["countries"]) == states
    assert all(isinstance(c, str) and len(c) == 2 for c in obj["countries"])


def test_jsonl_keeps_ids_order_and_published(tmp_path, capsys, monkeypatch):
    f = jsonl(
        tmp_path / "in.jsonl",
        {"id": "first", "text": "خرج المحتجون في أكتاو.", "published": "2022-01-02"},
        {"id": 7, "text": "اجتمع القادة في موسكو.", "published": None, "extra": "ignored"},
        "",
        {"text": "وصل الجنود إلى ألماتي."},
    )
    status, out, err = run(capsys, monkeypatch, "--jsonl", f)
    assert status == 0 and err == ""
    assert [(o["id"], o["published"]) for o in out] == [
        ("first", "2022-01-02"),
        ("7", None),
        (f"{f}:4", None),
    ]


def test_standard_input_is_read_when_no_file_is_given(capsys, monkeypatch):
    status, [obj], _ = run(capsys, monkeypatch, stdin="هدأت الأوضاع في ألماتي.".encode())
    assert status == 0 and [p["name"] for p in obj["places"]] == ["Almaty"]


def test_a_bad_published_option_is_refused_by_name(tmp_path, capsys, monkeypatch):
    status, out, err = run(capsys, monkeypatch, write(tmp_path / "a.txt", ARTICLE), "--published", "7/1/2022")
    assert status != 0 and out == []
    assert "--published" in err and "YYYY-MM-DD" in err


# -- odd but valid text ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        "",  # empty file
        "Protesters gathered on Wednesday; no Arabic here at all.",
        '«قال المتحدث: "لن نتراجع',  # unbalanced quotes
        "\ufeff",  # a byte-order mark and nothing else
    ],
)
def test_text_without_places_gives_an_empty_object_not_an_error(tmp_path, capsys, monkeypatch, content):
    status, [obj], err = run(capsys, monkeypatch, write(tmp_path / "odd.txt", content))
    assert status == 0 and "Traceback" not in err
    assert obj["places"] == [] and obj["mentions"] == [] and obj["countries"] == []


def test_stray_html_does_not_hide_places_or_shift_offsets(tmp_path, capsys, monkeypatch):
    text = '<div class="x"><p>اندلعت <b>مواجهات</b> في <a href="/kz">أكتاو</a> &amp; ألماتي</p><script>'
    _, [obj], _ = run(capsys, monkeypatch, write(tmp_path / "page.html", text))
    assert {p["name"] for p in obj["places"]} == {"Aktau", "Almaty"}
    assert all(text[m["start"] : m["end"]] == m["surface"] for m in obj["mentions"])


# -- bad input: named, skipped, the rest still printed, non-zero status ------------------------------


def test_bad_text_files_are_named_and_the_good_ones_still_printed(tmp_path, capsys, monkeypatch):
    good1 = write(tmp_path / "good1.txt", "وصل الجنود إلى ألماتي.")
    latin1 = write(tmp_path / "latin1.txt", "وصل الجنود".encode("cp1256"))
    binary = write(tmp_path / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    good2 = write(tmp_path / "good2.txt", "خرج المحتجون في أكتاو.")
    status, out, err = run(
        capsys, monkeypatch, good1, latin1, binary, tmp_path / "missing.txt", tmp_path, good2
    )
    assert status != 0
    assert [o["id"] for o in out] == [str(good1), str(good2)]
    lines = err.strip().splitlines()
    assert len(lines) == 4, err
    assert f"{latin1}:" in lines[0] and "UTF-8" in lines[0]
    assert f"{binary}:" in lines[1] and "binary" in lines[1]
    assert "missing.txt" in lines[2] and "no such file" in lines[2]
    assert str(tmp_path) in lines[3] and "folder" in lines[3]
    assert "Traceback" not in err


def test_bad_json_lines_are_named_by_line_and_the_others_still_printed(tmp_path, capsys, monkeypatch):
    f = jsonl(
        tmp_path / "batch.jsonl",
        {"id": "ok-1", "text": "قال مسؤول في ألماتي إن الوضع هادئ."},
        "[1, 2, 3]",
        '"just a string"',
        {"id": "no-text"},
        {"id": "num", "text": 42},
        "{not json",
        {"id": "bad-date", "text": "في أكتاو", "published": "2022-02-30"},
        {"id": "ok-2", "text": "خرج المحتجون في أكتاو."},
    )
    write(f, f.read_bytes() + b'{"id": "latin1", "text": "\xe9t\xe9"}\n')  # line 9: Latin-1 bytes
    status, out, err = run(capsys, monkeypatch, "--jsonl", f)
    assert status != 0
    assert [o["id"] for o in out] == ["ok-1", "ok-2"]
    expected = {
        2: "JSON object",
        3: "JSON object",
        4: '"text"',
        5: '"text"',
        6: "not JSON",
        7: "2022-02-30",
        9: "UTF-8",
    }
    lines = err.strip().splitlines()
    assert len(lines) == len(expected), err
    for line, (lineno, words) in zip(lines, expected.items(), strict=True):
        assert f"{f}:{lineno}:" in line and words in line


def test_a_50_mb_text_file_is_refused_by_name_without_reading_it_all(tmp_path, capsys, monkeypatch):
    big = tmp_path / "dump.txt"
    with big.open("wb") as fh:
        fh.write(("احتجاجات في ألماتي " * 1000).encode() * 1500)  # ≈ 50 MB
    assert big.stat().st_size > 45_000_000
    good = write(tmp_path / "good.txt", "وصل الجنود إلى ألماتي.")
    status, out, err = run(capsys, monkeypatch, big, good)
    assert status != 0
    assert [o["id"] for o in out] == [str(good)]
    assert str(big) in err and "MB" in err


def test_a_50_mb_json_line_is_read_only_in_part_with_a_warning(tmp_path, capsys, monkeypatch):
    filler = "كلام عادي بلا أماكن " * 2_600_000  # ≈ 50 MB of UTF-8
    f = jsonl(
        tmp_path / "big.jsonl",
        {"id": "huge", "text": "بدأ كل شيء في ألماتي. " + filler},
        {"id": "after", "text": "خرج المحتجون في أكتاو."},
    )
    assert f.stat().st_size > 45_000_000
    _, out, err = run(capsys, monkeypatch, "--jsonl", f)  # exit status: a partial read is only a warning
    assert [o["id"] for o in out] == ["huge", "after"]
    assert [p["name"] for p in out[0]["places"]] == ["Almaty"]
    assert "huge" in err and "only the first" in err
    assert "Traceback" not in err


# -- the real command in a fresh process --------------------------------------------------------------


def _command() -> list[str]:
    script = Path(sys.executable).with_name("csto-map")
    return [str(script)] if script.exists() else [sys.executable, "-m", "app.cli"]


def test_the_installed_command_reports_a_mixed_batch_without_a_traceback(tmp_path):
    good = write(tmp_path / "good.txt", "انتشرت القوات الروسية في ألماتي.")
    bad = write(tmp_path / "bad.txt", b"\xff\xfe\xfa not utf-8")
    lines = jsonl(tmp_path / "in.jsonl", {"id": "x", "text": "في أكتاو"}, "[]")
    first = subprocess.run(
        [*_command(), "extract", str(good), str(bad)], capture_output=True, cwd=REPO, timeout=300
    )
    second = subprocess.run(
        [*_command(), "extract", "--jsonl", "-"],
        input=lines.read_bytes(),
        capture_output=True,
        cwd=REPO,
        timeout=300,
    )
    for proc in (first, second):
        assert proc.returncode == 1, proc.stderr.decode()
        assert b"Traceback" not in proc.stderr
    assert [json.loads(x)["id"] for x in first.stdout.splitlines()] == [str(good)]
    assert f"{bad}: is not UTF-8".encode() in first.stderr
    assert [json.loads(x)["id"] for x in second.stdout.splitlines()] == ["x"]
    assert b"<stdin>:2:" in second.stderr
