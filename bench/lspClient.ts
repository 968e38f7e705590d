// A minimal LSP client over stdio, enough to drive yaml-language-server as the benchmark peer: Content-Length framed
// JSON-RPC, request ids, answers to the server's own requests (workspace/configuration, client/registerCapability,
// window/workDoneProgress/create), and a wait for textDocument/publishDiagnostics of one URI.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity?: number;
  source?: string;
  code?: string | number;
}

export interface PublishedDiagnostics {
  uri: string;
  diagnostics: LspDiagnostic[];
  /** performance.now() when the message was fully read */
  receivedAt: number;
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; method: string };

export interface LspClientOptions {
  /** the server command, e.g. [process.execPath, 'node_modules/yaml-language-server/bin/yaml-language-server', '--stdio'] */
  command: string[];
  cwd: string;
  /** answered to workspace/configuration for each requested section (missing sections get null) */
  settings: Record<string, unknown>;
  /** print the server's stderr and window/logMessage (default false) */
  verbose?: boolean;
}

export class LspClient {
  private readonly proc: ChildProcessWithoutNullStreams;
  private buffer: Buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly diagnosticWaiters: Array<{ uri: string; resolve: (d: PublishedDiagnostics) => void }> = [];
  /** the latest diagnostics per URI */
  readonly latest = new Map<string, PublishedDiagnostics>();
  /** server-to-client requests seen, by method (to report what the server asked for) */
  readonly serverRequests = new Map<string, number>();
  private exited = false;
  private stderrText = '';

  constructor(private readonly options: LspClientOptions) {
    const [cmd, ...args] = options.command;
    this.proc = spawn(cmd, args, { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.proc.stderr.on('data', (chunk: Buffer) => {
      this.stderrText = (this.stderrText + chunk.toString('utf8')).slice(-4000);
      if (options.verbose) process.stderr.write(chunk);
    });
    this.proc.on('exit', (code, signal) => {
      this.exited = true;
      const err = new Error(`language server exited (code ${code}, signal ${signal}); stderr: ${this.stderrText.trim().slice(-500)}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    });
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  /** The server process's current and peak resident set size in bytes, from /proc (Linux), or undefined. */
  memory(): { rss: number; peakRss: number } | undefined {
    try {
      const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
      const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
      return { rss: kb('VmRSS'), peakRss: kb('VmHWM') };
    } catch {
      return undefined;
    }
  }

  request<T = unknown>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (this.exited) return reject(new Error('language server has exited'));
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** The next publishDiagnostics for `uri` (not one received before this call). */
  nextDiagnostics(uri: string, timeoutMs: number): Promise<PublishedDiagnostics> {
    return new Promise((resolve, reject) => {
      const waiter = { uri, resolve: (d: PublishedDiagnostics) => { clearTimeout(timer); resolve(d); } };
      const timer = setTimeout(() => {
        const i = this.diagnosticWaiters.indexOf(waiter);
        if (i >= 0) this.diagnosticWaiters.splice(i, 1);
        reject(new Error(`no publishDiagnostics for ${uri} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.diagnosticWaiters.push(waiter);
    });
  }

  async initialize(rootDir: string): Promise<unknown> {
    const result = await this.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'mlproject-bench', version: '0' },
      rootUri: pathToFileURL(rootDir).href,
      workspaceFolders: [{ uri: pathToFileURL(rootDir).href, name: path.basename(rootDir) }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: {
          synchronization: { dynamicRegistration: true, didSave: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: false },
        },
      },
    });
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', { settings: this.options.settings });
    return result;
  }

  async shutdown(): Promise<void> {
    if (this.exited) return;
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit', null);
    } catch {
      // already gone
    }
    await new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      const t = setTimeout(() => {
        this.proc.kill('SIGKILL');
        resolve();
      }, 2000);
      this.proc.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  private send(message: unknown): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length:\s*(\d+)/i.exec(header);
      if (!m) throw new Error(`LSP frame without Content-Length: ${header}`);
      const length = Number(m[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      this.dispatch(JSON.parse(body), performance.now());
    }
  }

