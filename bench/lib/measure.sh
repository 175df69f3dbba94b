# shellcheck shell=bash disable=SC2154  # results and measure_prefix are set by the caller
# Sourced by the bench scripts. measure NAME CMD...: runs CMD once under GNU time, keeps its output in
# $results/$measure_prefix-NAME.{out,err,time}, prints and appends to `summary` one line of wall, CPU (user + sys)
# and peak RSS, and sets cpu_NAME (dashes as underscores) for ratios.
# Needs: results (folder), measure_prefix; optional measure_width (name column, default 26).
summary=()
measure() {
  local name=$1; shift
  local base="$results/$measure_prefix-$name"
  /usr/bin/time -f "%e %U %S %M" -o "$base.time" "$@" > "$base.out" 2> "$base.err" || true
  local wall user sys rss cpu
  read -r wall user sys rss < <(tail -1 "$base.time")
  cpu=$(python3 -c "print(f'{$user + $sys:.2f}')")
  summary+=("$(printf "%-${measure_width:-26}s wall %7.2f s   CPU %7s s   peak RSS %5d MB" "$name" "$wall" "$cpu" $((rss / 1024)))")
  echo "${summary[-1]}"
  eval "cpu_${name//-/_}=$cpu"
}
