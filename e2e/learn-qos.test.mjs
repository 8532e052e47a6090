// Issue 5, lesson 5: the same reading published at QoS 0, 1 and 2 shows
// exactly that level's packets on the sensor's leg and on the dashboard's
// (mosquitto here), the dashboard gets it once at the right QoS, and the
// packet counts are 2, 4 and 8. On the sandbox, a lost PUBACK makes a
// duplicate at QoS 1 and a lost PUBREC none at QoS 2.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { launch } from './lib/browser.mjs';
import { openLesson, wireLines } from './lib/learn.mjs';
import { withApp } from './lib/fixture.mjs';
import { waitFor } from './lib/util.mjs';

const SENSOR = {
  0: ['→ PUBLISH'],
  1: ['→ PUBLISH', '← PUBACK'],
  2: ['→ PUBLISH', '← PUBREC', '→ PUBREL', '← PUBCOMP'],
};
const DASHBOARD = {
  0: ['← PUBLISH'],
  1: ['← PUBLISH', '→ PUBACK'],
  2: ['← PUBLISH', '→ PUBREC', '← PUBREL', '→ PUBCOMP'],
};

const kinds = (lines) => lines.map((l) => l.split(' ').slice(0, 2).join(' '));

/** Connects the sensor and the dashboard (which subscribes). */
async function connectBoth(lesson) {
  const sensor = lesson.getByRole('region', { name: 'Sensor', exact: true });
  const dashboard = lesson.getByRole('region', { name: 'Dashboard', exact: true });
  await sensor.getByRole('button', { name: 'Connect', exact: true }).click();
  await dashboard.getByRole('button', { name: 'Connect and subscribe', exact: true }).click();
  for (const card of [sensor, dashboard]) {
    await waitFor('a lesson client to connect', async () => (await card.innerText()).includes('connected · MQTT'));
  }
  return { sensor, dashboard };
}

/** Clicks `button` once it is enabled (after the previous run finished). */
async function press(button) {
  await waitFor(`${await button.innerText()} to be enabled`, () => button.isEnabled());
  await button.click();
}

/** The packet lines of run `n`, both legs. */
async function runLines(lesson, n) {
  const run = lesson.getByRole('region', { name: `Run ${n}`, exact: true });
  return {
    run,
    sensor: await wireLines(run, `Sensor packets, run ${n}`),
    dashboard: await wireLines(run, `Dashboard packets, run ${n}`),
  };
}

test('qos: each level shows exactly its exchange on both legs (mosquitto)', { timeout: 60_000 }, async () => {
  await withApp({}, async ({ broker, page }) => {
    const lesson = await openLesson(page, 'qos', { broker });
    const { sensor, dashboard } = await connectBoth(lesson);
    // The lost-acknowledgement demo needs the sandbox: hidden on a real broker.
    assert.equal(await lesson.getByRole('heading', { name: 'Lose an acknowledgement' }).count(), 0);

    for (const q of [0, 1, 2]) {
      const n = q + 1;
      await press(sensor.getByRole('button', { name: `Publish at QoS ${q}`, exact: true }));
      const run = lesson.getByRole('region', { name: `Run ${n}`, exact: true });
      await run.getByText('Exactly this level\'s exchange on both legs').waitFor({ timeout: 10_000 });
      const lines = await runLines(lesson, n);
      assert.deepEqual(kinds(lines.sensor), SENSOR[q], JSON.stringify(lines.sensor));
      assert.deepEqual(kinds(lines.dashboard), DASHBOARD[q], JSON.stringify(lines.dashboard));
      assert.match(lines.sensor[0], new RegExp(`QoS ${q} ".*/qos/livingroom/temperature"$`));
      assert.match(lines.dashboard[0], new RegExp(`QoS ${q} ".*/qos/livingroom/temperature"$`));
      if (q > 0) {
        // The sensor's answers carry its PUBLISH's identifier.
        const id = lines.sensor[0].match(/ id (\d+) /)[1];
        for (const l of lines.sensor.slice(1)) assert.match(l, new RegExp(` id ${id}$`));
      }
      assert.match(await run.innerText(), new RegExp(`The dashboard got “21.5” 1× at QoS ${q}\\.`));
    }
    const readings = await dashboard.getByRole('list', { name: 'Readings the dashboard received' }).locator('li').allInnerTexts();
    assert.deepEqual(readings.map((r) => r.trim()), ['21.5 · QoS 0', '21.5 · QoS 1', '21.5 · QoS 2']);

    // Packets per message, as counted on the wire.
    const counts = await lesson.getByRole('table', { name: 'Packets per message, by QoS' }).locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].slice(0, 4).map((c) => c.textContent.trim())));
    assert.deepEqual(counts, [['QoS 0', '1', '1', '2'], ['QoS 1', '2', '2', '4'], ['QoS 2', '4', '4', '8']]);

    // The dashboard subscribes at QoS 0 now: a QoS 2 PUBLISH reaches it at QoS 0.
    await dashboard.getByRole('combobox', { name: 'Subscription QoS' }).selectOption('0');
    await press(sensor.getByRole('button', { name: 'Publish at QoS 2', exact: true }));
    const run4 = lesson.getByRole('region', { name: 'Run 4', exact: true });
    await run4.getByText('Exactly this level\'s exchange on both legs').waitFor({ timeout: 10_000 });
    const lines = await runLines(lesson, 4);
    assert.deepEqual(kinds(lines.sensor), SENSOR[2]);
    assert.deepEqual(kinds(lines.dashboard), DASHBOARD[0], JSON.stringify(lines.dashboard));
    assert.match(await run4.innerText(), /PUBLISH QoS 2 → QoS 0/);

    // mosquitto itself ran the QoS 2 handshake with the sensor.
    await waitFor('mosquitto to log the PUBREL', () => /Received PUBREL from lab-[a-z0-9]+-sensor/.test(broker.fullLog()));
    await page.getByRole('navigation', { name: 'Lessons' }).first().getByRole('link', { name: /QoS 0, 1 and 2.*done/ }).waitFor();
  });
});

