// Issue 5, lesson 4: the topic-design checker explains a flat name and
// suggests a hierarchical one; the wildcard playground's verdicts for a few
// filters (and an error for an invalid one); and the check on the broker
// (mosquitto here) delivers exactly the topics the core said match.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { openLesson } from './lib/learn.mjs';
import { withApp } from './lib/fixture.mjs';
import { waitFor } from './lib/util.mjs';

const TOPICS = [
  'home/livingroom/temperature',
  'home/bedroom/temperature',
  'home/livingroom/humidity',
  'home/boiler/status',
  'office/livingroom/temperature',
  'home/livingroom/sensor/temperature',
];

// The expected verdict per topic above, worked out by hand from the rules.
const CASES = {
  'home/+/temperature': [true, true, false, false, false, false],
  'home/#': [true, true, true, true, false, true],
  '+/livingroom/#': [true, false, true, false, true, true],
};

/** The playground's rows: topic, verdict, reason and (after a check) the broker's cell. */
async function rows(lesson) {
  const table = lesson.getByRole('table', { name: 'Verdicts of the matcher' });
  return table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.children].map((c) => c.textContent.trim());
      return { topic: cells[0], verdict: cells[1], reason: cells[2], broker: cells[3] };
    }),
  );
}

test('topics: checker, playground verdicts, an invalid filter, and mosquitto agrees', { timeout: 60_000 }, async () => {
  await withApp({}, async ({ broker, page }) => {
    const lesson = await openLesson(page, 'topics', { broker });

    // Part A: a flat name is explained and split into levels.
    const name = lesson.getByRole('textbox', { name: 'Topic name to check', exact: true });
    await name.fill('hexaboard_A_temperature');
    const findings = lesson.getByRole('list', { name: 'What the checker found' });
    assert.match(await findings.innerText(), /several levels squeezed into one/);
    await lesson.getByText('A better name: hexaboard/A/temperature').waitFor();
    await name.fill('/home/Livingroom/temperature');
    const text = await findings.innerText();
    assert.match(text, /starts with '\/'/);
    assert.match(text, /Upper and lower case are mixed/);
    await lesson.getByRole('button', { name: 'Use this name' }).click();
    assert.equal(await name.inputValue(), 'home/livingroom/temperature');
    await lesson.getByText('Nothing to improve').waitFor();

    // Part B: the playground's verdicts, with a reason for each.
    const filter = lesson.getByRole('textbox', { name: 'Wildcard filter', exact: true });
    const list = lesson.getByRole('textbox', { name: 'Topics to match', exact: true });
    assert.deepEqual((await list.inputValue()).split('\n'), TOPICS);
    for (const [f, expected] of Object.entries(CASES)) {
      await filter.fill(f);
      const got = await waitFor(`verdicts for ${f}`, async () => {
        const r = await rows(lesson);
        return r.length === TOPICS.length && r.map((x) => x.verdict === 'match').join() === expected.join() && r;
      }, { describe: async () => JSON.stringify(await rows(lesson)) });
      assert.deepEqual(got.map((r) => r.topic), TOPICS);
      for (const r of got) assert.match(r.reason, r.verdict === 'match' ? /^Matches/ : /^No match/, JSON.stringify(r));
    }
    // The reasons name the deciding level.
    await filter.fill('home/+/temperature');
    const [, , humidity, , office, deep] = await rows(lesson);
    assert.match(humidity.reason, /at level 3 the filter has 'temperature' but the topic has 'humidity'/);
    assert.match(office.reason, /at level 1 the filter has 'home' but the topic has 'office'/);
    assert.match(deep.reason, /at level 3 the filter has 'temperature' but the topic has 'sensor'/);
    await filter.fill('home/+');
    const [first] = await rows(lesson);
    assert.match(first.reason, /the filter ends after level 2, but the topic goes on with 'temperature'/);

    // An invalid filter gets a clear message and no verdicts.
    await filter.fill('home/#/x');
    const alert = lesson.getByRole('alert').filter({ hasText: 'This filter is not valid' });
    await alert.waitFor();
    assert.match(await alert.innerText(), /#/);
    assert.equal(await lesson.getByRole('table', { name: 'Verdicts of the matcher' }).count(), 0);
    const check = lesson.getByRole('button', { name: 'Check on the broker', exact: true });
    assert.equal(await check.isDisabled(), true, 'an invalid filter cannot be checked');

    // The list is editable: '#' also matches its parent level.
    await list.fill([...TOPICS, 'home'].join('\n'));
    await filter.fill('home/#');
    const last = (await rows(lesson)).at(-1);
    assert.deepEqual([last.topic, last.verdict], ['home', 'match']);
    assert.match(last.reason, /also matches the parent level/);
    await list.fill(TOPICS.join('\n'));

    // Part C: mosquitto delivers exactly what the core said, for each filter.
    for (const [f, expected] of Object.entries(CASES)) {
      await filter.fill(f);
      await check.click();
      const verdict = lesson.getByText('The broker and the protocol core agree on every topic');
      await verdict.waitFor({ timeout: 10_000 });
      const delivered = expected.filter(Boolean).length;
      assert.match(await verdict.innerText(), new RegExp(`${delivered} of ${TOPICS.length} sent topics were delivered`));
      const got = await rows(lesson);
      assert.deepEqual(got.map((r) => r.broker), expected.map((m) => (m ? 'delivered ✓' : 'not delivered ✓')), f);
      // mosquitto itself saw the subscription to the filter under the prefix.
      await waitFor(`mosquitto to log the subscription to ${f}`, () =>
        broker.fullLog().split('\n').some((l) => l.includes(`/wild/${f} (QoS 1)`)));
    }
    // Editing after a check marks the column as out of date.
    await filter.fill('home/+');
    await lesson.getByText('The filter or the list changed since the last check').waitFor();
    // The subscriber's packets are shown.
    const packets = await lesson.getByRole('list', { name: 'Packets of the subscriber' }).innerText();
    assert.match(packets, /← SUBACK/);
    assert.match(packets, /← PUBLISH id \d+ QoS 1 ".*\/wild\/home\/livingroom\/temperature"/);
    await page.getByRole('navigation', { name: 'Lessons' }).first().getByRole('link', { name: /Topics and wildcards.*done/ }).waitFor();
  });
});
