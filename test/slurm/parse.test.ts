// What the Slurm tools print, parsed: sbatch --parsable, squeue, scontrol show job -o, the jobcomp/filetxt log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJobcomp, parseKeyValueLine, parseSbatchParsable, parseScontrolJobs, parseSlurmTime, parseSqueue } from '../../src/core/runs/slurm/parse';

// Lines as Slurm 22.05 prints them (from the test cluster), shortened where the middle does not matter.
const SCONTROL_FAILED = 'JobId=1 JobName=a b UserId=root(0) GroupId=root(0) MCS_label=N/A Priority=4294901759 Nice=0 Account=(null) QOS=(null) JobState=FAILED Reason=NonZeroExitCode Dependency=(null) Requeue=1 Restarts=0 BatchFlag=1 Reboot=0 ExitCode=4:0 RunTime=00:00:03 TimeLimit=365-00:00:00 TimeMin=N/A SubmitTime=2026-12-01T20:56:35 EligibleTime=2026-12-01T20:56:35 AccrueTime=2026-12-01T20:56:35 StartTime=2026-12-01T20:56:36 EndTime=2026-12-01T20:56:39 Deadline=N/A NodeList=vm BatchHost=vm NumNodes=1 NumCPUs=1 TRES=cpu=1,node=1,billing=1 Command=(null) WorkDir=/tmp/my work StdErr=/tmp/my work/o.txt StdIn=/dev/null StdOut=/tmp/my work/o.txt Power= ';
const SCONTROL_PENDING = 'JobId=12 JobName=mlp-20260101-000000-abcdef UserId=root(0) JobState=PENDING Reason=Resources ExitCode=0:0 StartTime=Unknown EndTime=Unknown Partition=debug';
const JOBCOMP = `JobId=1 UserId=root(0) GroupId=root(0) Name=a b JobState=FAILED Partition=debug TimeLimit=525600 StartTime=2026-12-01T20:56:36 EndTime=2026-12-01T20:56:39 NodeList=vm NodeCnt=1 ProcCnt=1 WorkDir=/tmp/slp1 ReservationName= Tres=cpu=1,mem=1000M,node=1,billing=1 Account= QOS= WcKey= Cluster=unknown SubmitTime=2026-12-01T20:56:35 EligibleTime=2026-12-01T20:56:35 DerivedExitCode=0:0 ExitCode=4:0 
JobId=2 UserId=root(0) GroupId=root(0) Name=wrap JobState=CANCELLED Partition=debug TimeLimit=525600 StartTime=2026-12-01T20:56:36 EndTime=2026-12-01T20:56:40 NodeList=vm NodeCnt=1 ProcCnt=1 WorkDir=/tmp/slp1 ReservationName= Tres=cpu=1 Account= QOS= WcKey= Cluster=unknown SubmitTime=2026-12-01T20:56:35 EligibleTime=2026-12-01T20:56:35 DerivedExitCode=0:0 ExitCode=0:0 
JobId=3 UserId=root(0) Name=x JobState=NODE_FAIL ExitCode=0:0 
JobId=3 UserId=root(0) Name=x JobState=COMPLETED ExitCode=0:0 
`;

test('sbatch --parsable: ID or ID;cluster', () => {
  assert.deepEqual(parseSbatchParsable('42\n'), { jobId: '42' });
  assert.deepEqual(parseSbatchParsable('42;gpu-cluster\n'), { jobId: '42', cluster: 'gpu-cluster' });
  assert.deepEqual(parseSbatchParsable('sbatch: warning: something\n77\n'), { jobId: '77' });
  assert.throws(() => parseSbatchParsable('Submitted batch job\n'), /no job id/);
  assert.throws(() => parseSbatchParsable(''), /no job id/);
});

test('squeue -h -o %i|%T: id -> state, blank and odd lines ignored', () => {
  const m = parseSqueue('12|PENDING\n13|RUNNING\n\n 14|completing \ngarbage\n');
  assert.deepEqual([...m], [['12', 'PENDING'], ['13', 'RUNNING'], ['14', 'COMPLETING']]);
  assert.equal(parseSqueue('').size, 0);
});

test('Key=Value lines: values with spaces continue to the next key', () => {
  const f = parseKeyValueLine(SCONTROL_FAILED);
  assert.equal(f.JobName, 'a b');
  assert.equal(f.WorkDir, '/tmp/my work');
  assert.equal(f.StdOut, '/tmp/my work/o.txt');
  assert.equal(f.TRES, 'cpu=1,node=1,billing=1');
  assert.equal(f.Power, '');
  assert.equal(f['AllocNode:Sid'], undefined);
  assert.equal(parseKeyValueLine('A=1 AllocNode:Sid=vm:6412 B=2')['AllocNode:Sid'], 'vm:6412');
});

test('scontrol show job -o: state, exit code, reason, times', () => {
  const [failed] = parseScontrolJobs(SCONTROL_FAILED);
  assert.deepEqual(failed, {
    jobId: '1', state: 'FAILED', exitCode: { code: 4, signal: 0 }, reason: 'NonZeroExitCode',
    startTime: '2026-12-01T20:56:36', endTime: '2026-12-01T20:56:39', name: 'a b',
  });
  const [pending] = parseScontrolJobs(`${SCONTROL_PENDING}\n`);
  assert.equal(pending.state, 'PENDING');
  assert.equal(pending.startTime, 'Unknown');
  assert.equal(parseSlurmTime(pending.startTime), undefined);
  assert.deepEqual(parseScontrolJobs('slurm_load_jobs error: Invalid job id specified\n'), []);
  assert.equal(parseScontrolJobs('JobId=5 JobState=CANCELLED by 0 ExitCode=0:15')[0].state, 'CANCELLED');
});

test('jobcomp/filetxt: one line per finished job, the last line of a requeued job wins', () => {
  const m = parseJobcomp(JOBCOMP);
  assert.deepEqual([...m.keys()], ['1', '2', '3']);
  assert.equal(m.get('1')?.state, 'FAILED');
  assert.deepEqual(m.get('1')?.exitCode, { code: 4, signal: 0 });
  assert.equal(m.get('1')?.name, 'a b');
  assert.equal(m.get('2')?.state, 'CANCELLED');
  assert.equal(m.get('3')?.state, 'COMPLETED');
});

test('Slurm times are local times without a zone', () => {
  const d = parseSlurmTime('2026-12-01T20:56:36');
  assert.ok(d);
  assert.deepEqual([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()], [2026, 11, 1, 20, 56, 36]);
  assert.equal(parseSlurmTime('Unknown'), undefined);
  assert.equal(parseSlurmTime(undefined), undefined);
});
