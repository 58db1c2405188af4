#!/usr/bin/env bash
# Runs the unit tests from a copy of the repository that has nothing beside it: the files git tracks or would track
# (`git ls-files`: uncommitted edits and new files included, ignored ones not) copied into a fresh temporary folder,
# node_modules linked. A test or script that reads
# a file outside the repository (a sibling folder of the checkout) fails here even when the developer's checkout has
# one beside it.
# Extra arguments go to jest (e.g. a path pattern).
set -euo pipefail
cd "$(dirname "$0")/.."

parent="$(mktemp -d)"
trap 'rm -rf "$parent"' EXIT
copy="$parent/zhengjian"
mkdir "$copy"
# Tracked files that still exist (a deleted but not yet committed file is left out, as a commit would leave it).
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' file; do
  if [ -e "$file" ]; then printf '%s\0' "$file"; fi
done | xargs -0 cp --parents -t "$copy"
ln -s "$PWD/node_modules" "$copy/node_modules"
echo "unit tests in a standalone copy: $copy"
cd "$copy"
npx jest "$@" --selectProjects unit
