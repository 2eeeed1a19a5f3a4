// Packages the built extension: dist/stratege-chrome.zip (Chrome Web Store upload) and dist/stratege-firefox.zip
// (the same files with Firefox's manifest differences: an event-page background script and a Gecko id).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const chrome = join(dist, 'chrome');

function zipDir(dir, out) {
  rmSync(out, { force: true });
  execFileSync('zip', ['-q', '-r', '-X', out, '.'], { cwd: dir });
}

zipDir(chrome, join(dist, 'stratege-chrome.zip'));

const firefox = mkdtempSync(join(tmpdir(), 'stratege-firefox-'));
cpSync(chrome, firefox, { recursive: true });
const manifest = JSON.parse(readFileSync(join(firefox, 'manifest.json'), 'utf8'));
manifest.background = { scripts: ['worker.js'], type: 'module' };
manifest.browser_specific_settings = { gecko: { id: 'stratege@stratege.app', strict_min_version: '128.0' } };
delete manifest.minimum_chrome_version;
for (const entry of manifest.web_accessible_resources) delete entry.use_dynamic_url;
writeFileSync(join(firefox, 'manifest.json'), JSON.stringify(manifest, null, 2));
zipDir(firefox, join(dist, 'stratege-firefox.zip'));
rmSync(firefox, { recursive: true });
console.log('wrote dist/stratege-chrome.zip and dist/stratege-firefox.zip');
