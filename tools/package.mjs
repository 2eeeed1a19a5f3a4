// Packages the built extension (dist/chrome, from `make build`): dist/stratege-chrome.zip for the Chrome Web Store,
// and dist/firefox (the unpacked Firefox build: the same files with the Firefox manifest of
// tools/build-manifest.mjs) zipped as dist/stratege-firefox.zip for addons.mozilla.org.
// Usage: node tools/package.mjs (`make package`). Needs Info-ZIP's `zip` (installed by `make setup`).
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firefoxManifest, manifestText } from './build-manifest.mjs';

/** Zips a directory's content (paths relative to it, no extra file attributes) into `out`, replacing it. */
export function zipDir(dir, out) {
  rmSync(out, { force: true });
  execFileSync('zip', ['-q', '-r', '-X', resolve(out), '.'], { cwd: dir });
}

/** Writes `firefoxDir`: a copy of the Chrome build `chromeDir` whose manifest is its Firefox manifest. */
export function buildFirefox(chromeDir, firefoxDir) {
  const chrome = JSON.parse(readFileSync(join(chromeDir, 'manifest.json'), 'utf8'));
  rmSync(firefoxDir, { recursive: true, force: true });
  cpSync(chromeDir, firefoxDir, { recursive: true });
  writeFileSync(join(firefoxDir, 'manifest.json'), manifestText(firefoxManifest(chrome)));
}

/** Both packages from the Chrome build in `dist`: {chrome, firefox} zip paths; the Firefox build stays unpacked. */
export function packageAll(dist) {
  const chromeDir = join(dist, 'chrome');
  const firefoxDir = join(dist, 'firefox');
  const zips = { chrome: join(dist, 'stratege-chrome.zip'), firefox: join(dist, 'stratege-firefox.zip') };
  zipDir(chromeDir, zips.chrome);
  buildFirefox(chromeDir, firefoxDir);
  zipDir(firefoxDir, zips.firefox);
  return zips;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  packageAll(resolve(import.meta.dirname, '..', 'dist'));
  console.log('wrote dist/stratege-chrome.zip and dist/stratege-firefox.zip (unpacked: dist/firefox)');
}
