// HTTPS fixture server: answers as x.com / twitter.com, www.facebook.com and www.instagram.com (routed by Host),
// serves the esbuild-bundled fixture apps same-origin (no inline scripts) under each site's real CSP header.
// startServer({csp: 'site' | 'strict'}) -> {port, close()}; 'strict' drops every token that permits WebAssembly
// compilation ('wasm-unsafe-eval', and 'unsafe-eval' which implies it) from script-src.
import https from 'node:https';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { buildFixtures } from './build-fixtures.mjs';

const FOCAL = '/ana_builds/status/1859912345678901234';

// x.com: the full 2024 header (sites-dom.md §1.9, "…" elisions dropped) plus 'wasm-unsafe-eval' as in 2025.
const X_CSP = [
  "connect-src 'self' blob: https://api.x.ai https://api.x.com https://*.pscp.tv https://*.video.pscp.tv https://*.twimg.com https://api.twitter.com https://api-stream.twitter.com https://api-stream.x.com https://ads-api.twitter.com https://ads-api.x.com https://aa.twitter.com https://aa.x.com https://caps.twitter.com https://caps.x.com https://pay.twitter.com https://pay.x.com https://sentry.io https://ton.twitter.com https://ton.x.com https://twitter.com https://x.com https://upload.twitter.com https://upload.x.com https://www.google-analytics.com https://accounts.google.com/gsi/status https://accounts.google.com/gsi/log https://checkoutshopper-live.adyen.com wss://*.pscp.tv https://media.riffsy.com https://*.giphy.com https://media.tenor.com https://c.tenor.com https://ads-twitter.com https://analytics.twitter.com https://analytics.x.com",
  "default-src 'self'",
  "form-action 'self' https://twitter.com https://*.twitter.com https://x.com https://*.x.com https://localhost.twitter.com:3443 https://localhost.x.com:3443",
  "font-src 'self' https://*.twimg.com",
  "frame-src 'self' https://twitter.com https://x.com https://mobile.twitter.com https://mobile.x.com https://pay.twitter.com https://pay.x.com https://cards-frame.twitter.com https://accounts.google.com/ https://client-api.arkoselabs.com/ https://iframe.arkoselabs.com/ https://vaultjs.apideck.com/ https://recaptcha.net/recaptcha/ https://www.google.com/recaptcha/ https://www.gstatic.com/recaptcha/",
  "img-src 'self' blob: data: https://*.cdn.twitter.com https://*.cdn.x.com https://ton.twitter.com https://ton.x.com https://*.twimg.com https://analytics.twitter.com https://analytics.x.com https://cm.g.doubleclick.net https://www.google-analytics.com https://maps.googleapis.com https://www.periscope.tv https://www.pscp.tv https://ads-twitter.com https://ads-api.twitter.com https://ads-api.x.com https://media.riffsy.com https://*.giphy.com https://media.tenor.com https://c.tenor.com https://*.pscp.tv https://*.periscope.tv https://prod-periscope-profile.s3-us-west-2.amazonaws.com https://platform-lookaside.fbsbx.com https://scontent.xx.fbcdn.net https://scontent-sea1-1.xx.fbcdn.net https://*.googleusercontent.com https://t.co/1/i/adsct",
  "manifest-src 'self'",
  "media-src 'self' blob: https://twitter.com https://x.com https://*.twimg.com https://*.vine.co https://*.pscp.tv https://*.video.pscp.tv https://dwo3ckksxlb0v.cloudfront.net",
  "object-src 'none'",
  "script-src 'self' 'unsafe-inline' https://*.twimg.com https://recaptcha.net/recaptcha/ https://www.google.com/recaptcha/ https://www.gstatic.com/recaptcha/ https://client-api.arkoselabs.com/ https://www.google-analytics.com https://twitter.com https://x.com https://accounts.google.com/gsi/client https://appleid.cdn-apple.com/appleauth/static/jsapi/appleid/1/en_US/appleid.auth.js https://static.ads-twitter.com 'wasm-unsafe-eval' 'nonce-{NONCE}'",
  "style-src 'self' 'unsafe-inline' https://accounts.google.com/gsi/style https://*.twimg.com",
  "worker-src 'self' blob:",
  'report-uri https://twitter.com/i/csp_report?a=O5RXE%3D%3D%3D&ro=false',
];

