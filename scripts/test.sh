#!/usr/bin/env bash
# The test command (README.md): formatting, vet, and every test. Tests that need PostgreSQL run when
# DYAD_TEST_POSTGRES holds a URL (.ci/run starts a server and sets it), and skip otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change: $unformatted" >&2
  exit 1
fi
go vet ./...
go test -count=1 ./...
