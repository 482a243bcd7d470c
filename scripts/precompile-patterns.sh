#!/usr/bin/env bash
# Regenerates src/Readout.Core/Lexicons/PrecompiledPatterns.g.cs: every pattern the shipped pipeline compiles, as C#
# for the regex source generator, so that the process does not compile them when it starts. Run it after editing a
# lexicon file (data/lexicons) or a pattern in the code, then rebuild; the test
# Issue13_the_precompiled_patterns_are_the_shipped_pipelines fails until then. Two builds: the first finds the
# patterns, the second checks the file it wrote.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
filter=(--filter "FullyQualifiedName~PrecompiledPatternsTests.Issue13_the_precompiled_patterns_are_the_shipped_pipelines")
READOUT_WRITE_PRECOMPILED=1 dotnet test tests/Readout.Tests --nologo "${filter[@]}"
dotnet test tests/Readout.Tests --nologo "${filter[@]}"
git status --short src/Readout.Core/Lexicons/PrecompiledPatterns.g.cs
