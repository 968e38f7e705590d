// Tricky and hostile command templates: where a variable may stand follows the POSIX shell grammar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { substituteCommand, type CommandVariables } from '../../../src/core/runs/substitute';

const V: CommandVariables = { candidate: 'knn', runId: 'r1', runDir: '/ws/r', metricsFile: '/ws/m.json', workspaceFolder: '/ws', seed: '0' };
const sub = (template: string, env: Record<string, string> = {}): string => substituteCommand(template, V, env);
const sh = (command: string): string => execFileSync('/bin/sh', ['-c', command], { encoding: 'utf8' });

test('a quote inside a # comment neither refuses nor unquotes a later variable', () => {
  assert.equal(sub("# don't change the seed\necho ${candidate}"), "# don't change the seed\necho 'knn'");
  assert.equal(sub('echo a # say "hi\necho ${candidate}'), 'echo a # say "hi\necho \'knn\'');
  assert.equal(sh(sub("# don't\necho ${candidate} # it's \"fine\"")), 'knn\n');
});

test('# starts a comment only at the start of a word; a variable in a comment is left as written', () => {
  assert.equal(sub('echo a#b ${candidate}'), "echo a#b 'knn'");
  assert.equal(sub('echo ${candidate}#x'), "echo 'knn'#x");
  assert.equal(sub('echo \\# ${candidate}'), "echo \\# 'knn'");
  assert.equal(sub('echo x;# ${candidate} and ${unknown}'), 'echo x;# ${candidate} and ${unknown}');
  assert.equal(sh(sub('echo a#b ${candidate}')), 'a#b knn\n');
});

test('here-documents: a variable can never be placed inside a body, whatever the delimiter', () => {
  for (const op of ['<<EOF', "<<'EOF'", '<<"EOF"', '<<\\EOF', '<< EOF', '<<E"O"F']) {
    assert.throws(() => sub(`cat ${op}\nhello \${candidate}\nEOF\n`), /\$\{candidate\} is inside the here-document <<EOF/, op);
  }
  assert.throws(() => sub('cat <<-EOF\n\thello\n\t${candidate}\n\tEOF\n'), /inside the here-document/);
  // the body ends only at its delimiter line: text after it is plain again
  assert.equal(sub("cat <<'EOF'\nit's \"quoted\" $(not run)\nEOF\necho ${candidate}"), "cat <<'EOF'\nit's \"quoted\" $(not run)\nEOF\necho 'knn'");
  assert.equal(sub('cat <<-EOF\n\tbody\n\t\tEOF\necho ${candidate}'), "cat <<-EOF\n\tbody\n\t\tEOF\necho 'knn'");
  // a line that only starts with the delimiter, or is indented without <<-, does not end the body
  assert.throws(() => sub('cat <<EOF\nEOFx\n EOF\n${candidate}\nEOF\n'), /inside the here-document/);
  // in an unquoted body a backslash-newline joins lines, so "EOF" after it does not end the body
  assert.throws(() => sub('cat <<EOF\na\\\nEOF\n${candidate}\nEOF\n'), /inside the here-document/);
  assert.equal(sub("cat <<'EOF'\na\\\nEOF\necho ${candidate}"), "cat <<'EOF'\na\\\nEOF\necho 'knn'");
  // two here-documents on one line: bodies in order
  assert.equal(sub('cat <<A; cat <<B\na\nA\nb\nB\necho ${candidate}'), "cat <<A; cat <<B\na\nA\nb\nB\necho 'knn'");
  // a value holding the delimiter line cannot end a body early: the variable is never in the body at all
  assert.equal(substituteCommand('cat <<EOF\nbody\nEOF\nprintf %s ${candidate}', { ...V, candidate: 'x\nEOF\n$(touch pwned)' }, {}),
    "cat <<EOF\nbody\nEOF\nprintf %s 'x\nEOF\n$(touch pwned)'");
  assert.equal(sh(sub("cat <<'EOF'\n${HOME:-x} it's\nEOF\necho ${candidate}")), '${HOME:-x} it\'s\nknn\n');
});

test('unterminated or unsupported here-documents are refused, saying why', () => {
  assert.throws(() => sub('cat <<EOF\nbody'), /<<EOF is never closed by a line "EOF"/);
  assert.throws(() => sub('cat <<EOF'), /<<EOF has no body/);
  assert.throws(() => sub('cat <<'), /needs a delimiter word/);
  assert.throws(() => sub('cat <<<${candidate}'), /here-strings/);
  assert.throws(() => sub('cat <<$x\n$x\n'), /plain word/);
  assert.throws(() => sub('cat <<EOF "a\nb"\nEOF\n'), /while the here-document <<EOF waits for its body/);
});

