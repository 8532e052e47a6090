// Issue 5: every lesson in both languages, on the sandbox. In Korean, the
// only Latin-letter words are MQTT's own terms and names (QoS, Broker,
// PUBLISH, HiveMQ Cloud…) and example topic levels — no English sentence
// leaks in; in English there is no Hangul except the language switch's
// "한국어". Code, topics in <code>, packet lines and byte strips are left
// out: they are the same in both languages.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { launch } from './lib/browser.mjs';
import { LESSONS } from './lib/learn.mjs';
import { appUrl } from './lib/app.mjs';

/** Latin-letter words a Korean lesson may use: protocol terms, product
 * names, units, and the example topics' levels and JSON keys. */
const LATIN_OK = new Set(
  `MQTT QoS Broker Topic Retained RETAIN Retain LWT Last Will Keep Alive PUBLISH PUBACK PUBREC PUBREL
  PUBCOMP SUBSCRIBE SUBACK CONNECT CONNACK DISCONNECT PINGREQ PINGRESP DUP ID Client Clean Session Start
  Expiry Remaining Length Quality of Service Publisher Subscriber HiveMQ Cloud HTTP POST TCP Wi-Fi wss mqtt
  SYS vs C A N M a home temperature livingroom bedroom humidity status office sensor boiler control target
  thermostat mode heat state heating online offline hexaboard Hexaboard Temperature`.split(/\s+/),
);

async function lessonText(page) {
  return page.evaluate(() => {
    const clone = document.querySelector('.learn').cloneNode(true);
    for (const el of clone.querySelectorAll('code, pre, .wire-list, .bytes, .code-tab')) el.remove();
    // Neighbouring cells and spans would run together in textContent.
    for (const el of clone.querySelectorAll('*')) el.append(' ');
    return clone.textContent;
  });
}

test('every lesson: no English in the Korean UI, no Korean in the English UI, one status element', { timeout: 90_000 }, async () => {
  const browser = await launch();
  try {
    const { page } = browser;
    for (const slug of Object.keys(LESSONS)) {
      for (const lang of ['ko', 'en']) {
        const url = new URL(appUrl({ lang }));
        url.hash = `#learn/${slug}`;
        await page.goto(url.href);
        await page.reload();
        await page.locator(`#lesson-${slug}`).waitFor();
        // The connection status stays the page's one status element.
        assert.equal(await page.getByRole('status').count(), 1, `${slug}: one role=status`);
        const text = await lessonText(page);
        if (lang === 'ko') {
          const words = (text.match(/[A-Za-z][A-Za-z'’-]*/g) || []).map((w) => w.replace(/['’-]+$/, ''));
          const leaked = [...new Set(words.filter((w) => !LATIN_OK.has(w)))];
          assert.deepEqual(leaked, [], `${slug} (ko) shows Latin-letter words that are not MQTT terms`);
          assert.match(text, /[가-힣]/, `${slug} (ko) has Korean`);
        } else {
          const hangul = text.match(/[가-힣]+/g) || [];
          assert.deepEqual(hangul, [], `${slug} (en) shows Hangul`);
        }
      }
    }
  } catch (e) {
    if (e instanceof Error) e.message += `\n--- browser console ---\n${browser.diagnostics()}`;
    throw e;
  } finally {
    await browser.close();
  }
});
