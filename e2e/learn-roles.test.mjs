// Issue 5, lesson 3: the learner's tab plays every role — it connects,
// subscribes to its own topic, publishes to it and gets its own message
// back through the broker (mosquitto here).

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { openLesson, wireLines } from './lib/learn.mjs';
import { withApp } from './lib/fixture.mjs';
import { waitFor } from './lib/util.mjs';

test('roles: one client is publisher and subscriber; its own message comes back', { timeout: 60_000 }, async () => {
  await withApp({}, async ({ broker, page }) => {
    const lesson = await openLesson(page, 'roles', { broker });
    const card = lesson.getByRole('region', { name: 'You (this tab)' });
    await card.getByRole('button', { name: 'Connect', exact: true }).click();
    await waitFor('the lesson client to connect', async () => (await card.innerText()).includes('connected · MQTT'));
    await card.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await card.getByRole('button', { name: 'Publish', exact: true }).click();
    await lesson.getByText('Your own message came back from the broker').waitFor();
    const lines = await wireLines(lesson, 'Packets of this client');
    const kinds = lines.map((l) => l.split(' ').slice(0, 2).join(' '));
    for (const k of ['→ CONNECT', '← CONNACK', '→ SUBSCRIBE', '← SUBACK', '→ PUBLISH', '← PUBACK', '← PUBLISH']) {
      assert.ok(kinds.includes(k), `${k} in ${JSON.stringify(lines)}`);
    }
    // The broker is mosquitto: it saw the lesson's client.
    await waitFor('mosquitto to log the lesson client', () => /New client connected .* as lab-[a-z0-9]+-me/.test(broker.fullLog()));
    // Done is remembered in the sidebar.
    await page.getByRole('navigation', { name: 'Lessons' }).first().getByRole('link', { name: /Broker, publisher, subscriber.*done/ }).waitFor();
  });
});
