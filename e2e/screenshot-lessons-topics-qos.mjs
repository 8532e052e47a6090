#!/usr/bin/env node
// Screenshots of lessons 4 (topics) and 5 (QoS) after their exercises ran
// on mosquitto, in Korean (and in English with --en), for checking the
// texts by eye.
//
// Usage: MQTTLAB_APP_URL=http://127.0.0.1:PORT/ node e2e/screenshot-lessons-topics-qos.mjs OUTDIR [--en]
// (serve dist/ after `trunk build --release`). Writes
// OUTDIR/lesson-topics-ko.png and OUTDIR/lesson-qos-ko.png, full page,
// 1280 px wide, and OUTDIR/lesson-qos-sandbox-ko.png: the QoS lesson on
// the sandbox after its lost-acknowledgement demo.

import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { launch } from './lib/browser.mjs';
import { startBroker } from './lib/broker.mjs';
import { gotoLesson, openLesson } from './lib/learn.mjs';
import { waitFor } from './lib/util.mjs';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { en: { type: 'boolean' } } });
if (positionals.length !== 1) {
  console.error('usage: node e2e/screenshot-lessons-topics-qos.mjs OUTDIR [--en]');
  process.exit(2);
}
const outDir = resolve(positionals[0]);
await mkdir(outDir, { recursive: true });

/** Presses the language button named `name` ("한국어" or "English"). */
async function language(page, name) {
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForTimeout(300);
}

async function shoot(page, slug) {
  await page.waitForTimeout(300);
  if (values.en) {
    await page.screenshot({ path: `${outDir}/lesson-${slug}-en.png`, fullPage: true });
    console.log(`wrote ${outDir}/lesson-${slug}-en.png`);
  }
  await language(page, '한국어');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${outDir}/lesson-${slug}-ko.png`, fullPage: true });
  console.log(`wrote ${outDir}/lesson-${slug}-ko.png`);
  await language(page, 'English');
}

const broker = await startBroker();
const browser = await launch({ viewport: { width: 1280, height: 900 } });
try {
  const page = browser.page;
  let lesson = await openLesson(page, 'topics', { broker });
  await lesson.getByRole('button', { name: 'Check on the broker', exact: true }).click();
  await lesson.getByText('The broker and the protocol core agree on every topic').waitFor({ timeout: 10_000 });
  await lesson.getByRole('textbox', { name: 'Topic name to check', exact: true }).fill('/Home/living room_temp');
  await shoot(page, 'topics');

  lesson = await gotoLesson(page, 'qos');
  const sensor = lesson.getByRole('region', { name: 'Sensor', exact: true });
  const dashboard = lesson.getByRole('region', { name: 'Dashboard', exact: true });
  await sensor.getByRole('button', { name: 'Connect', exact: true }).click();
  await dashboard.getByRole('button', { name: 'Connect and subscribe', exact: true }).click();
  for (const q of [0, 1, 2]) {
    const button = sensor.getByRole('button', { name: `Publish at QoS ${q}`, exact: true });
    await waitFor('the publish button', () => button.isEnabled());
    await button.click();
    await lesson.getByRole('region', { name: `Run ${q + 1}`, exact: true }).getByText('Exactly').waitFor();
  }
  await shoot(page, 'qos');

  // The sandbox (no broker): the lost-acknowledgement demo.
  const sandbox = await browser.context.newPage();
  lesson = await openLesson(sandbox, 'qos');
  await lesson.getByRole('region', { name: 'Sensor', exact: true }).getByRole('button', { name: 'Connect', exact: true }).click();
  await lesson.getByRole('region', { name: 'Dashboard', exact: true }).getByRole('button', { name: 'Connect and subscribe', exact: true }).click();
  const demo = lesson.getByRole('region', { name: 'Lose an acknowledgement' });
  const keep = demo.getByRole('button', { name: 'Reconnect the sensor, keeping its session' });
  await waitFor('the sensor to connect', () => keep.isEnabled());
  await keep.click();
  for (const [name, n] of [['Publish at QoS 1 and lose the PUBACK', 1], ['Publish at QoS 2 and lose the PUBREC', 2]]) {
    const button = demo.getByRole('button', { name });
    await waitFor(name, () => button.isEnabled());
    await button.click();
    await lesson.getByRole('region', { name: `Run ${n}`, exact: true }).locator('.lesson-result--good').waitFor();
  }
  await shoot(sandbox, 'qos-sandbox');
} finally {
  await browser.close();
  await broker.cleanup();
}
