"""Ingest: files, folders and JSON Lines in; versions, idempotence, bad input, crashes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import fake_extract

from app import cli
from geo.errors import InputError
from geo.settings import REPO_ROOT
from geo.store.db import open_store
from geo.store.ingest import ensure_seeded, ingest_paths, ingest_text


def _ingest(store, *paths, **kw):
    problems, notes = [], []
    summary = ingest_paths(
        store, paths, extractor=fake_extract, on_problem=problems.append, on_note=notes.append, **kw
    )
    return summary, [str(p) for p in problems], notes


def _jsonl(path: Path, *objs) -> Path:
    path.write_text(
        "\n".join(o if isinstance(o, str) else json.dumps(o, ensure_ascii=False) for o in objs) + "\n"
    )
    return path


def test_folder_of_text_and_jsonl_files(store, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "one.txt").write_text("خبر ألماتي\n@event riot 2022-01-05 KZ\n", encoding="utf-8")
    (tmp_path / "sub" / "two.txt").write_text("خبر روسيا\n@troop RU 3000 sent 2022-01-06\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article")
    _jsonl(
        tmp_path / "sub" / "more.jsonl",
        {"id": "j1", "text": "نص\n@event protest 2022-01-04 KZ", "published": "2022-01-05"},
    )
    summary, problems, _ = _ingest(store, tmp_path)
    assert problems == []
    assert summary.as_dict() == {
        "new": 3, "unchanged": 0, "versions": 0, "failed": 0, "places": 2, "events": 2, "troops": 1,
    }  # fmt: skip
    docs = {d.id: d for d in store.documents()}
    assert set(docs) == {"one.txt", "two.txt", "j1"}
    assert docs["j1"].published == "2022-01-05"
    assert docs["two.txt"].source.endswith("sub/two.txt")


def test_rerun_is_idempotent_and_changed_text_is_a_new_version(store, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("نص أول\n@event riot 2022-01-05 KZ\n", encoding="utf-8")
    _ingest(store, article)
    summary, _, _ = _ingest(store, article)
    assert (summary.new, summary.unchanged) == (0, 1)
    article.write_text("نص ثان\n@event protest 2022-01-06 KZ\n", encoding="utf-8")
    summary, _, _ = _ingest(store, article)
    assert summary.versions == 1
    assert store.versions("a.txt") == [1, 2]
    assert [e.type for e in store.events()] == ["protest"]


def test_duplicate_id_with_different_text_in_one_batch_becomes_versions(store, tmp_path):
    lines = _jsonl(tmp_path / "b.jsonl", {"id": "x", "text": "الأول"}, {"id": "x", "text": "الثاني"})
    summary, problems, notes = _ingest(store, lines)
    assert (summary.new, summary.versions, problems) == (1, 1, [])
    assert (
        len(notes) == 1 and "b.jsonl:2" in notes[0] and "b.jsonl:1" in notes[0] and "new version" in notes[0]
    )
    assert store.document_text("x") == "الثاني"


def test_bad_json_lines_are_named_and_the_rest_is_kept(store, tmp_path):
    lines = _jsonl(
        tmp_path / "b.jsonl",
        {"id": "good1", "text": "نص"},
        "[1, 2]",
        "{not json",
        {"id": "no-text"},
        {"id": "blank", "text": "   "},
        {"id": "bad-date", "text": "نص آخر", "published": "5 Jan"},
        {"id": "good2", "text": "نص ثالث"},
    )
    summary, problems, _ = _ingest(store, lines)
    assert summary.new == 2 and summary.failed == 5
    where = [p.split(": ", 1)[0].rsplit(":", 1)[1] for p in problems]
    assert where == ["2", "3", "4", "5", "6"]
    assert "expected an object" in problems[0] and "not JSON" in problems[1]
    assert '"text"' in problems[2] and '"published"' in problems[4]
    assert {d.id for d in store.documents()} == {"good1", "good2"}


def test_unreadable_inputs_are_named(store, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("نص سليم", encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\xe9".encode("latin-1"))
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    locked = tmp_path / "locked.txt"
    locked.write_text("سر", encoding="utf-8")
    locked.chmod(0)
    empty = tmp_path / "empty_dir"
    empty.mkdir()
    paths = [latin, tmp_path / "missing.txt", Path("/dev/zero"), loop, empty, locked, good]
    summary, problems, _ = _ingest(store, *paths)
    text = "\n".join(problems)
    assert f"{latin}: not UTF-8" in text
    assert f"{tmp_path / 'missing.txt'}: no such file" in text
    assert "/dev/zero: not a regular file" in text
    assert f"{loop}: symbolic link loop" in text
    assert f"{empty}: folder holds no .txt or .jsonl files" in text
    if os.geteuid() != 0:  # root reads anything
        assert f"{locked}: permission denied" in text
    assert summary.new >= 1 and store.document_text("good.txt") == "نص سليم"


def test_folder_symlink_loop_is_reported_once(store, tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("نص", encoding="utf-8")
    (tmp_path / "d" / "back").symlink_to(tmp_path / "d")
    summary, problems, _ = _ingest(store, tmp_path)
    assert summary.new == 1
    assert problems == [
        f"{tmp_path / 'd' / 'back'}: symbolic link loop (leads back to a folder above it); skipped"
    ]


def test_extractor_failure_costs_one_document(store, tmp_path):
    def fragile(text, *, doc_id, published=None):
        if "boom" in text:
            raise IndexError("list index out of range")
        return fake_extract(text, doc_id=doc_id, published=published)

    (tmp_path / "a.txt").write_text("boom", encoding="utf-8")
    (tmp_path / "b.txt").write_text("fine", encoding="utf-8")
    problems = []
    summary = ingest_paths(store, [tmp_path], extractor=fragile, on_problem=problems.append)
    assert (summary.new, summary.failed) == (1, 1)
    assert "a.txt: extraction failed: IndexError" in str(problems[0])
    assert [d.id for d in store.documents()] == ["b.txt"]


def test_ingest_text_accepts_a_url_and_rejects_empty_text(store_url):
    result = ingest_text(store_url, "نص ألماتي", doc_id="upload-1", source="upload", extractor=fake_extract)
    assert (result.status, result.version, result.places) == ("new", 1, 1)
    with pytest.raises(InputError, match="upload-2"):
        ingest_text(store_url, "  \n", doc_id="upload-2", extractor=fake_extract)


def test_ensure_seeded_only_fills_an_empty_store(store):
    first = ensure_seeded(store, REPO_ROOT / "seeds", extractor=fake_extract)
    assert first.new == 5 and store.counts()["documents"] == 5
    assert ensure_seeded(store, REPO_ROOT / "seeds", extractor=fake_extract) is None


# -- the command -------------------------------------------------------------------------


@pytest.fixture
def run_cli(monkeypatch, capsys):
    monkeypatch.setattr(cli, "COMMANDS", ("ingest", "stats"))
    monkeypatch.setattr("geo.store.ingest._default_extractor", lambda: fake_extract)

    def run(*argv):
        code = cli.main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_cli_ingest_summary_stats_and_exit_status(run_cli, store_url, tmp_path):
    (tmp_path / "a.txt").write_text("خبر ألماتي\n@event riot 2022-01-05 KZ\n", encoding="utf-8")
    code, out, err = run_cli("--db", store_url, "ingest", str(tmp_path))
    assert (code, err) == (0, "")
    assert "1 new, 0 unchanged, 0 new versions, 0 failed" in out and "1 events" in out
    code, out, _ = run_cli("--db", store_url, "stats", "--json")
    assert json.loads(out) == {"documents": 1, "places": 1, "events": 1, "troops": 0}
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe")
    code, out, err = run_cli("--db", store_url, "ingest", str(tmp_path))
    assert code == 1
    assert f"{tmp_path / 'bad.txt'}: not UTF-8" in err and "Traceback" not in err
    assert "1 unchanged" in out and "1 failed" in out


def test_cli_bad_published_option(run_cli, store_url, tmp_path):
    code, _, err = run_cli("--db", store_url, "ingest", "--published", "Jan 5", str(tmp_path))
    assert code == 1 and "--published: 'Jan 5' is not a date YYYY-MM-DD" in err


# -- kill -9 in the middle of a batch ------------------------------------------------------

_SLOW_INGEST = textwrap.dedent(
    """
    import sys, time
    from geo.model import Event, Extraction
    from geo.store.db import open_store
    from geo.store.ingest import ingest_paths

    def slow(text, *, doc_id, published=None):
        time.sleep(0.02)
        return Extraction(id=doc_id, published=published,
                          events=(Event(type="riot", place=None, date="2022-01-05", evidence=text),))

    with open_store(sys.argv[1]) as store:
        print(ingest_paths(store, [sys.argv[2]], extractor=slow))
    """
)


def test_kill_9_mid_ingest_leaves_a_consistent_store(store_url, tmp_path):
    n = 150
    batch = _jsonl(tmp_path / "batch.jsonl", *({"id": f"d{i}", "text": f"نص رقم {i}"} for i in range(n)))
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_INGEST, store_url, str(batch)], env=env)
    with open_store(store_url) as store:
        deadline = time.monotonic() + 60
        while store.counts()["documents"] < 10 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        partial = store.counts()
        assert 10 <= partial["documents"] < n, "the ingest was not killed mid-batch"
        assert partial["events"] == partial["documents"]  # each document came with its claims, or not at all
        if store.dialect == "sqlite":
            with store.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        summary = ingest_paths(store, [batch], extractor=fake_extract)
        assert (summary.unchanged, summary.new, summary.failed) == (
            partial["documents"],
            n - partial["documents"],
            0,
        )
        assert store.counts()["documents"] == n
        assert sorted(d.id for d in store.documents()) == sorted(f"d{i}" for i in range(n))
        assert all(store.versions(f"d{i}") == [1] for i in (0, n - 1))
