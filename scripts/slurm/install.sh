#!/usr/bin/env bash
# Installs the Slurm daemons and client tools (Debian packages) when they are missing; does nothing when present.
# Needs root (apt-get). Used by the Slurm tests on a fresh machine, e.g. in CI.
set -euo pipefail
missing=0
for tool in slurmctld slurmd sbatch squeue scontrol scancel; do
  command -v "$tool" >/dev/null 2>&1 || PATH="$PATH:/usr/sbin:/sbin" command -v "$tool" >/dev/null 2>&1 || missing=1
done
if [ "$missing" = 0 ]; then
  echo "slurm: already installed (slurm-client $(dpkg-query -W -f='${Version}' slurm-client 2>/dev/null || echo 'of unknown version'))"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "slurm: not installed, and installing it needs root: apt-get install -y slurmctld slurmd slurm-client" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends slurmctld slurmd slurm-client
echo "slurm: installed (slurm-client $(dpkg-query -W -f='${Version}' slurm-client))"