test('qos: on the sandbox, a lost PUBACK duplicates at QoS 1, a lost PUBREC does not at QoS 2', { timeout: 60_000 }, async () => {
  const browser = await launch();
  try {
    const lesson = await openLesson(browser.page, 'qos');
    const { sensor, dashboard } = await connectBoth(lesson);
    const demo = lesson.getByRole('region', { name: 'Lose an acknowledgement' });
    const losePubAck = demo.getByRole('button', { name: 'Publish at QoS 1 and lose the PUBACK' });
    assert.equal(await losePubAck.isDisabled(), true, 'needs a kept session first');
    await demo.getByRole('button', { name: 'Reconnect the sensor, keeping its session' }).click();
    await demo.getByText('The sensor keeps its session now.').waitFor();

    await press(losePubAck);
    const run1 = lesson.getByRole('region', { name: 'Run 1', exact: true });
    await run1.getByText('The dashboard got the reading twice').waitFor({ timeout: 15_000 });
    let lines = await runLines(lesson, 1);
    assert.deepEqual(kinds(lines.sensor), ['→ PUBLISH', '→ CONNECT', '← CONNACK', '→ PUBLISH', '← PUBACK'], JSON.stringify(lines.sensor));
    assert.match(lines.sensor[3], /^→ PUBLISH id (\d+) QoS 1 DUP /);
    assert.equal(lines.sensor[0].match(/ id (\d+) /)[1], lines.sensor[3].match(/ id (\d+) /)[1], 'the same message again');
    assert.deepEqual(kinds(lines.dashboard), ['← PUBLISH', '→ PUBACK', '← PUBLISH', '→ PUBACK']);

    await press(demo.getByRole('button', { name: 'Publish at QoS 2 and lose the PUBREC' }));
    const run2 = lesson.getByRole('region', { name: 'Run 2', exact: true });
    await run2.getByText('The dashboard got the reading once, although the sensor sent it twice').waitFor({ timeout: 15_000 });
    lines = await runLines(lesson, 2);
    assert.deepEqual(
      kinds(lines.sensor),
      ['→ PUBLISH', '→ CONNECT', '← CONNACK', '→ PUBLISH', '← PUBREC', '→ PUBREL', '← PUBCOMP'],
      JSON.stringify(lines.sensor),
    );
    assert.match(lines.sensor[3], /^→ PUBLISH id \d+ QoS 2 DUP /);
    assert.deepEqual(kinds(lines.dashboard), DASHBOARD[2], JSON.stringify(lines.dashboard));
    const readings = await dashboard.getByRole('list', { name: 'Readings the dashboard received' }).locator('li').allInnerTexts();
    assert.deepEqual(readings.map((r) => r.trim()), ['21.5 · QoS 1', '21.5 · QoS 1', '21.5 · QoS 2']);
    assert.ok(await sensor.isVisible());
  } catch (e) {
    if (e instanceof Error) e.message += `\n--- browser console ---\n${browser.diagnostics()}`;
    throw e;
  } finally {
    await browser.close();
  }
});
