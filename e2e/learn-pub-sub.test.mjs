// Issue 5, lesson 2: three virtual boards publish through mosquitto to a
// Display; a Logger joins at run time. Counted from the boards' own
// PUBLISH packets (as mosquitto logged receiving them, and as the lesson's
// table counts them), the boards send as much after the Logger joins as
// before, while both subscribers get readings from all three boards.
// "Stop boards" stops the traffic.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { openLesson } from './lib/learn.mjs';
import { withApp } from './lib/fixture.mjs';
import { sleep, waitFor } from './lib/util.mjs';

/** PUBLISH packets mosquitto received from each board so far. */
function boardPublishes(log) {
  const counts = [0, 0, 0];
  for (const m of log.matchAll(/Received PUBLISH from lab-[a-z0-9]+-board([123]) /g)) counts[Number(m[1]) - 1] += 1;
  return counts;
}

/** PUBLISH packets mosquitto sent to a subscriber. */
function deliveries(log, role) {
  return [...log.matchAll(new RegExp(`Sending PUBLISH to lab-[a-z0-9]+-${role} `, 'g'))].length;
}

const minus = (a, b) => a.map((x, i) => x - b[i]);

/** The topics of the messages in a list named `name`. */
async function topicsIn(lesson, name) {
  const list = lesson.getByRole('list', { name, exact: true });
  if (!(await list.count())) return new Set();
  return new Set((await list.locator('li').allInnerTexts()).map((s) => s.split(':')[0].trim()));
}

async function fromAllBoards(lesson, name) {
  const topics = [...(await topicsIn(lesson, name))];
  return [1, 2, 3].every((n) => topics.some((t) => t.endsWith(`/boards/${n}/temperature`)));
}

test('pub-sub: a second subscriber costs the boards nothing; stop boards stops the traffic', { timeout: 60_000 }, async () => {
  await withApp({}, async ({ broker, page }) => {
    const lesson = await openLesson(page, 'pub-sub', { broker });
    await lesson.getByRole('button', { name: 'Start boards' }).click();
    await waitFor('all three boards to publish', () => boardPublishes(broker.fullLog()).every((c) => c >= 2), {
      timeoutMs: 10_000,
      describe: () => JSON.stringify(boardPublishes(broker.fullLog())),
    });
    await waitFor('the Display to get readings from all three boards', () => fromAllBoards(lesson, 'Messages the Display received'));

    // Five seconds with one subscriber…
    const c0 = boardPublishes(broker.fullLog());
    await sleep(5_000);
    const c1 = boardPublishes(broker.fullLog());
    const before = minus(c1, c0);

    // …then the Logger joins, and five more seconds.
    await lesson.getByRole('button', { name: 'Add a second subscriber' }).click();
    const logger = lesson.getByRole('region', { name: 'Logger', exact: true });
    await waitFor('the Logger to connect', async () => (await logger.innerText()).includes('connected · MQTT'));
    const c2 = boardPublishes(broker.fullLog());
    const d2 = deliveries(broker.fullLog(), 'logger');
    await sleep(5_000);
    const c3 = boardPublishes(broker.fullLog());
    const after = minus(c3, c2);
    const toLogger = deliveries(broker.fullLog(), 'logger') - d2;

    for (let i = 0; i < 3; i++) {
      assert.ok(before[i] >= 4 && before[i] <= 6, `board ${i + 1} sent ${before[i]} in 5 s before (${before})`);
      assert.ok(Math.abs(after[i] - before[i]) <= 1, `board ${i + 1}: ${before[i]} before, ${after[i]} after`);
    }
    // The broker now delivers every reading to the Logger as well.
    const published = after.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(toLogger - published) <= 3, `logger got ${toLogger} of ${published}`);
    await waitFor('the Logger to get readings from all three boards', () => fromAllBoards(lesson, 'Messages the Logger received'));

    // The lesson's own count, from the boards' packets, says the same.
    await lesson.getByText('Adding the Logger cost the boards nothing').waitFor({ timeout: 5_000 });
    const figures = await lesson.getByText(/PUBLISH packets per board in \d s — before the Logger joined/).innerText();
    const [b, a] = [...figures.matchAll(/: ([\d, ]+)[;.]/g)].map((m) => m[1].split(',').map((s) => Number(s.trim())));
    assert.equal(b.length, 3, figures);
    for (let i = 0; i < 3; i++) assert.ok(Math.abs(a[i] - b[i]) <= 1 && b[i] >= 4, figures);
    const table = await lesson.getByRole('table').innerText();
    assert.match(table, /Board 1\s+sent\s+[456]\s/);
    assert.match(table, /Logger\s+received\s+1[2-8]\s/);
    // Done is remembered in the sidebar.
    await page.getByRole('navigation', { name: 'Lessons' }).first().getByRole('link', { name: /publish\/subscribe.*done/ }).waitFor();

    // The diagram lights the edges that real packets crossed.
    await waitFor('a lit edge in the publish/subscribe diagram', async () => (await lesson.locator('.pubsub-figure .edge--hot').count()) > 0);

    // Stop: the boards go quiet.
    await lesson.getByRole('button', { name: 'Stop boards' }).click();
    await waitFor('the boards to disconnect', () => (broker.fullLog().match(/Client lab-[a-z0-9]+-board[123] disconnected/g) ?? []).length >= 3);
    const s0 = boardPublishes(broker.fullLog());
    const l0 = deliveries(broker.fullLog(), 'display');
    await sleep(3_000);
    assert.deepEqual(boardPublishes(broker.fullLog()), s0);
    assert.equal(deliveries(broker.fullLog(), 'display'), l0);
    assert.equal(await lesson.locator('.pubsub-figure .edge--hot').count(), 0, 'no edge lit once the traffic stopped');
  });
});