// facebook.com: the 2025 nonce header (§2.5: default-src, script-src, style-src verbatim); the other directives
// are the ~2023/24 header's, minus its 'unsafe-*' default-src tokens that 2025 dropped.
const FB_CSP = [
  "default-src blob: 'self' https://*.fbsbx.com *.facebook.com *.fbcdn.net",
  "script-src *.facebook.com *.fbcdn.net *.facebook.net 127.0.0.1:* 'nonce-{NONCE}' blob: data: 'self' connect.facebook.net 'wasm-unsafe-eval' https://*.google-analytics.com *.google.com",
  "style-src *.fbcdn.net data: *.facebook.com 'unsafe-inline' https://fonts.googleapis.com",
  "connect-src *.facebook.com facebook.com *.fbcdn.net *.facebook.net wss://*.facebook.com:* wss://*.whatsapp.com:* wss://*.fbcdn.net attachment.fbsbx.com ws://localhost:* blob: *.cdninstagram.com 'self' wss://gateway.facebook.com wss://edge-chat.facebook.com v.whatsapp.net *.fbsbx.com *.fb.com",
  'font-src data: *.gstatic.com *.facebook.com *.fbcdn.net *.fbsbx.com',
  'img-src *.fbcdn.net *.facebook.com data: https://*.fbsbx.com *.tenor.co media.tenor.com facebook.com *.cdninstagram.com fbsbx.com fbcdn.net *.giphy.com connect.facebook.net blob: *.whatsapp.net *.fb.com *.oculuscdn.com',
  'media-src *.cdninstagram.com blob: *.fbcdn.net *.fbsbx.com www.facebook.com *.facebook.com https://*.giphy.com data:',
  'frame-src *.doubleclick.net *.google.com *.facebook.com www.googleadservices.com *.fbsbx.com fbsbx.com data: www.instagram.com *.fbcdn.net',
  'worker-src blob: *.facebook.com data:',
  'block-all-mixed-content',
  'upgrade-insecure-requests',
];

// instagram.com: the 2022 header (§3.5), the newest found; its script-src has 'unsafe-eval' (which permits wasm).
const IG_CSP = [
  'report-uri https://www.instagram.com/security/csp_report/',
  "default-src 'self' https://www.instagram.com",
  'img-src data: blob: https://*.fbcdn.net https://*.instagram.com https://*.cdninstagram.com https://*.facebook.com https://*.fbsbx.com https://*.giphy.com',
  'font-src data: https://*.fbcdn.net https://*.instagram.com https://*.cdninstagram.com',
  "media-src 'self' blob: https://www.instagram.com https://*.cdninstagram.com https://*.fbcdn.net",
  "manifest-src 'self' https://www.instagram.com",
  "script-src 'self' https://instagram.com https://www.instagram.com https://*.www.instagram.com https://*.cdninstagram.com wss://www.instagram.com https://*.facebook.com https://*.fbcdn.net https://*.facebook.net 'unsafe-inline' 'unsafe-eval' blob:",
  "style-src 'self' https://*.www.instagram.com https://www.instagram.com 'unsafe-inline'",
  "connect-src 'self' https://instagram.com https://www.instagram.com https://*.www.instagram.com https://graph.instagram.com https://*.graph.instagram.com https://i.instagram.com/graphql_www https://graphql.instagram.com https://*.cdninstagram.com https://api.instagram.com https://i.instagram.com https://*.i.instagram.com https://*.od.instagram.com wss://www.instagram.com wss://edge-chat.instagram.com https://*.facebook.com https://*.fbcdn.net https://*.facebook.net blob:",
  "worker-src 'self' blob: https://www.instagram.com",
  "frame-src 'self' https://instagram.com https://www.instagram.com https://*.instagram.com https://staticxx.facebook.com https://www.facebook.com https://web.facebook.com https://connect.facebook.net https://m.facebook.com https://*.fbsbx.com",
  "object-src 'none'",
  'upgrade-insecure-requests',
];

// Per app: host names, CSP, page shell, page routes, and the composer pages listed on /demo.
export const SITES = {
  x: {
    hosts: ['x.com', 'twitter.com'],
    csp: X_CSP,
    body: '<div id="react-root"></div><div id="layers"></div>',
    pages: [/^\/home$/, /^\/compose\/post$/, /^\/[A-Za-z0-9_]+\/status\/\d+$/],
    reportPath: '/i/csp_report',
    demo: [
      {
        path: '/home',
        editors: ['x-home'],
        how: 'Home composer (Draft.js). The For you / Following tabs re-mount it; Builders removes it.',
      },
      {
        path: '/compose/post',
        editors: ['x-compose'],
        how: 'Compose modal under #layers. Drafts re-mounts the editor with the picked draft.',
      },
      {
        path: FOCAL,
        editors: ['x-status-reply', 'x-reply'],
        how: 'Status page: inline reply; the reply icon (mounted after load) opens the reply modal.',
      },
    ],
  },
  fb: {
    hosts: ['www.facebook.com', 'facebook.com'],
    csp: FB_CSP,
    body: '<div id="mount_0_0_Zx"><div id="app-root"></div><div id="fixture-layer"></div></div>',
    pages: [/^\/$/],
    reportPath: null,
    demo: [
      {
        path: '/',
        editors: ['fb-post', 'fb-comment', 'fb-messenger'],
        how: '"What\'s on your mind, Ana?" opens the Create post dialog; the feed post has a comment box (Enter submits); the chat box is Messenger (to be ignored).',
      },
    ],
  },
  ig: {
    hosts: ['www.instagram.com', 'instagram.com'],
    csp: IG_CSP,
    body: '<div id="react-root"></div><div id="ig-layer-root"></div>',
    pages: [/^\/$/, /^\/p\/[A-Za-z0-9_-]+\/$/],
    reportPath: '/security/csp_report/',
    demo: [
      {
        path: '/',
        editors: ['ig-caption', 'ig-comment'],
        how: 'Create (New post) opens the create dialog: select, crop, edit, then the caption step; the feed post has the comment textarea. At /?create=caption the dialog opens at its caption step.',
      },
      { path: '/p/C0deAbc123x/', editors: ['ig-comment'], how: 'Post permalink with the comment textarea.' },
    ],
  },
};

