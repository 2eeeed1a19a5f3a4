// `make demo`: serves the e2e fixture sites and opens Chromium with the extension (dist/chrome by default) on
// every demo composer. Headed on a display; under Xvfb (xvfb-run) when there is none; headless as a last resort.
// Without a real display it also writes a screenshot per composer to dist/demo/. Stays up until Ctrl+C, except
// with --screenshots, which exits once they are written.
//   node tools/demo.mjs [--extension DIR] [--no-extension] [--csp site|strict] [--screenshots]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from '../tests/e2e/harness.mjs';
import { COMPOSERS, openComposer } from '../tests/e2e/composers.mjs';

const SAMPLE = 'Launching our #SocialMeida tips today 🚀 with @ana_builds https://example.com/tips #smallbuisness';
/** Replies and comments show the tone warning too. */
const REPLY_SAMPLE = 'Learn to read, this is YOUR fault. Thanks for nothing! #custmerservice';
const isReply = (name) => /reply|comment|messenger/.test(name);
const SHOTS = path.resolve('dist/demo');

const { values: opts } = parseArgs({
  options: {
    extension: { type: 'string', default: 'dist/chrome' },
    'no-extension': { type: 'boolean', default: false },
    csp: { type: 'string', default: 'site' },
    screenshots: { type: 'boolean', default: false },
  },
});

const hasXvfbRun = spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
const insideXvfb = process.env.STRATEGE_DEMO_UNDER_XVFB === '1';

// No display: re-run this script under xvfb-run; if that fails before the browser is up, fall back to headless.
if (!process.env.DISPLAY && hasXvfbRun && !insideXvfb) {
  // The IPC channel passes through xvfb-run to the inner node: disconnecting it tells the inner run to stop.
  const child = spawn('xvfb-run', ['-a', '-s', '-screen 0 1366x900x24', process.execPath, ...process.argv.slice(1)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, STRATEGE_DEMO_UNDER_XVFB: '1' },
  });
  const stop = () => child.connected && child.disconnect();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(signal ? 0 : c)));
  if (code !== 3) process.exit(code ?? 0);
  console.log('demo: Xvfb did not work; falling back to headless Chromium.');
  await run({ headless: true, shots: true });
} else {
  await run({ headless: !process.env.DISPLAY, shots: !process.env.DISPLAY || insideXvfb || opts.screenshots });
}

async function run({ headless, shots }) {
  let extensionDir = null;
  if (!opts['no-extension']) {
    if (fs.existsSync(path.join(opts.extension, 'manifest.json'))) extensionDir = path.resolve(opts.extension);
    else console.log(`demo: no extension at ${opts.extension} (run \`make build\`); showing the fixtures without it.`);
  }
  let h;
  try {
    h = await launch({ extensionDir, csp: opts.csp, headless });
  } catch (error) {
    if (insideXvfb) {
      console.error(`demo: headed Chromium failed under Xvfb: ${error.message.split('\n')[0]}`);
      process.exit(3);
    }
    throw error;
  }
  const mode = headless ? 'headless' : insideXvfb ? 'headed under Xvfb (invisible; see the screenshots)' : 'headed';
  console.log(
    `demo: Chromium ${mode}, extension ${extensionDir ?? 'none'}${h.extensionId ? ` (id ${h.extensionId})` : ''}, CSP '${opts.csp}', fixture server on 127.0.0.1:${h.port}`,
  );

  const index = await h.open('https://x.com/demo');
  if (shots) {
    fs.mkdirSync(SHOTS, { recursive: true });
    await index.screenshot({ path: path.join(SHOTS, 'index.png'), fullPage: true });
  }
  for (const name of Object.keys(COMPOSERS)) {
    const { page } = await openComposer(h, name);
    await page.keyboard.type(isReply(name) ? REPLY_SAMPLE : SAMPLE);
    if (shots) {
      await page.waitForTimeout(800); // the review (spelling, tone) follows a pause in typing
      await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
    }
    console.log(`demo: ${name} at ${COMPOSERS[name].url}`);
  }
  if (shots)
    console.log(`demo: screenshots of the index and each composer written to ${path.relative(process.cwd(), SHOTS)}/`);
  if (opts.screenshots) {
    await h.close();
    return;
  }
  console.log('demo: running; press Ctrl+C to stop.');
  await new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    if (process.connected) process.once('disconnect', resolve);
  });
  await h.close();
}
