// Small helpers the end-to-end harness shares: free ports, bounded waits,
// temp folders, finding programs.

import { spawn } from 'node:child_process';
import { access, constants, mkdtemp, chmod } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export { sleep };

// Every child process the harness starts, so none outlives the test file:
// on exit (node --test-force-exit ends a file whose handles are still open)
// each one still running is killed through its own handle.
const children = new Set();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** Registers a spawned child process (see above); returns it. */
export function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export function portOpen(port, timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (open) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Calls `check` every `intervalMs` until it returns something truthy, and
 * returns that; throws after `timeoutMs`, naming `what` and, if given, what
 * `describe()` says was seen.
 */
export async function waitFor(what, check, { timeoutMs = 10_000, intervalMs = 50, describe } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      let message = `timed out after ${timeoutMs} ms waiting for ${what}`;
      if (lastError) message += `; last error: ${lastError.message}`;
      if (describe) message += `\n${await describe()}`;
      throw new Error(message);
    }
    await sleep(intervalMs);
  }
}

/** A fresh folder under the system temp dir, readable by other users
 * (mosquitto, run as root, reads its files as the `mosquitto` user). */
export async function tempDir(prefix) {
  const dir = await mkdtemp(join(tmpdir(), `mqtt-lab-${prefix}-`));
  await chmod(dir, 0o755);
  return dir;
}

/** The path of an executable, from PATH or the system folders (mosquitto
 * lives in /usr/sbin, which not every PATH has). */
export async function findProgram(name) {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/bin', '/sbin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const path = join(dir, name);
    try {
      await access(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  throw new Error(
    `${name} not found on PATH or in /usr/sbin; install Debian's mosquitto, mosquitto-clients ` +
      'and openssl (scripts/test.sh does)',
  );
}

/** A short random tag for topics and client ids. */
export function uniqueTag(prefix = 'e2e') {
  return `${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The last `n` lines of a text. */
export function lastLines(text, n = 30) {
  return text.split('\n').slice(-n).join('\n');
}

/**
 * Serves ./dist on a free loopback port and sets MQTTLAB_APP_URL to it,
 * unless MQTTLAB_APP_URL is already set. Returns the server process (to
 * kill when done), or null when an address was given.
 */
export async function serveDistUnlessGiven() {
  if (process.env.MQTTLAB_APP_URL) return null;
  const port = await freePort();
  const server = track(spawn('python3', ['-m', 'http.server', '--bind', '127.0.0.1', '--directory', 'dist', String(port)], {
    stdio: 'ignore',
  }));
  await waitFor(`the static server for dist/ on port ${port}`, () => portOpen(port), { timeoutMs: 5_000 });
  process.env.MQTTLAB_APP_URL = `http://127.0.0.1:${port}/`;
  return server;
}
