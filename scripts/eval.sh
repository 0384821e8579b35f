#!/usr/bin/env bash
# Measures dyad against the development gold sets of the evaluation kit (../shared/eval, research data
# that is not part of this repository): strips each gold file to bare input, codes it, and scores it.
# Usage: scripts/eval.sh [seed|polnear-dev|polnear-train|tbaq|conflibert|conflibert-actors|all]   (default: all)
# DYAD_STAGES=text,timex scripts/eval.sh tbaq    measures a checked subset of the pipeline (one stage alone).
set -euo pipefail
cd "$(dirname "$0")/.."
kit=${DYAD_EVAL_KIT:-../shared/eval}
[ -d "$kit" ] || { echo "evaluation kit not found at $kit (set DYAD_EVAL_KIT)" >&2; exit 2; }
out=${DYAD_EVAL_OUT:-/tmp/dyad-eval}
mkdir -p "$out"
go build -o "$out/dyad" ./cmd/dyad
run() { # name gold-file
  local name=$1 gold=$kit/data/$2
  python3 "$kit/strip.py" "$gold" > "$out/$name.in.jsonl"
  "$out/dyad" code ${DYAD_STAGES:+--stages "$DYAD_STAGES"} "$out/$name.in.jsonl" > "$out/$name.pred.jsonl" || true
  echo "== $name ($2)"
  python3 "$kit/score.py" --gold "$gold" --pred "$out/$name.pred.jsonl"
}
what=${1:-all}
case $what in seed|all) run seed seed.jsonl ;; esac
case $what in polnear-dev|all) run polnear-dev polnear-dev.jsonl ;; esac
case $what in polnear-train) run polnear-train polnear-train.jsonl ;; esac
case $what in tbaq|all) run tbaq tbaq-timex.jsonl ;; esac
case $what in conflibert|all) run conflibert conflibert-train.jsonl ;; esac
case $what in conflibert-actors|all) run conflibert-actors conflibert-actors-train.jsonl ;; esac
