// Issue 5, lesson 6: a board publishes `online` with RETAIN; each "New
// client subscribes" is a brand-new client that gets the stored message at
// once, flagged retained. After "Clear the retained message" (an empty
// retained PUBLISH) a new client gets nothing, and so it does after a
// publish without RETAIN. On mosquitto (checked from outside with
// mosquitto_sub too), and once on the sandbox in the page.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { openLesson, wireLines } from './lib/learn.mjs';
import { withApp } from './lib/fixture.mjs';
import { subscribe } from './lib/mqtt-cli.mjs';
import { launch } from './lib/browser.mjs';
import { sleep, waitFor } from './lib/util.mjs';

/** The lesson's controls and readouts. */
function parts(lesson) {
  const board = lesson.getByRole('region', { name: 'Board', exact: true });
  const newcomer = lesson.getByRole('region', { name: 'New client', exact: true });
  const runs = lesson.getByRole('list', { name: 'New clients so far', exact: true });
  return {
    board,
    newcomer,
    runs,
    button: (scope, name) => scope.getByRole('button', { name, exact: true }),
    async topic() {
      const text = await lesson.locator('.retained-topic code').innerText();
      return text.trim();
    },
  };
}

/** Number of lines in the board's packet list matching `re`. */
async function countLines(lesson, name, re) {
  return (await wireLines(lesson, name)).filter((l) => re.test(l)).length;
}

/** Presses "New client subscribes" and returns the new run's text. */
async function newClient(lesson, p, n) {
  await p.button(p.newcomer, 'New client subscribes').click();
  await waitFor(`new client ${n} to finish`, async () => (await p.runs.locator('li').count()) >= n, {
    timeoutMs: 15_000,
    describe: async () => `card: ${await p.newcomer.innerText()}`,
  });
  return (await p.runs.locator('li').nth(n - 1).innerText()).trim();
}

/** Connects the board and publishes one of its three messages. */
async function boardPublishes(lesson, p, name) {
  const before = await countLines(lesson, 'Packets of the board', /^← PUBACK/);
  await p.button(p.board, name).click();
  await waitFor(`the PUBACK of "${name}"`, async () =>
    (await countLines(lesson, 'Packets of the board', /^← PUBACK/)) > before);
}

async function connectBoard(lesson, p) {
  await p.button(p.board, 'Connect board').click();
  await waitFor('the board to connect', async () => (await p.board.innerText()).includes('connected · MQTT'));
}

const RECEIVED = /^New client (\d+) \((lab-[a-z0-9]+-new\d+)\): got “online” (\d+) ms after its SUBSCRIBE, flagged retained/;
const NOTHING = /^New client (\d+) \(lab-[a-z0-9]+-new\d+\): nothing arrived within (\d+\.\d) s after SUBACK/;

test('retained on mosquitto: a new client gets the stored status at once; after clearing, nothing', { timeout: 60_000 }, async (t) => {
  await withApp({}, async ({ broker, page }) => {
    const lesson = await openLesson(page, 'retained', { broker });
    const p = parts(lesson);
    const topic = await p.topic();
    assert.match(topic, /^mqttlab\/[a-z0-9]+\/board\/status$/);
    await connectBoard(lesson, p);
    await boardPublishes(lesson, p, 'Publish “online” with retain');
    const published = await wireLines(lesson, 'Packets of the board');
    assert.ok(published.some((l) => l.startsWith('→ PUBLISH') && l.includes('retained') && l.includes(`"${topic}"`)),
      `the board's PUBLISH carries RETAIN: ${JSON.stringify(published)}`);

    // The broker really stores it: a client outside the browser gets it too.
    const outside = await subscribe(broker, topic, { qos: 1 });
    const [stored] = await outside.waitForCount(1);
    await outside.stop();
    assert.deepEqual([stored.payload, stored.retain], ['online', true]);

    // New client 1 receives it at once, flagged retained.
    const first = await newClient(lesson, p, 1);
    const m = RECEIVED.exec(first);
    assert.ok(m, `new client 1: ${first}`);
    const ms = Number(m[3]);
    t.diagnostic(`mosquitto: new client 1 got the retained message ${ms} ms after its SUBSCRIBE`);
    assert.ok(ms < 1_000, `arrived ${ms} ms after SUBSCRIBE`);
    const lines = await wireLines(lesson, 'Packets of the newest client');
    assert.ok(lines.some((l) => /^← PUBLISH id \d+ QoS 1 retained "/.test(l) && l.includes(topic)),
      `the delivery is flagged retained on the wire: ${JSON.stringify(lines)}`);
    assert.ok(lines.includes('→ DISCONNECT'), `the new client leaves afterwards: ${JSON.stringify(lines)}`);
    // mosquitto saw a brand-new client with its own id.
    await waitFor('mosquitto to log new client 1', () => broker.fullLog().includes(`as ${m[2]} (`));

    // A second new client gets the same stored message: a fresh id again.
    const second = await newClient(lesson, p, 2);
    const m2 = RECEIVED.exec(second);
    assert.ok(m2, `new client 2: ${second}`);
    assert.notEqual(m2[2], m[2], 'each new client has a fresh Client ID');

    // Clear: an empty retained PUBLISH deletes it; a new client gets nothing.
    await boardPublishes(lesson, p, 'Clear the retained message');
    const third = await newClient(lesson, p, 3);
    const n3 = NOTHING.exec(third);
    assert.ok(n3, `new client 3: ${third}`);
    assert.ok(Number(n3[2]) >= 1.5, `waited ${n3[2]} s`);
    t.diagnostic(`mosquitto: after the clear, new client 3 heard nothing for ${n3[2]} s after SUBACK`);
    assert.match(third, /The empty retained PUBLISH deleted the stored message/);
    const after = await subscribe(broker, topic, { qos: 1 });
    await sleep(1_000);
    await after.stop();
    assert.deepEqual(after.messages, [], 'mosquitto keeps nothing after the clear');

    // Without RETAIN the message reaches no latecomer.
    await boardPublishes(lesson, p, 'Publish “online” without retain');
    const fourth = await newClient(lesson, p, 4);
    assert.ok(NOTHING.test(fourth), `new client 4: ${fourth}`);
    assert.match(fourth, /had no RETAIN flag/);

    // Done is remembered in the sidebar.
    await page.getByRole('navigation', { name: 'Lessons' }).first()
      .getByRole('link', { name: /Retained messages.*done/ }).waitFor();
  });
});

test('retained on the sandbox broker in the page (no broker at all)', { timeout: 60_000 }, async (t) => {
  const browser = await launch();
  try {
    const lesson = await openLesson(browser.page, 'retained');
    const p = parts(lesson);
    await connectBoard(lesson, p);
    await boardPublishes(lesson, p, 'Publish “online” with retain');
    const first = await newClient(lesson, p, 1);
    const m = RECEIVED.exec(first);
    assert.ok(m, `new client 1: ${first}`);
    t.diagnostic(`sandbox: new client 1 got the retained message ${m[3]} ms after its SUBSCRIBE`);
    await boardPublishes(lesson, p, 'Clear the retained message');
    const second = await newClient(lesson, p, 2);
    assert.ok(NOTHING.test(second), `new client 2: ${second}`);
  } catch (e) {
    if (e instanceof Error) e.message += `\n--- browser console ---\n${browser.diagnostics()}`;
    throw e;
  } finally {
    await browser.close();
  }
});