export const FIXTURE_HOSTS = Object.values(SITES).flatMap((s) => s.hosts);

// Every composer page as an absolute URL, with its editor names: used by tools/demo.mjs and tests.
export const COMPOSER_PAGES = Object.values(SITES).flatMap((s) =>
  s.demo.map((d) => ({ url: `https://${s.hosts[0]}${d.path}`, ...d })),
);

export function cspHeader(app, mode) {
  const nonce = crypto.randomBytes(12).toString('base64');
  return SITES[app].csp
    .map((d) =>
      mode === 'strict' && d.startsWith('script-src') ? d.replace(/ '(wasm-unsafe-eval|unsafe-eval)'/g, '') : d,
    )
    .join('; ')
    .replace('{NONCE}', nonce);
}

function makeCertificate(dir) {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  const san = FIXTURE_HOSTS.concat(['*.facebook.com', '*.instagram.com'])
    .map((h) => `DNS:${h}`)
    .join(',');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=Stratege e2e fixtures',
      '-addext',
      `subjectAltName=${san}`,
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

/** A transparent 1×1 PNG, the fixture hosts' favicon. */
const FAVICON = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

function demoPage(app) {
  const sections = Object.entries(SITES).map(([id, site]) => {
    const items = site.demo
      .map(
        (d) =>
          `<li><a href="https://${site.hosts[0]}${d.path}">${site.hosts[0]}${d.path}</a> — editors ${d.editors.map((e) => `<code>${e}</code>`).join(', ')}. ${escapeHtml(d.how)}</li>`,
      )
      .join('\n');
    return `<h2>${site.hosts[0]}${id === app ? ' (this host)' : ''}</h2><ul>${items}</ul>`;
  });
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Stratège fixtures</title></head><body>
<h1>Stratège e2e fixtures</h1>
<p>Offline copies of the native composers, built with the real editors (Draft.js on X, Lexical on Facebook and Instagram).
In the console, <code>__fixture.modelText(name)</code> reads an editor's own model and <code>__fixture.submitted</code> lists what was posted.</p>
${sections.join('\n')}
</body></html>`;
}

function shell(app) {
  return `<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8"><title>${app === 'x' ? 'Home / X' : app === 'fb' ? 'Facebook' : 'Instagram'}</title>
<link rel="stylesheet" href="/_fixture/${app}.css"><script src="/_fixture/${app}.js" defer></script></head>
<body>${SITES[app].body}</body></html>`;
}

export async function startServer({ csp = 'site' } = {}) {
  if (csp !== 'site' && csp !== 'strict') throw new Error(`csp must be 'site' or 'strict', not ${csp}`);
  const buildDir = await buildFixtures();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stratege-cert-'));
  const tls = makeCertificate(tmp);
  const appByHost = new Map(Object.entries(SITES).flatMap(([app, s]) => s.hosts.map((h) => [h, app])));

  const server = https.createServer(tls, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const app = appByHost.get(host);
    const url = new URL(req.url, `https://${host}`);
    const send = (status, type, body, extra = {}) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra });
      res.end(body);
    };
    if (!app) return send(421, 'text/plain', `not a fixture host: ${host}\n`);
    const asset = url.pathname.match(/^\/_fixture\/(x|fb|ig)\.(js|css)$/);
    if (asset && asset[1] === app) {
      const type = asset[2] === 'js' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8';
      return send(200, type, fs.readFileSync(path.join(buildDir, `${app}.${asset[2]}`)));
    }
    // The browser asks for /favicon.ico on its own, at a moment of its choosing; a 404 there would be logged in the
    // page's console, which tests read. A transparent 1×1 PNG answers it.
    if (url.pathname === '/favicon.ico') return send(200, 'image/png', FAVICON);
    if (req.method === 'POST' && url.pathname === SITES[app].reportPath) return send(204, 'text/plain', '');
    if (app === 'x' && url.pathname === '/') return send(302, 'text/plain', '', { location: '/home' });
    const headers = { 'content-security-policy': cspHeader(app, csp) };
    if (url.pathname === '/demo') return send(200, 'text/html; charset=utf-8', demoPage(app), headers);
    if (SITES[app].pages.some((re) => re.test(url.pathname)))
      return send(200, 'text/html; charset=utf-8', shell(app), headers);
    return send(404, 'text/plain', 'no such fixture page\n');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}
