#!/usr/bin/env bash
# Figures on the code's structure for issue 12, read from the source tree (no build needed).
# Usage: docs/measure-structure.sh [repository root]   (default: the root this script sits in)
set -euo pipefail
root=${1:-"$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"}
cd "$root"
modules=(graph-model ingest analytics api web)

main_java() { # the main Java files of a module (or of all), one per line
    local dirs=()
    for m in "$@"; do [[ -d $m/src/main/java ]] && dirs+=("$m/src/main/java"); done
    ((${#dirs[@]})) && find "${dirs[@]}" -name '*.java' -type f | sort
}

# occurrences of a fixed string in main code: "<occurrences> <files>"
count() {
    local pattern=$1; shift
    local files
    files=$(main_java "$@")
    [[ -z $files ]] && { echo "0 0"; return; }
    local occurrences nfiles
    occurrences=$(xargs grep -oF -- "$pattern" <<<"$files" | wc -l || true)
    nfiles=$(xargs grep -lF -- "$pattern" <<<"$files" | wc -l || true)
    echo "$((occurrences)) $((nfiles))"
}

echo "Structure figures for $(git rev-parse --abbrev-ref HEAD 2>/dev/null || echo '?') @ $(git rev-parse --short HEAD 2>/dev/null || echo '?') (main code only)"
echo

echo "Map<String, Object> occurrences (\"Map<String, Object>\" or \"Map<String,Object>\"):"
printf '  %-12s %8s %6s\n' module occurrences files
total_o=0; total_f=0
for m in "${modules[@]}"; do
    files=$(main_java "$m")
    [[ -z $files ]] && continue
    o=$(xargs grep -oE 'Map<String, ?Object>' <<<"$files" | wc -l || true)
    f=$(xargs grep -lE 'Map<String, ?Object>' <<<"$files" | wc -l || true)
    printf '  %-12s %8d %6d\n' "$m" "$o" "$f"
    total_o=$((total_o + o)); total_f=$((total_f + f))
done
printf '  %-12s %8d %6d\n' total "$total_o" "$total_f"
echo

read -r o f < <(count '@SuppressWarnings("unchecked")' "${modules[@]}")
echo "@SuppressWarnings(\"unchecked\"): $o in $f files"
read -r o f < <(count 'store.driver().session(' "${modules[@]}")
echo "store.driver().session(: $o in $f files"
echo

echo "The 10 largest main Java files (lines):"
main_java "${modules[@]}" | xargs wc -l | grep -v ' total$' | sort -rn | head -10 | awk '{printf "  %6d  %s\n", $1, $2}'
echo

# A class "uses ApiException" when it throws or constructs one: `new ApiException…(` (the class or a nested kind).
files=$(main_java "${modules[@]}")
users=$(xargs grep -lE 'new ApiException(\.[A-Za-z]+)?\(' <<<"$files" || true)
n=$(grep -c . <<<"$users" || true)
sites=$(xargs grep -oE 'new ApiException(\.[A-Za-z]+)?\(' <<<"$files" | wc -l || true)
echo "Classes (files) that construct/throw ApiException: $n ($((sites)) construction sites)"
if [[ -n $users ]]; then
    while read -r file; do
        printf '  %4d  %s\n' "$(grep -cE 'new ApiException(\.[A-Za-z]+)?\(' "$file")" "$file"
    done <<<"$users" | sort -rn
fi
