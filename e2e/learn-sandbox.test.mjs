// Issue 5 on the sandbox with the network off: lesson 1 sends its reading
// through the in-page broker and checks the bytes on the wire against its
// count; the quiz explains a wrong answer, keeps the answers across a
// reload, and the sidebar ticks the lessons done.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { launch } from './lib/browser.mjs';
import { gotoLesson, openLesson, wireLines } from './lib/learn.mjs';

test('offline: why-MQTT bytes on the sandbox, and quiz progress survives a reload', { timeout: 60_000 }, async () => {
  const browser = await launch();
  try {
    const { context, page } = browser;
    const lesson = await openLesson(page, 'why-mqtt');
    await context.setOffline(true);

    // PINGREQ is shown as the codec writes it.
    assert.deepEqual(await lesson.getByRole('list', { name: 'PINGREQ' }).locator('li').allInnerTexts(), ['C0', '00']);
    // A reading changes the counted PUBLISH; its fixed header is 2 bytes.
    await lesson.getByRole('textbox', { name: 'Sensor reading' }).fill('21.75');
    const counted = await lesson.getByRole('list', { name: 'PUBLISH bytes', exact: true }).locator('li').allInnerTexts();
    await lesson.getByText(`MQTT: ${counted.length} bytes, of which 2 are the fixed header`).waitFor();
    assert.equal(counted[0], '30');
    const http = await lesson.getByText(/^HTTP: \d+ bytes/).innerText();
    assert.ok(Number(http.match(/\d+/)[0]) > 2 * counted.length, http);

    // Sent for real through the sandbox: the bytes on the wire are the ones counted.
    await lesson.getByRole('button', { name: 'Send the reading to the broker' }).click();
    await lesson.getByText('The PUBLISH that went to the broker has exactly the bytes counted above.').waitFor();
    const sent = await lesson.getByRole('list', { name: 'PUBLISH bytes (sent)' }).locator('li').allInnerTexts();
    assert.deepEqual(sent, counted);
    const lines = await wireLines(lesson, 'Packets of the sensor board');
    assert.ok(lines.some((l) => l.startsWith('→ PUBLISH') && l.includes('hexaboard/a/temperature')), JSON.stringify(lines));
    // Keep alive 5 s: the PINGREQ/PINGRESP pair shows up.
    await lesson.getByText(/the client sent PINGREQ \(C0 00\)/).waitFor({ timeout: 12_000 });

    // The quiz: a wrong answer is explained, with the right one and a way back.
    const quiz = await gotoLesson(page, 'summary');
    const q = quiz.getByRole('group', { name: /Question 6 of \d+/ });
    await q.getByRole('radio', { name: 'QoS 2' }).check();
    await q.getByText('Not quite.').waitFor();
    await q.getByText(/The answer:/).waitFor();
    assert.ok(await q.getByRole('link', { name: /Review the lesson: QoS 0, 1 and 2/ }).isVisible());
    await quiz.getByRole('group', { name: /Question 1 of/ }).getByRole('radio', { name: /One connection stays open/ }).check();
    await quiz.getByText('2 of 11 answered, 1 right').waitFor();

    // Reload (from the page already loaded: the server is still reachable on
    // loopback only when online, so switch it back for the reload).
    await context.setOffline(false);
    await page.reload();
    const again = page.getByRole('article', { name: 'Summary and self-check' });
    await again.getByText('2 of 11 answered, 1 right').waitFor();
    assert.ok(await again.getByRole('group', { name: /Question 6 of/ }).getByRole('radio', { name: 'QoS 2' }).isChecked());
    // Lesson 1 is ticked as done in the sidebar.
    await page.getByRole('navigation', { name: 'Lessons' }).first().getByRole('link', { name: /Why MQTT\?.*done/ }).waitFor();
    // Start over clears the answers.
    await again.getByRole('button', { name: 'Start the quiz over' }).click();
    await again.getByText('0 of 11 answered, 0 right').waitFor();
  } catch (e) {
    if (e instanceof Error) e.message += `\n--- browser console ---\n${browser.diagnostics()}`;
    throw e;
  } finally {
    await browser.close();
  }
});
