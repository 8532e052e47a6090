// Issue 5: the lessons work by keyboard. A sidebar link is followed with
// Enter and the keyboard focus lands on the lesson's heading; Tab reaches
// the exercise's buttons, which act on Enter / Space; "Show code" opens
// with Enter and its flavour tabs move with the arrow keys.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { launch } from './lib/browser.mjs';
import { openLesson } from './lib/learn.mjs';

test('keyboard: sidebar, lesson heading focus, buttons, Show code tabs', { timeout: 60_000 }, async () => {
  const browser = await launch();
  try {
    const { page } = browser;
    await openLesson(page, 'why-mqtt');
    const nav = page.getByRole('navigation', { name: 'Lessons' }).first();
    await nav.getByRole('link', { name: 'Broker, publisher, subscriber' }).focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 2, name: 'Broker, publisher, subscriber' });
    await heading.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'lesson-roles');
    assert.ok(await nav.getByRole('link', { name: /Broker, publisher, subscriber/ }).getAttribute('aria-current'));

    // Tab from the heading reaches the lesson's first button: Connect.
    const card = page.getByRole('region', { name: 'You (this tab)' });
    const connect = card.getByRole('button', { name: 'Connect', exact: true });
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await connect.evaluate((el) => el === document.activeElement);
    }
    assert.ok(reached, 'Tab reaches the Connect button');
    await page.keyboard.press('Enter');
    await card.getByText(/connected · MQTT/).waitFor();
    await card.getByRole('button', { name: 'Subscribe', exact: true }).focus();
    await page.keyboard.press('Space');
    await card.getByRole('button', { name: 'Publish', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Your own message came back from the broker').waitFor();

    // Show code: Enter opens it; arrow keys move between flavours.
    await card.getByText('Show code (publish)').focus();
    await page.keyboard.press('Enter');
    const tabs = card.getByRole('tablist', { name: 'Language' });
    const paho = tabs.getByRole('tab', { name: 'Python (paho-mqtt)' });
    await paho.waitFor();
    assert.equal(await paho.getAttribute('aria-selected'), 'true');
    await paho.focus();
    await page.keyboard.press('ArrowRight');
    const micro = tabs.getByRole('tab', { name: 'MicroPython (umqtt.simple)' });
    await page.waitForFunction(() => document.activeElement?.textContent === 'MicroPython (umqtt.simple)');
    assert.equal(await micro.getAttribute('aria-selected'), 'true');
    const code = card.getByRole('tabpanel', { name: 'MicroPython (umqtt.simple)' });
    assert.match(await code.innerText(), /umqtt\.simple/);
    await page.keyboard.press('End');
    await page.waitForFunction(() => document.activeElement?.textContent === 'MQTT.js');
    assert.match(await card.getByRole('tabpanel', { name: 'MQTT.js' }).innerText(), /require\(|import /);
  } catch (e) {
    if (e instanceof Error) e.message += `\n--- browser console ---\n${browser.diagnostics()}`;
    throw e;
  } finally {
    await browser.close();
  }
});
