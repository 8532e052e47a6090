#!/usr/bin/env node
// Screenshots of every lesson, for checking by eye (clipped or untranslated
// text) and for the README.
//
// Usage: node e2e/lesson-screenshots.mjs OUTDIR [--lang ko|en|both] [--only slug,slug] [--width N]
//
// Serves ./dist itself on a free 127.0.0.1 port (build it first with
// `trunk build --release`) unless MQTTLAB_APP_URL is set. The lessons run on
// the sandbox broker in the page. Before each capture a few steps of the
// lesson's exercise are done in English through its controls' accessible
// names; then the page's language switch turns it to Korean (or English)
// while the lesson keeps running, so the readouts show real packets in the
// language captured. Writes OUTDIR/lesson-<slug>-<lang>.png (full page).

import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { launch } from './lib/browser.mjs';
import { LESSONS } from './lib/learn.mjs';
import { serveDistUnlessGiven, waitFor } from './lib/util.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    lang: { type: 'string', default: 'ko' },
    only: { type: 'string' },
    width: { type: 'string', default: '1280' },
  },
});
if (positionals.length !== 1) {
  console.error('usage: node e2e/lesson-screenshots.mjs OUTDIR [--lang ko|en|both] [--only slug,slug] [--width N]');
  process.exit(2);
}
const outDir = resolve(positionals[0]);
await mkdir(outDir, { recursive: true });

const server = await serveDistUnlessGiven();

/** Clicks the button called `name` (English) in `scope` once it is enabled. */
async function press(scope, name, waitMs = 500) {
  const button = scope.getByRole('button', { name, exact: true });
  await waitFor(`the button "${name}"`, () => button.isEnabled(), { timeoutMs: 10_000 });
  await button.click();
  if (waitMs) await scope.page().waitForTimeout(waitMs);
}

/** What to do in each lesson (in English, found by accessible names) before
 * the capture, so the readouts show real packets. */
const DEMO = {
  'why-mqtt': async (lesson) => {
    await press(lesson, 'Send the reading to the broker', 0);
    await lesson.getByText(/the client sent PINGREQ/).waitFor({ timeout: 12_000 });
  },
  'pub-sub': async (lesson) => {
    await press(lesson, 'Start boards', 3_000);
    await press(lesson, 'Add a second subscriber', 6_500);
  },
  roles: async (lesson) => {
    const card = lesson.getByRole('region', { name: 'You (this tab)' });
    await press(card, 'Connect');
    await press(card, 'Subscribe');
    await press(card, 'Publish');
  },
  topics: async (lesson) => {
    await press(lesson, 'Check on the broker', 0);
    await lesson.getByText('The broker and the protocol core agree on every topic').waitFor({ timeout: 10_000 });
    await lesson.getByRole('textbox', { name: 'Topic name to check', exact: true }).fill('/Home/living room_temp');
  },
  qos: async (lesson) => {
    const sensor = lesson.getByRole('region', { name: 'Sensor', exact: true });
    await press(sensor, 'Connect');
    await press(lesson.getByRole('region', { name: 'Dashboard', exact: true }), 'Connect and subscribe');
    for (const q of [0, 1, 2]) {
      await press(sensor, `Publish at QoS ${q}`, 0);
      await lesson.getByRole('region', { name: `Run ${q + 1}`, exact: true }).getByText('Exactly').waitFor();
    }
  },
  retained: async (lesson) => {
    const board = lesson.getByRole('region', { name: 'Board', exact: true });
    const newcomer = lesson.getByRole('region', { name: 'New client', exact: true });
    await press(board, 'Connect board', 800);
    await press(board, 'Publish “online” with retain', 800);
    await press(newcomer, 'New client subscribes', 2_500);
    await press(board, 'Clear the retained message', 800);
    await press(newcomer, 'New client subscribes', 3_000);
  },
  'last-will': async (lesson) => {
    const board = lesson.getByRole('region', { name: 'Virtual board', exact: true });
    await board.getByRole('spinbutton', { name: 'Keep alive (seconds)', exact: true }).fill('2');
    await press(board, 'Connect board', 1_000);
    await press(board, 'Freeze', 1_000);
  },
  'smart-home': async (lesson) => press(lesson, 'Start scenario', 8_000),
  summary: async (lesson) => {
    const questions = lesson.getByRole('group', { name: /^Question \d+ of/ });
    for (let i = 0; i < 4; i++) await questions.nth(i).getByRole('radio').nth(i % 3).check();
  },
};

const only = values.only ? values.only.split(',') : Object.keys(LESSONS);
const langs = values.lang === 'both' ? ['en', 'ko'] : [values.lang];
const browser = await launch({ viewport: { width: Number(values.width), height: 900 } });
let status = 0;
try {
  const page = browser.page;
  for (const slug of only) {
    const url = new URL(process.env.MQTTLAB_APP_URL);
    url.searchParams.set('lang', 'en');
    url.hash = `#learn/${slug}`;
    await page.goto(url.href, { waitUntil: 'load' });
    // A hash change keeps the page (and the language picked last).
    await page.getByRole('button', { name: 'English', exact: true }).click();
    const lesson = page.getByRole('article', { name: LESSONS[slug], exact: true });
    await lesson.waitFor();
    if (DEMO[slug]) await DEMO[slug](lesson);
    for (const lang of langs) {
      // The page's own language switch: the lesson keeps running.
      await page.getByRole('button', { name: lang === 'ko' ? '한국어' : 'English', exact: true }).click();
      await page.evaluate(() => {
        document.activeElement?.blur();
        window.scrollTo(0, 0);
        // A sticky header would be drawn part-way down a full-page capture.
        for (const el of document.querySelectorAll('.app-header, .learn-nav')) el.style.position = 'static';
      });
      await page.waitForTimeout(300);
      const path = `${outDir}/lesson-${slug}-${lang}.png`;
      await page.screenshot({ path, fullPage: true });
      console.log(`wrote ${path}`);
    }
  }
} catch (e) {
  console.error(`screenshot failed: ${e.message}\n${browser.diagnostics()}`);
  status = 1;
} finally {
  await browser.close();
  if (server) server.kill();
}
process.exit(status);
