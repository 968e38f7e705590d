#!/usr/bin/env bash
# Stops the daemons that start.sh started in DIR, by their pid files only (other clusters may run on this
# machine), and waits up to 10 s for them to exit. Usage: stop.sh DIR
set -uo pipefail
[ $# -ge 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
dir=$(realpath -m "$1")
pids=()
for name in slurmd slurmctld; do
  f="$dir/$name.pid"
  [ -f "$f" ] || continue
  pid=$(tr -dc 0-9 < "$f")
  [ -n "$pid" ] || continue
  kill "$pid" 2>/dev/null && pids+=("$pid")
done
for _ in $(seq 1 100); do
  alive=0
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
  [ "$alive" = 0 ] && exit 0
  sleep 0.1
done
echo "slurm daemons in $dir still running after 10 s: ${pids[*]}" >&2
exit 1
