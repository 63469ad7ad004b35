#!/usr/bin/env bash
# Score `csto-map extract` on a gold file whose records carry their own text (id, text, published).
#   bash scripts/score_dev.sh PATH/TO/score.py GOLD.json [score.py options]
set -euo pipefail
cd "$(dirname "$0")/.."
score=$1 gold=$2
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
.venv/bin/python - "$gold" > "$tmp/in.jsonl" <<'PY'
import json, sys
for a in json.load(open(sys.argv[1], encoding="utf-8")):
    print(json.dumps({"id": a["id"], "text": a["text"], "published": a.get("published")}, ensure_ascii=False))
PY
.venv/bin/csto-map extract --jsonl "$tmp/in.jsonl" > "$tmp/pred.jsonl"
python3 "$score" "$gold" "$tmp/pred.jsonl" "$@"
