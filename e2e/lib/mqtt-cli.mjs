// mosquitto_sub and mosquitto_pub as the outside peers: what the app
// publishes must reach a mosquitto_sub, what mosquitto_pub publishes must
// show in the app. Both talk plain MQTT to the broker's TCP listener.

import { spawn, execFile } from 'node:child_process';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';

import { findProgram, lastLines, track, uniqueTag, waitFor } from './util.mjs';

const run = promisify(execFile);

/**
 * Starts `mosquitto_sub -t filter` and resolves once the broker acknowledged
 * the subscription. The returned object collects messages as
 * `{ topic, payload, qos, retain }` and is stopped with `stop()`.
 */
export async function subscribe(broker, filter, { qos = 2, version = 'mqttv5' } = {}) {
  const sub = new Subscriber(broker, filter);
  await sub.start(await findProgram('mosquitto_sub'), qos, version);
  return sub;
}

class Subscriber {
  constructor(broker, filter) {
    this.broker = broker;
    this.filter = filter;
    this.messages = [];
    this.output = '';
    this.child = null;
  }

  async start(bin, qos, version) {
    // -F %j prints each message as one JSON line with topic, qos, retain and
    // payload. mosquitto_sub flushes its output only per message, so the
    // broker's log tells when the subscription is in place.
    const clientId = uniqueTag('sub');
    const args = [
      '-h', '127.0.0.1', '-p', String(this.broker.ports.mqtt), '-V', version,
      '-i', clientId, '-t', this.filter, '-q', String(qos), '-F', '%j',
    ];
    const child = track(spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] }));
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', resolve));
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      this.output += line + '\n';
      try {
        const m = JSON.parse(line);
        this.messages.push({ topic: m.topic, payload: m.payload, qos: m.qos, retain: Boolean(m.retain) });
      } catch {
        // not a message line; kept in output
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d) => {
      this.output += d;
    });
    try {
      await waitFor(`mosquitto_sub to subscribe to ${this.filter}`, () => {
        if (child.exitCode !== null) throw new Error(`mosquitto_sub exited: ${this.output}`);
        return this.broker.log.includes(`Sending SUBACK to ${clientId}`);
      }, {
        timeoutMs: 5_000,
        describe: () => `mosquitto_sub said: ${JSON.stringify(this.output)}; broker log:\n${lastLines(this.broker.log)}`,
      });
    } catch (e) {
      await this.stop();
      throw e;
    }
  }

  /** Waits until at least `n` messages arrived; returns them all. */
  async waitForCount(n, timeoutMs = 10_000) {
    await waitFor(`${n} message(s) at mosquitto_sub on ${this.filter}`, () => this.messages.length >= n, {
      timeoutMs,
      describe: () => `mosquitto_sub got ${this.messages.length}: ${JSON.stringify(this.messages)}`,
    });
    return this.messages;
  }

  async stop() {
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await this.exited;
    }
  }
}

/** Publishes one message with mosquitto_pub (waits until it is sent, 5 s at most). */
export async function publish(broker, topic, payload, { qos = 0, retain = false, version = 'mqttv5' } = {}) {
  const bin = await findProgram('mosquitto_pub');
  const args = [
    '-h', '127.0.0.1', '-p', String(broker.ports.mqtt), '-V', version, '-i', uniqueTag('pub'),
    '-t', topic, '-m', payload, '-q', String(qos),
  ];
  if (retain) args.push('-r');
  try {
    await run(bin, args, { timeout: 5_000 });
  } catch (e) {
    throw new Error(`mosquitto_pub ${args.join(' ')} failed: ${e.message}\n${e.stderr ?? ''}`);
  }
}
