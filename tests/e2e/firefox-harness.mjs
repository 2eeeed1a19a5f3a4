// Firefox harness: starts the fixture server (server.mjs), launches Debian's Firefox ESR headless over WebDriver
// BiDi (puppeteer-core), installs the Firefox package as a temporary add-on, and maps the sites' real host names
// to the fixture server through a local HTTP CONNECT proxy set by Firefox prefs (Firefox has no host-resolver
// flag; the proxy lets the server keep its ephemeral port). The proxy tunnels https to the fixture hosts only and
// refuses every other destination, which it records.
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { FIXTURE_HOSTS, startServer } from './server.mjs';

export const FIREFOX = '/usr/bin/firefox-esr';

/** A CONNECT proxy on 127.0.0.1 to the fixture server's port: {port, refused, close()}. */
async function startProxy(serverPort) {
  const refused = [];
  const sockets = new Set();
  const proxy = http.createServer((req, res) => {
    refused.push(`${req.method} ${req.url}`); // plain http: nothing the fixtures serve
    res.writeHead(502).end();
  });
  proxy.on('connect', (req, client, head) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const [host, port] = req.url.split(':');
    if (!FIXTURE_HOSTS.includes(host) || port !== '443') {
      refused.push(`CONNECT ${req.url}`);
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = net.connect(serverPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: proxy.address().port,
    refused,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => proxy.close(resolve));
    },
  };
}

/** Firefox prefs: every http and https request goes through the proxy; nothing bypasses it (not even localhost). */
export function firefoxPrefs(proxyPort) {
  return {
    'xpinstall.signatures.required': false,
    'network.proxy.type': 1, // manual proxy configuration
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.http.http3.enable': false,
  };
}

/**
 * launchFirefox({extension, csp?: 'site'|'strict'}) -> {browser, extensionId, port, offsiteRequests, refused,
 *   open(url), close()}. `extension`: the unpacked Firefox build or its zip, installed as a temporary add-on.
 * offsiteRequests: [{url, from}] for every request a page (or a content script in it) makes to a non-fixture
 * http(s) host; `refused`: what the proxy turned away (from anywhere in Firefox).
 */
export async function launchFirefox({ extension, csp = 'site' }) {
  const server = await startServer({ csp });
  const proxy = await startProxy(server.port);
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      acceptInsecureCerts: true,
      defaultViewport: { width: 1280, height: 900 },
      extraPrefsFirefox: firefoxPrefs(proxy.port),
    });
  } catch (error) {
    await proxy.close();
    await server.close();
    throw error;
  }
  const closeAll = async () => {
    await browser.close();
    await proxy.close();
    await server.close();
  };
  let extensionId;
  try {
    extensionId = await browser.installExtension(path.resolve(extension));
  } catch (error) {
    await closeAll();
    throw error;
  }
  const offsiteRequests = [];
  return {
    browser,
    extensionId,
    port: server.port,
    offsiteRequests,
    refused: proxy.refused,
    async open(url) {
      const page = await browser.newPage();
      page.setDefaultTimeout(15000);
      page.on('request', (request) => {
        const target = new URL(request.url());
        if (/^(https?|wss?):$/.test(target.protocol) && !FIXTURE_HOSTS.includes(target.hostname)) {
          offsiteRequests.push({ url: request.url(), from: page.url() });
        }
      });
      await page.goto(url, { waitUntil: 'load' });
      if (FIXTURE_HOSTS.includes(new URL(url).hostname) && new URL(url).pathname !== '/demo') {
        await page.waitForFunction(() => window.__fixture?.ready === true);
      }
      return page;
    },
    close: closeAll,
  };
}
