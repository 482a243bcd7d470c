#!/usr/bin/env bash
# Regenerates the record snapshots of tests/Readout.Tests/EndToEnd/Issue13RecordSnapshotTests.cs (seeds + dev,
# and ../shared/corpus/real, as one TSV line per exported record) from the code as it is now. Run it only when a
# change of the records is intended, and read the diff of tests/Readout.Tests/EndToEnd/Snapshots/ before committing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
READOUT_UPDATE_SNAPSHOTS=1 dotnet test tests/Readout.Tests/Readout.Tests.csproj --nologo \
  --filter "FullyQualifiedName~Issue13RecordSnapshotTests" "$@"
git --no-pager diff --stat -- tests/Readout.Tests/EndToEnd/Snapshots/ || true
