#!/usr/bin/env bash
# Measures Imagesmith's WIM engine against wimlib-imagex on the same files, in one run, and prints a Markdown
# table: for each compression (and LZMS solid resources), wimlib's capture, then apply by wimlib and by Imagesmith (MB/s of file data, and
# Imagesmith's speed as a ratio of wimlib's; each apply is the best of 3 runs, the two tools' runs taking turns, as
# the machine's other work makes single runs vary); then /Get-WimInfo on a WIM of 50,000 files, JVM start included.
# Applied trees are kept until a compression's runs are done, and the next compression waits 31 s after they are
# removed: for 30 s after a file's deletion ext4 does not reuse its inode and scans past it on every file creation,
# which would make the applies measure the previous run's deletion rather than the tools.
#
# Usage: releng/benchmarks/wim-benchmark.sh [corpus size in MB, default 300]
# Build first (./mvnw -DskipTests package). BENCHMARK_TMP=/dev/shm puts the corpus and the applied trees on tmpfs, so
# that the file system does not hide the engines. The corpus is copied from this machine's /usr (binaries, text,
# already-compressed .gz files) into a scratch folder that is removed at the end.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
imagesmith="$root/releng/bin/imagesmith"
size_mb="${1:-300}"
work=$(mktemp -d -p "${BENCHMARK_TMP:-${TMPDIR:-/tmp}}")  # BENCHMARK_TMP=/dev/shm measures on tmpfs
trap 'rm -rf "$work"' EXIT

seconds() { # run a command, print its wall time in seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
rate() { echo "scale=1; $1 / $2" | bc -l; }
least() { echo "if ($1 < $2) $1 else $2" | bc -l; }

# -- corpus: a third binaries, a third text, a third already-compressed, up to size_mb
corpus="$work/corpus"
mkdir -p "$corpus"
copy_until() { # $1 = find expression source, $2 = destination, $3 = MB
  local budget=$(( $3 * 1024 * 1024 )) used=0
  while IFS= read -r -d '' f; do
    case "$f" in *:*|*\\*) continue ;; esac  # names Windows cannot hold (Imagesmith refuses them as hostile)
    s=$(stat -c %s "$f")
    [ $(( used + s )) -gt "$budget" ] && break
    d="$2/${f#/}"
    mkdir -p "$(dirname "$d")"
    cp "$f" "$d" 2>/dev/null && used=$(( used + s ))
  done
}
third=$(( size_mb / 3 ))
copy_until - "$corpus/bin" "$third" < <(find /usr/lib /usr/bin -type f -size +4k -print0 2>/dev/null)
copy_until - "$corpus/text" "$third" < <(find /usr/share /usr/include -type f \( -name '*.h' -o -name '*.txt' -o -name '*.xml' -o -name '*.html' -o -name '*.py' -o -name '*.pl' \) -print0 2>/dev/null)
copy_until - "$corpus/packed" "$third" < <(find /usr/share -type f \( -name '*.gz' -o -name '*.jar' -o -name '*.zip' -o -name '*.png' \) -print0 2>/dev/null)
bytes=$(du -sb "$corpus" | cut -f1)
mb=$(echo "scale=1; $bytes / 1048576" | bc -l)
files=$(find "$corpus" -type f | wc -l)

echo "## WIM engine benchmark, $(date -u +%Y-%m-%d)"
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr);"
echo "$("$root/releng/bin/find-jdk" 17)/bin/java; $(wimlib-imagex --version | head -n 1)."
echo "Corpus: $mb MB in $files files (binaries, text and already-compressed files from /usr)."
echo
"$imagesmith" /? >/dev/null 2>&1  # records the launcher's startup cache once, outside the measured runs
echo "| compression | WIM size | wimlib capture MB/s | wimlib apply MB/s | Imagesmith apply MB/s | apply ratio (Imagesmith / wimlib) |"
echo "| --- | --- | --- | --- | --- | --- |"
for compression in none xpress lzx lzms solid; do
  wim="$work/$compression.wim"
  case "$compression" in
    solid) options=(--solid) ;;  # LZMS solid resources, as DISM's /Compress:recovery (ESD) writes them
    *) options=(--compress="$compression") ;;
  esac
  t_capture=$(seconds wimlib-imagex capture "$corpus" "$wim" bench "${options[@]}" --threads=2)
  t_wimlib=999999
  t_ours=999999
  for run in 1 2 3; do
    t_wimlib=$(least "$(seconds wimlib-imagex apply "$wim" 1 "$work/by-wimlib-$run")" "$t_wimlib")
    t_ours=$(least "$(seconds "$imagesmith" /Apply-Image /ImageFile:"$wim" /Index:1 /ApplyDir:"$work/by-imagesmith-$run")" "$t_ours")
    diff -r "$work/by-wimlib-$run" "$work/by-imagesmith-$run" >/dev/null || { echo "the two applies differ for $compression" >&2; exit 1; }
  done
  rm -rf "$work"/by-wimlib-* "$work"/by-imagesmith-*
  sleep 31
  echo "| $compression | $(( $(stat -c %s "$wim") / 1048576 )) MB | $(rate "$mb" "$t_capture") | $(rate "$mb" "$t_wimlib") | $(rate "$mb" "$t_ours") | $(echo "scale=2; $t_wimlib / $t_ours" | bc -l) |"
  rm -f "$wim"
done

# -- /Get-WimInfo on a WIM of 50,000 files (target: under 0.5 s, JVM start included)
many="$work/many"
mkdir -p "$many"
for d in $(seq 1 100); do
  mkdir -p "$many/d$d"
  for f in $(seq 1 500); do echo "$d $f" > "$many/d$d/f$f.txt"; done
done
wimlib-imagex capture "$many" "$work/many.wim" many --compress=lzx >/dev/null
best=999
for _ in 1 2 3 4 5; do
  t=$(seconds "$imagesmith" /Get-WimInfo /WimFile:"$work/many.wim" /Index:1)
  best=$(echo "if ($t < $best) $t else $best" | bc -l)
done
echo
echo "/Get-WimInfo /Index:1 on a WIM of 50,000 files: best of 5 runs $(printf '%.3f' "$best") s (JVM start included; target < 0.5 s)."
