// Issue 5, lesson 7: a virtual board connects with a will (`offline`, QoS 1,
// retained) and publishes `online`; a monitor subscribes to its status.
// "Pull the plug" (no DISCONNECT) delivers the will within moments;
// "Disconnect properly" delivers none; "Freeze" (no PINGREQ) delivers it
// once the broker's 1.5 × keep alive has run out (mosquitto checks keep
// alive every few seconds, so somewhat later). On mosquitto (whose log
// and an outside mosquitto_sub confirm each case), and the pull once on the
// sandbox in the page (with a freeze, which the sandbox times exactly).

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { openLesson, wireLines } from './lib/learn.mjs';
import { withApp } from './lib/fixture.mjs';
import { subscribe } from './lib/mqtt-cli.mjs';
import { launch } from './lib/browser.mjs';
import { sleep, waitFor } from './lib/util.mjs';

function parts(lesson) {
  const board = lesson.getByRole('region', { name: 'Virtual board', exact: true });
  const monitor = lesson.getByRole('region', { name: 'Monitor', exact: true });
  return {
    board,
    monitor,
    result: lesson.getByRole('group', { name: 'Result', exact: true }),
    button: (name) => board.getByRole('button', { name, exact: true }),
    keepAlive: board.getByRole('spinbutton', { name: 'Keep alive (seconds)', exact: true }),
    async topic() {
      return (await lesson.locator('.last-will-topic code').innerText()).trim();
    },
    /** The monitor's messages, as their payloads. */
    async received() {
      const list = monitor.getByRole('list', { name: 'Messages the monitor received', exact: true });
      if (!(await list.count())) return [];
      return (await list.locator('li strong').allInnerTexts()).map((s) => s.trim());
    },
  };
}

/** Connects the board (and with it the monitor); waits for `online` at the monitor. */
async function connectBoard(p) {
  const before = (await p.received()).filter((s) => s === 'online').length;
  await p.button('Connect board').click();
  await waitFor('the board to connect', async () => (await p.board.innerText()).includes('connected · MQTT'));
  await waitFor('the monitor to get "online"', async () =>
    (await p.received()).filter((s) => s === 'online').length > before, {
    describe: async () => `monitor: ${await p.monitor.innerText()}`,
  });
}

/** How many PINGREQs the board's packet list shows. */
async function pingCount(lesson) {
  return (await wireLines(lesson, 'Packets of the board')).filter((l) => l === '→ PINGREQ').length;
}

/** Waits for the board's next PINGREQ and freezes it right after (so its last packet is "now"). */
async function freezeAfterPing(lesson, p) {
  const n = await pingCount(lesson);
  await waitFor('the next PINGREQ', async () => (await pingCount(lesson)) > n, { timeoutMs: 5_000, intervalMs: 20 });
  await p.button('Freeze').click();
  return Date.now();
}

async function resultText(p, re, what, timeoutMs = 10_000) {
  return waitFor(what, async () => {
    if (!(await p.result.count())) return null;
    return re.exec(await p.result.innerText());
  }, { timeoutMs, describe: async () => `result: ${await p.result.innerText().catch(() => '(none)')}` });
}

