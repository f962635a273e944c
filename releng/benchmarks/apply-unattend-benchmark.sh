#!/usr/bin/env bash
# Measures /Apply-Unattend straight on an image of a WIM file (imagesmith /WimFile:F /Index:1 /Apply-Unattend:A)
# against the way DISM does it, mount + apply + commit (/Mount-Wim, /Image:DIR /Apply-Unattend, /Unmount-Wim /Commit),
# on the same LZX WIM of a synthetic Windows 7 SP1 x64 image made several hundred MB large with files from /usr
# (ServicingBenchmarkFixture, in the test support bundle). The answer file installs an update, enables a feature,
# adds a driver and sets the computer name. Each way runs on its own copy of the WIM, best of 3; both results are
# checked: wimlib-imagex verify, and the package listing of each equals the other's.
#
# Usage: releng/benchmarks/apply-unattend-benchmark.sh [MB of filler, default 400]
# Build first (./mvnw -DskipTests verify).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
imagesmith="$root/releng/bin/imagesmith"
filler_mb="${1:-400}"
java="$("$root/releng/bin/find-jdk" 21)/bin/java"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_STATE_HOME="$work/state"   # the mount records of this run only

classpath="$root/tests/org.imagesmith.testsupport/target/classes"
for name in org.imagesmith.cab org.imagesmith.registry; do
  classpath="$classpath:$root/bundles/$name/target/classes"
done
for jar in "$root"/bundles/org.imagesmith.cli/target/lib/bc*.jar; do classpath="$classpath:$jar"; done
# the fixture signs its driver's catalog with BouncyCastle's PKIX part, which the engine itself does not need
bcpkix="${MAVEN_REPOSITORY:-$HOME/.m2/repository}/org/bouncycastle/bcpkix-jdk18on/1.82/bcpkix-jdk18on-1.82.jar"
[ -f "$bcpkix" ] || { echo "missing $bcpkix: build the project once (./mvnw verify) to fetch it" >&2; exit 1; }
classpath="$classpath:$bcpkix"
[ -d "$root/tests/org.imagesmith.testsupport/target/classes" ] || { echo "build first: ./mvnw -DskipTests verify" >&2; exit 1; }

"$java" -cp "$classpath" org.imagesmith.testsupport.ServicingBenchmarkFixture "$work/fixture" "$filler_mb" >/dev/null
wimlib-imagex capture "$work/fixture/image" "$work/install.wim" "Windows 7 PROFESSIONAL" --compress=lzx --threads=2 >/dev/null
image_mb=$(( $(du -sb "$work/fixture/image" | cut -f1) / 1048576 ))
files=$(find "$work/fixture/image" -type f | wc -l)
wim_mb=$(( $(stat -c %s "$work/install.wim") / 1048576 ))
rm -rf "$work/fixture/image"
answer="$work/fixture/config/unattend.xml"

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); echo "$end - $start" | bc -l; }
least() { echo "if ($1 < $2) $1 else $2" | bc -l; }

direct() {
  "$imagesmith" /WimFile:"$1" /Index:1 /Apply-Unattend:"$answer" /LogPath:"$work/direct.log" /ScratchDir:"$work"
}
mounted() {
  mkdir -p "$work/mount"
  "$imagesmith" /Mount-Wim /WimFile:"$1" /Index:1 /MountDir:"$work/mount" &&
  "$imagesmith" /Image:"$work/mount" /Apply-Unattend:"$answer" /LogPath:"$work/mounted.log" &&
  "$imagesmith" /Unmount-Wim /MountDir:"$work/mount" /Commit
}

t_direct=999999
t_mounted=999999
for run in 1 2 3; do
  cp "$work/install.wim" "$work/direct.wim"
  cp "$work/install.wim" "$work/mounted.wim"
  sync
  t_direct=$(least "$(seconds direct "$work/direct.wim")" "$t_direct")
  t_mounted=$(least "$(seconds mounted "$work/mounted.wim")" "$t_mounted")
done
wimlib-imagex verify "$work/direct.wim" >/dev/null
wimlib-imagex verify "$work/mounted.wim" >/dev/null
packages() { "$imagesmith" /WimFile:"$1" /Index:1 /Get-Packages /Format:Table /LogPath:"$work/list.log" | grep '~'; }
diff <(packages "$work/direct.wim") <(packages "$work/mounted.wim") >/dev/null || { echo "the two results differ" >&2; exit 1; }
packages "$work/direct.wim" | grep -q KB2533623 || { echo "the update was not installed" >&2; exit 1; }

echo "## /Apply-Unattend benchmark, $(date -u +%Y-%m-%d)"
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); $java."
echo "Image: $image_mb MB in $files files, LZX WIM of $wim_mb MB. Best of 3 runs, JVM starts included."
echo
echo "| way | time | grown by |"
echo "| --- | --- | --- |"
echo "| /WimFile /Index /Apply-Unattend (in place) | $(printf '%.2f' "$t_direct") s | $(( ($(stat -c %s "$work/direct.wim") - $(stat -c %s "$work/install.wim")) / 1024 )) KB |"
echo "| /Mount-Wim + /Image /Apply-Unattend + /Unmount-Wim /Commit | $(printf '%.2f' "$t_mounted") s | $(( ($(stat -c %s "$work/mounted.wim") - $(stat -c %s "$work/install.wim")) / 1024 )) KB |"
echo
echo "In place is $(echo "scale=1; $t_mounted / $t_direct" | bc -l) times faster."