  private dispatch(msg: { id?: number | string; method?: string; params?: any; result?: unknown; error?: { message: string } }, at: number): void {
    if (msg.method !== undefined && msg.id !== undefined) {
      // a request from the server
      this.serverRequests.set(msg.method, (this.serverRequests.get(msg.method) ?? 0) + 1);
      let result: unknown = null;
      if (msg.method === 'workspace/configuration') {
        const items: Array<{ section?: string }> = msg.params?.items ?? [];
        result = items.map((item) => (item.section !== undefined ? (this.options.settings[item.section] ?? null) : null));
      }
      this.send({ jsonrpc: '2.0', id: msg.id, result });
      return;
    }
    if (msg.method !== undefined) {
      if (msg.method === 'textDocument/publishDiagnostics') {
        const d: PublishedDiagnostics = { uri: msg.params.uri, diagnostics: msg.params.diagnostics, receivedAt: at };
        this.latest.set(d.uri, d);
        const i = this.diagnosticWaiters.findIndex((w) => w.uri === d.uri);
        if (i >= 0) this.diagnosticWaiters.splice(i, 1)[0].resolve(d);
      } else if (this.options.verbose && msg.method === 'window/logMessage') {
        process.stderr.write(`[server] ${msg.params?.message}\n`);
      }
      return;
    }
    const p = this.pending.get(Number(msg.id));
    if (!p) return;
    this.pending.delete(Number(msg.id));
    if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message}`));
    else p.resolve(msg.result);
  }
}

/** Settings for yaml-language-server: validation on, everything networked or unrelated off. */
export function yamlServerSettings(): Record<string, unknown> {
  return {
    yaml: {
      validate: true,
      hover: false,
      completion: false,
      format: { enable: false },
      schemaStore: { enable: false },
      kubernetesCRDStore: { enable: false },
      schemas: {},
      maxItemsComputed: 5000,
    },
    http: {},
    '[yaml]': {},
    editor: {},
  };
}

/**
 * yaml-language-server as a running peer with one open document. `open` proves validation happened by checking the
 * expected lines carry diagnostics; `roundTrip` sends a full-text didChange and resolves when the diagnostics for it
 * arrive, returning the elapsed milliseconds.
 */
export class YamlServerPeer {
  private version = 1;
  private constructor(readonly client: LspClient, readonly uri: string) {}

  static async start(repoRoot: string, docPath: string, verbose = false): Promise<YamlServerPeer> {
    const server = path.join(repoRoot, 'node_modules/yaml-language-server/bin/yaml-language-server');
    const client = new LspClient({ command: [process.execPath, server, '--stdio'], cwd: repoRoot, settings: yamlServerSettings(), verbose });
    await client.initialize(repoRoot);
    return new YamlServerPeer(client, pathToFileURL(docPath).href);
  }

  /** Open the document and wait for its first diagnostics (schema load included). */
  async open(text: string, timeoutMs = 60_000): Promise<{ ms: number; diagnostics: LspDiagnostic[] }> {
    const t0 = performance.now();
    const next = this.client.nextDiagnostics(this.uri, timeoutMs);
    this.client.notify('textDocument/didOpen', { textDocument: { uri: this.uri, languageId: 'yaml', version: this.version, text } });
    const d = await next;
    return { ms: d.receivedAt - t0, diagnostics: d.diagnostics };
  }

  /** Replace the whole text; resolve with the time until the server published diagnostics for it. */
  async roundTrip(text: string, timeoutMs = 60_000): Promise<{ ms: number; diagnostics: LspDiagnostic[] }> {
    this.version++;
    const next = this.client.nextDiagnostics(this.uri, timeoutMs);
    const t0 = performance.now();
    this.client.notify('textDocument/didChange', {
      textDocument: { uri: this.uri, version: this.version },
      contentChanges: [{ text }],
    });
    const d = await next;
    return { ms: d.receivedAt - t0, diagnostics: d.diagnostics };
  }

  close(): void {
    this.client.notify('textDocument/didClose', { textDocument: { uri: this.uri } });
  }

  shutdown(): Promise<void> {
    return this.client.shutdown();
  }
}

/** Lines of `expectedLines` that have no diagnostic starting on them. */
export function missingLines(diagnostics: ReadonlyArray<{ range: { start: { line: number } } }>, expectedLines: number[]): number[] {
  const seen = new Set(diagnostics.map((d) => d.range.start.line));
  return expectedLines.filter((l) => !seen.has(l));
}