test('last will on mosquitto: pulling the plug delivers the will within moments', { timeout: 60_000 }, async (t) => {
  await withApp({}, async ({ broker, page }) => {
    const lesson = await openLesson(page, 'last-will', { broker });
    const p = parts(lesson);
    const topic = await p.topic();
    await connectBoard(p);
    const outside = await subscribe(broker, topic, { qos: 1 });
    const clicked = Date.now();
    await p.button('Pull the plug').click();
    const m = await resultText(p, /The will “offline” reached the monitor (\d+) ms after you pulled the plug/, 'the will');
    const ms = Number(m[1]);
    t.diagnostic(`pull the plug: will at the monitor after ${ms} ms (test clock ${Date.now() - clicked} ms)`);
    assert.ok(ms < 3_000, `will after ${ms} ms`);
    assert.ok((await p.received()).includes('offline'));
    // mosquitto published it: the outside subscriber got it too, and the
    // board never said DISCONNECT.
    await waitFor('mosquitto_sub to get the will', () => outside.messages.some((x) => x.payload === 'offline'));
    await outside.stop();
    const board = /as (lab-[a-z0-9]+-board) \(/.exec(broker.fullLog())[1];
    assert.ok(!broker.fullLog().includes(`Received DISCONNECT from ${board}`), 'no DISCONNECT from the board');
    assert.match(await p.board.innerText(), /disconnected/);
    await page.getByRole('navigation', { name: 'Lessons' }).first()
      .getByRole('link', { name: /Last Will and keep alive.*done/ }).waitFor();
  });
});

test('last will on mosquitto: disconnecting properly delivers no will; a goodbye keeps the status right', { timeout: 60_000 }, async (t) => {
  await withApp({}, async ({ broker, page }) => {
    const lesson = await openLesson(page, 'last-will', { broker });
    const p = parts(lesson);
    const topic = await p.topic();
    await connectBoard(p);
    const offlineBefore = (await p.received()).filter((s) => s === 'offline').length;
    const clicked = Date.now();
    await p.button('Disconnect properly').click();
    const m = await resultText(p, /No will: nothing from the broker reached the monitor in the (\d+) ms after the DISCONNECT/, 'no will');
    assert.ok(Number(m[1]) >= 2_000, `waited ${m[1]} ms`);
    assert.match(await p.result.innerText(), /still says “online”/);
    // Nothing comes later either: 3 s after the click, still no `offline`.
    await sleep(Math.max(0, 3_000 - (Date.now() - clicked)));
    assert.equal((await p.received()).filter((s) => s === 'offline').length, offlineBefore, 'no will within 3 s');
    t.diagnostic(`disconnect properly: no will, measured over ${m[1]} ms in the page and 3 s in the test`);
    assert.match(broker.fullLog(), /Client lab-[a-z0-9]+-board disconnected\./);
    // The stale status: mosquitto still holds `online`.
    const stale = await subscribe(broker, topic, { qos: 1 });
    const [kept] = await stale.waitForCount(1);
    await stale.stop();
    assert.deepEqual([kept.payload, kept.retain], ['online', true]);

    // With a goodbye the board publishes `offline` itself, then DISCONNECT.
    await p.board.getByRole('checkbox', { name: 'Publish “offline” myself before disconnecting' }).check();
    await connectBoard(p);
    await p.button('Disconnect properly').click();
    await resultText(p, /was the board's own PUBLISH, sent just before its DISCONNECT/, 'the goodbye');
    const lines = await wireLines(lesson, 'Packets of the board');
    const pub = lines.findLastIndex((l) => l.startsWith('→ PUBLISH') && l.includes('retained'));
    assert.ok(pub >= 0 && lines.slice(pub).includes('→ DISCONNECT'), `PUBLISH then DISCONNECT: ${JSON.stringify(lines)}`);
    const fixed = await subscribe(broker, topic, { qos: 1 });
    const [now] = await fixed.waitForCount(1);
    await fixed.stop();
    assert.deepEqual([now.payload, now.retain], ['offline', true]);
  });
});

test('last will on mosquitto: a frozen board (keep alive 2 s) gets its will after 1.5 × keep alive', { timeout: 60_000 }, async (t) => {
  await withApp({}, async ({ broker, page }) => {
    const lesson = await openLesson(page, 'last-will', { broker });
    const p = parts(lesson);
    // Bad values are refused with a reason; nothing connects.
    await p.keepAlive.fill('0');
    await p.board.getByText('0 turns keep alive off').waitFor();
    await p.button('Connect board').click();
    assert.match(await p.board.innerText(), /0 turns keep alive off/);
    assert.match(await p.board.locator('.actor-status').innerText(), /not connected/);
    await p.keepAlive.fill('2');
    await connectBoard(p);
    assert.match(broker.fullLog(), /as lab-[a-z0-9]+-board \(p\d, c1, k2\)/, 'CONNECT carried keep alive 2');

    // Freeze right after a PINGREQ, so the board's last packet is "now".
    const pings = () => pingCount(lesson);
    const frozenAt = await freezeAfterPing(lesson, p);
    const timer = p.board.getByRole('timer', { name: 'Broker may give up in' });
    await timer.waitFor();
    const first = await timer.innerText();
    await sleep(500);
    assert.notEqual(await timer.innerText(), first, 'the countdown moves');
    assert.ok(await p.button('Unfreeze').isVisible());

    const m = await resultText(p,
      /The will reached the monitor (\d+) ms after you froze the board, (\d+) ms after its last packet \(1\.5 × keep alive = 3000 ms\)/,
      'the will of the frozen board', 15_000);
    const [afterFreeze, afterLast] = [Number(m[1]), Number(m[2])];
    const testClock = Date.now() - frozenAt;
    t.diagnostic(`freeze, keep alive 2 s: will ${afterFreeze} ms after the freeze, ${afterLast} ms after the last packet (test clock ≤ ${testClock} ms)`);
    // Never before 1.5 × keep alive after the last packet. mosquitto 2.0
    // checks keep alive only every 6 s or so (in whole seconds), so the
    // will comes 3 to about 10 s after the last packet, not at 3.0 s.
    assert.ok(afterLast >= 3_000, `not before 1.5 × keep alive: ${afterLast} ms`);
    assert.ok(afterFreeze >= 2_500 && afterFreeze <= 11_000, `will ${afterFreeze} ms after freezing`);
    // mosquitto dropped the board (for a WebSocket client 2.0.11 logs that
    // as "closed its connection", not "exceeded timeout"); the board never
    // sent DISCONNECT, and saw its connection close.
    const board = /as (lab-[a-z0-9]+-board) \(/.exec(broker.fullLog())[1];
    await waitFor('mosquitto to drop the board', () => broker.fullLog().includes(`Client ${board} closed its connection.`));
    assert.ok(!broker.fullLog().includes(`Received DISCONNECT from ${board}`), 'no DISCONNECT from the board');
    const closed = await resultText(p, /The broker closed the board's connection (\d+) ms after the freeze/, 'the close');
    t.diagnostic(`broker closed the board's connection ${closed[1]} ms after the freeze`);
    assert.match(await p.board.locator('.actor-status').innerText(), /disconnected/);
    // While frozen the board sent nothing: no packet after the last PINGREQ.
    const lines = await wireLines(lesson, 'Packets of the board');
    const last = lines.lastIndexOf('→ PINGREQ');
    assert.deepEqual(lines.slice(last + 1).filter((l) => l.startsWith('→')), [], `sent after freezing: ${JSON.stringify(lines)}`);

    // Frozen for less than the grace and thawed: the board carries on.
    await connectBoard(p);
    const offline = (await p.received()).filter((s) => s === 'offline').length;
    await freezeAfterPing(lesson, p);
    await sleep(1_000);
    await p.button('Unfreeze').click();
    await resultText(p, /You unfroze the board before the broker gave up/, 'the thaw');
    const m2 = await pings();
    await waitFor('a PINGREQ after the thaw', async () => (await pings()) > m2, { timeoutMs: 5_000 });
    await sleep(4_000);
    assert.match(await p.board.locator('.actor-status').innerText(), /connected · MQTT/);
    assert.equal((await p.received()).filter((s) => s === 'offline').length, offline, 'no will after a short freeze');
  });
});

test('last will on the sandbox broker in the page: pull the plug, and freeze with keep alive 1 s', { timeout: 60_000 }, async (t) => {
  const browser = await launch();
  try {
    const lesson = await openLesson(browser.page, 'last-will');
    const p = parts(lesson);
    await connectBoard(p);
    await p.button('Pull the plug').click();
    const m = await resultText(p, /The will “offline” reached the monitor (\d+) ms after you pulled the plug/, 'the will');
    t.diagnostic(`sandbox, pull the plug: will after ${m[1]} ms`);
    assert.ok(Number(m[1]) < 3_000);

    // The sandbox broker checks keep alive exactly: keep alive 1 s, freeze.
    await p.keepAlive.fill('1');
    await connectBoard(p);
    await freezeAfterPing(lesson, p);
    const f = await resultText(p, /The will reached the monitor (\d+) ms after you froze the board, (\d+) ms after its last packet \(1\.5 × keep alive = 1500 ms\)/,
      'the will of the frozen board', 8_000);
    t.diagnostic(`sandbox, freeze with keep alive 1 s: will ${f[1]} ms after the freeze, ${f[2]} ms after the last packet`);
    assert.ok(Number(f[2]) >= 1_500 && Number(f[2]) <= 2_500, `will ${f[2]} ms after the last packet`);
  } catch (e) {
    if (e instanceof Error) e.message += `\n--- browser console ---\n${browser.diagnostics()}`;
    throw e;
  } finally {
    await browser.close();
  }
});