test('$(...) nests, with its own quotes, comments and variables in plain words', () => {
  assert.equal(sub('echo $(echo ${candidate})'), "echo $(echo 'knn')");
  assert.equal(sub('echo "$(echo ${candidate} ")" \'(\')"'), 'echo "$(echo \'knn\' ")" \'(\')"');
  assert.equal(sub('echo $(echo $(printf %s ${candidate}) # a ) in a comment\n) ${runId}'), "echo $(echo $(printf %s 'knn') # a ) in a comment\n) 'r1'");
  assert.equal(sub('x=$( (echo a) ); echo ${candidate}'), "x=$( (echo a) ); echo 'knn'");
  assert.throws(() => sub('echo "$(echo "${candidate}")"'), /inside double quotes/);
  assert.throws(() => sub('echo $(echo ${candidate}'), /"\$\(" is never closed/);
  assert.throws(() => sub('echo $(case x in a) echo;; esac)'), /"case" inside \$\(\.\.\.\) is not supported/);
  assert.equal(sh(sub('echo "$(echo ${candidate} ")")"')), 'knn )\n');
});

test('backquotes: variables inside are refused, the rest passes', () => {
  assert.throws(() => sub('echo `echo ${candidate}`'), /inside backquotes/);
  assert.equal(sub('echo `echo \\` hi` ${candidate}'), "echo `echo \\` hi` 'knn'");
  assert.throws(() => sub('echo `date'), /backquote \(`\) is never closed/);
});

test('shell parameter expansions such as ${HOME:-x} and ${#x} pass through untouched', () => {
  for (const e of ['${HOME:-/tmp}', '${#x}', '${x%.*}', '${x:+"a b"}', "${x:-'}'}", '${1}', '${@}', '${x:-$(echo })}']) {
    assert.equal(sub(`echo ${e} \${candidate}`), `echo ${e} 'knn'`, e);
  }
  assert.equal(sub('echo "${HOME:-x}" ${candidate}'), `echo "\${HOME:-x}" 'knn'`);
  assert.throws(() => sub('echo ${x:-${candidate}}'), /\$\{candidate\} is inside a shell parameter expansion/);
  assert.throws(() => sub("echo \"${x:-'a'}\""), /read differently by different shells/);
  assert.throws(() => sub('echo ${HOME'), /never closed/);
  assert.throws(() => sub('echo ${HOME}'), /unknown variable \$\{HOME\}.*write \$HOME or \$\{env:HOME\}/);
  assert.equal(sh(sub('x=a.b; echo ${x%.*} ${#x} ${candidate}')), 'a 3 knn\n');
});

test('backslashes: escapes outside quotes, inside double quotes, line continuation', () => {
  assert.equal(sub('echo \\${candidate} ${candidate}'), "echo \\${candidate} 'knn'");
  assert.equal(sh(sub('echo \\${candidate}')), '${candidate}\n');
  assert.equal(sub('echo "a\\"b" ${candidate}'), `echo "a\\"b" 'knn'`);
  assert.equal(sub('echo "a\\\\" ${candidate}'), `echo "a\\\\" 'knn'`);
  assert.equal(sub("echo \\' ${candidate}"), "echo \\' 'knn'");
  assert.equal(sub('echo a \\\n  ${candidate}'), "echo a \\\n  'knn'");
  assert.equal(sub('echo a\\\n#notcomment ${candidate}'), "echo a\\\n#notcomment 'knn'"); // still the same word
  assert.equal(sh(sub('echo a\\\n#b ${candidate}')), 'a#b knn\n');
  assert.throws(() => sub('echo \\'), /lone backslash/);
});

test('arithmetic, $\'...\' and other constructs where a value would not be one word are refused', () => {
  assert.throws(() => sub('echo $(( ${candidate} + 1 ))'), /inside an arithmetic expression/);
  assert.throws(() => sub('(( ${candidate} ))'), /inside an arithmetic expression/);
  assert.throws(() => sub('((echo a) )'), /closed by a single "\)"/);
  assert.equal(sub('echo $((1 + (2*3))) ${candidate}'), "echo $((1 + (2*3))) 'knn'");
  assert.throws(() => sub("echo $'a\\tb' ${candidate}"), /\$'\.\.\.' quoting is not POSIX sh/);
  assert.equal(sub(`echo "$'" \${candidate}`), `echo "$'" 'knn'`);
  assert.throws(() => sub('echo $[1+1]'), /obsolete bash arithmetic/);
  assert.throws(() => sub("echo 'a ${candidate}'"), /inside single quotes/);
  assert.throws(() => sub("echo 'never closed"), /single quote is never closed/);
  assert.throws(() => sub('echo "never closed'), /double quote is never closed/);
  assert.throws(() => sub('echo "${env:X}"', { X: 'v' }), /\$\{env:X\} is inside double quotes/);
});

test('an unknown name is reported before a quoting problem, and errors say where', () => {
  assert.throws(() => sub('echo "${candidat}"'), /unknown variable \$\{candidat\}/);
  assert.throws(() => sub('cat <<EOF\n${candidat}\nEOF\n'), /unknown variable \$\{candidat\}/);
  assert.throws(() => sub('echo ok\necho "${candidate}"'), /evaluation\.command: .*\(line 2, column 7\)/);
});
