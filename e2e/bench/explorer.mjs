// Benchmark (not a test; scripts/test.sh does not run it): streams messages
// over 10,000 topics into the page while it shows the topic explorer, and
// measures inside the page, so Playwright's own tracing does not count:
//   - msgs/s processed: messages the app counted as received ("Messages
//     received" in region "Statistics") over the time from the first publish
//     until the count reached what was sent;
//   - frames dropped: from requestAnimationFrame gaps, each gap longer than
//     two frames (2 × 16.7 ms) counting as gap / 16.7 − 1 frames;
//   - longest task: PerformanceObserver 'longtask' entries (> 50 ms);
//   - JS heap: performance.memory.usedJSHeapSize after the stream.
//
// Usage (after `trunk build --release`, from the repository root):
//   node e2e/bench/explorer.mjs [--topics 10000] [--rate 2000] [--seconds 10] [--collapsed]
// By default the tree is expanded ("Expand all") before the stream, so every
// topic is a row (the harder case); --collapsed leaves only the top level.
// --hide-log filters the message log to nothing, to tell its cost apart.
// It serves dist/ itself unless MQTTLAB_APP_URL is set, and starts its own
// mosquitto on free loopback ports. The publisher is MQTT.js over plain TCP.

import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';

import mqtt from 'mqtt';

import { connect, openApp, statistic, subscribe, waitForStatus } from '../lib/app.mjs';
import { startBroker } from '../lib/broker.mjs';
import { launch } from '../lib/browser.mjs';
import { freePort, portOpen, sleep, waitFor } from '../lib/util.mjs';

const { values: opts } = parseArgs({
  options: {
    topics: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '10' },
    collapsed: { type: 'boolean', default: false },
    'hide-log': { type: 'boolean', default: false },
  },
});
const TOPICS = Number(opts.topics);
const RATE = Number(opts.rate);
const SECONDS = Number(opts.seconds);

/** Topic i of the stream: 10 sites × 100 rooms × 10 sensors at 10,000. */
function topicOf(i) {
  const sensor = i % 10;
  const room = Math.floor(i / 10) % 100;
  const site = Math.floor(i / 1000);
  return `bench/site${site}/room${room}/sensor${sensor}`;
}

async function serveDist() {
  if (process.env.MQTTLAB_APP_URL) return null;
  const port = await freePort();
  const child = spawn('python3', ['-m', 'http.server', '--bind', '127.0.0.1', '--directory', 'dist', String(port)], {
    stdio: 'ignore',
  });
  await waitFor('the static server for dist/', () => portOpen(port), { timeoutMs: 10_000 });
  process.env.MQTTLAB_APP_URL = `http://127.0.0.1:${port}/`;
  return child;
}

/** Installs the in-page probes; returns nothing. */
function installProbes() {
  const probe = { longest: 0, longTasks: 0, longTaskMs: 0, gaps: [], running: true, last: performance.now() };
  window.__bench = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      probe.longTasks += 1;
      probe.longTaskMs += e.duration;
      probe.longest = Math.max(probe.longest, e.duration);
    }
  }).observe({ type: 'longtask', buffered: false });
  const frame = (t) => {
    probe.gaps.push(t - probe.last);
    probe.last = t;
    if (probe.running) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

function readProbes() {
  const probe = window.__bench;
  probe.running = false;
  const FRAME = 1000 / 60;
  let dropped = 0;
  let worst = 0;
  for (const g of probe.gaps) {
    if (g > 2 * FRAME) dropped += Math.round(g / FRAME) - 1;
    worst = Math.max(worst, g);
  }
  return {
    frames: probe.gaps.length,
    dropped,
    worstGapMs: worst,
    longTasks: probe.longTasks,
    longTaskMs: probe.longTaskMs,
    longestTaskMs: probe.longest,
    heapMB: performance.memory ? performance.memory.usedJSHeapSize / 1048576 : null,
  };
}

async function main() {
  const server = await serveDist();
  const broker = await startBroker();
  let browser;
  let client;
  try {
    browser = await launch({ viewport: { width: 1440, height: 900 } });
    const { page } = browser;
    await openApp(page);
    await connect(page, { url: broker.wsUrl, version: '5' });
    await waitForStatus(page, 'Connected');
    await subscribe(page, 'bench/#', 0);
    await sleep(500);
    if (opts['hide-log']) {
      await page.getByRole('searchbox', { name: 'Filter by topic', exact: true }).fill('nothing/matches/this');
    }
    // Show the topic explorer when the app has one.
    const tab = page.getByRole('tab', { name: /^Topics/ });
    if (await tab.count()) await tab.first().click();
    if (!opts.collapsed) {
      const expand = page.getByRole('button', { name: 'Expand all', exact: true });
      if (await expand.count()) await expand.click();
    }

    client = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.ports.mqtt}`, { protocolVersion: 5 });
    const before = (await statistic(page, 'Messages received')) ?? 0;
    await page.evaluate(installProbes);

    const total = RATE * SECONDS;
    const started = Date.now();
    const perTick = Math.max(1, Math.round(RATE / 100));
    let sent = 0;
    while (sent < total) {
      for (let k = 0; k < perTick && sent < total; k++, sent++) {
        const value = (20 + Math.sin(sent / 50) * 5).toFixed(2);
        client.publish(topicOf(sent % TOPICS), value, { qos: 0 });
      }
      const due = started + (sent / RATE) * 1000;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
    }
    let received = before;
    await waitFor(`the page to count ${total} messages`, async () => {
      received = (await statistic(page, 'Messages received')) ?? 0;
      return received - before >= total;
    }, { timeoutMs: 120_000, intervalMs: 100, describe: async () => `counted ${received - before}` });
    const seconds = (Date.now() - started) / 1000;
    const probes = await page.evaluate(readProbes);
    const shown = await page.getByRole('treeitem').count().catch(() => 0);

    const row = {
      topics: TOPICS,
      tree: opts.collapsed ? 'collapsed' : 'expanded',
      'message log': opts['hide-log'] ? 'filtered to nothing' : 'shown',
      'offered msg/s': RATE,
      messages: total,
      'processed msg/s': Math.round(total / seconds),
      'frames dropped': probes.dropped,
      'of frames': probes.frames + probes.dropped,
      'worst frame gap ms': Math.round(probes.worstGapMs),
      'long tasks': probes.longTasks,
      'longest task ms': Math.round(probes.longestTaskMs),
      'JS heap MB': probes.heapMB === null ? 'n/a' : probes.heapMB.toFixed(1),
      'tree rows in DOM': shown,
    };
    console.log(JSON.stringify(row, null, 2));
  } finally {
    if (client) await client.endAsync().catch(() => {});
    if (browser) await browser.close();
    await broker.cleanup();
    if (server) server.kill();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
