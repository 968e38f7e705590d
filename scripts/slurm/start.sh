#!/usr/bin/env bash
# Starts a throwaway single-node Slurm cluster (controller + node daemon) in DIR, on its own ports, with no munge
# and no accounting database. For tests and benchmarks only: everything runs as root, auth is off.
# Usage: start.sh DIR [PORT_BASE]
#   PORT_BASE: the controller's port (the node daemon uses PORT_BASE+1); default: random in 20000-39999.
#   MLP_SLURM_CPUS: the CPU count the node announces (default: nproc). More than the machine has lets sleeping test
#   jobs run side by side (SlurmdParameters=config_overrides).
# Prints "export SLURM_CONF=DIR/slurm.conf" when the node is up. Stop the cluster with stop.sh DIR.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 DIR [PORT_BASE]" >&2; exit 2; }
PATH="$PATH:/usr/sbin:/sbin"
dir=$(realpath -m "$1")
base=${2:-$((20000 + RANDOM % 20000))}
case "$base" in ''|*[!0-9]*) echo "PORT_BASE must be a number, not '$base'" >&2; exit 2;; esac
cpus=${MLP_SLURM_CPUS:-$(nproc)}
case "$cpus" in ''|*[!0-9]*) echo "MLP_SLURM_CPUS must be a number, not '$cpus'" >&2; exit 2;; esac
host=$(hostname -s)
mkdir -p "$dir/state" "$dir/spool" "$dir/log"
cat > "$dir/slurm.conf" <<CONF
ClusterName=mlp
SlurmctldHost=$host
SlurmctldPort=$base
SlurmdPort=$((base + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/none
CredType=cred/none
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
ReturnToService=2
SlurmdParameters=config_overrides
SchedulerType=sched/backfill
SchedulerParameters=sched_min_interval=0,batch_sched_delay=0,bf_interval=1
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$dir/log/jobcomp.txt
MinJobAge=3600
MessageTimeout=5
KillWait=5
InactiveLimit=0
NodeName=$host CPUs=$cpus RealMemory=1000 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$dir/slurm.conf"
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 1 100); do
  if sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
    echo "export SLURM_CONF=$SLURM_CONF"
    exit 0
  fi
  sleep 0.1
done
echo "slurm did not come up within 10 s; see $dir/log" >&2
exit 1
