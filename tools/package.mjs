// Packages the built extension (dist/chrome, from `make build`): dist/stratege-chrome.zip for the Chrome Web Store,
// and dist/firefox (the unpacked Firefox build: the same files with the Firefox manifest of
// tools/build-manifest.mjs) zipped as dist/stratege-firefox.zip for addons.mozilla.org.
// Usage: node tools/package.mjs (`make package`). Needs Info-ZIP's `zip` and AdvanceCOMP's `advzip` (installed by
// `make setup`).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firefoxManifest, manifestText } from './build-manifest.mjs';

/** Every file a manifest names (background, content scripts, web-accessible resources, pages, icons), sorted. */
export function referencedFiles(manifest) {
  const files = [
    manifest.background?.service_worker,
    ...(manifest.background?.scripts ?? []),
    ...(manifest.content_scripts ?? []).flatMap((entry) => [...(entry.js ?? []), ...(entry.css ?? [])]),
    ...(manifest.web_accessible_resources ?? []).flatMap((entry) => entry.resources),
    manifest.action?.default_popup,
    manifest.options_ui?.page,
    ...Object.values(manifest.icons ?? {}),
    ...Object.values(manifest.action?.default_icon ?? {}),
  ];
  return [...new Set(files.filter(Boolean))].sort();
}

/** Throws unless every file the manifest in `dir` names is in `dir`. */
function checkComplete(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const missing = referencedFiles(manifest).filter((file) => !existsSync(join(dir, file)));
  if (missing.length) throw new Error(`${dir}: the manifest names missing files: ${missing.join(', ')}`);
}

/**
 * Zips a directory's content (paths relative to it, no extra file attributes, no entries for the folders: 0.5 KB)
 * into `out`, replacing it, then has advzip recompress every entry with zopfli (`-z -4`, 20 iterations; an entry
 * that deflate cannot shrink, such as the LZMA lexicons, is stored): 1,603,775 -> 1,563,676 bytes for the Chrome
 * zip against Info-ZIP's `-9` alone, at advzip's default iterations (12 s); 20 iterations save 0.5 KB more (15 s).
 */
export function zipDir(dir, out) {
  rmSync(out, { force: true });
  execFileSync('zip', ['-q', '-r', '-X', '-D', '-9', resolve(out), '.'], { cwd: dir });
  execFileSync('advzip', ['-q', '-z', '-4', '-i', '20', resolve(out)]);
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
  checkComplete(chromeDir);
  zipDir(chromeDir, zips.chrome);
  buildFirefox(chromeDir, firefoxDir);
  checkComplete(firefoxDir);
  zipDir(firefoxDir, zips.firefox);
  return zips;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  packageAll(resolve(import.meta.dirname, '..', 'dist'));
  console.log('wrote dist/stratege-chrome.zip and dist/stratege-firefox.zip (unpacked: dist/firefox)');
}
