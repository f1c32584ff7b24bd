// Lesson pages kept for reading offline (served at /sw.js: cms/offline.py). Network first:
// nobody reads an old copy online. Kept: pages marked X-Offline-Copy (a learner's lessons),
// never a POST, account, admin or monitoring page; 30 days at most. All are forgotten when
// a page names another reader (X-Reader: someone else, or "none": signed out, session
// ended) and on signing in or out.
"use strict";
const PAGES = "lesson-pages-v1";
const FILES = "lesson-files-v1";
const STATIC = "/static/";
const MOST = 40;
const NEVER = /^\/(?:admin\/|h5p\/|[a-z]{2}(?:-[a-z]+)?\/(?:accounts|monitoring)\/)/;
const SIGNING = /\/accounts\/(?:login|logout|signup)\/|^\/admin\/(?:login|logout)\//;
const DAYS_30 = 30 * 864e5;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) =>
  event.waitUntil(
    caches.keys().then(async (names) => {
      for (const name of names) if (name !== PAGES && name !== FILES) await caches.delete(name);
      await self.clients.claim();
    })
  )
);

const forget = () => caches.delete(PAGES);

async function put(name, key, response) {
  const cache = await caches.open(name);
  await cache.put(key, response);
  const keys = await cache.keys(); // the oldest go first
  for (const old of keys.slice(0, Math.max(0, keys.length - MOST))) await cache.delete(old);
}

const expired = (copy) => Date.now() - copy.headers.get("X-Offline-Saved") > DAYS_30;

// Every page says whose it is; `response` is the page when it may be kept.
async function keep(url, reader, response) {
  if (!reader) return;
  const known = await caches.match("reader", { cacheName: PAGES });
  if (known && (await known.text()) !== reader) await forget();
  if (!response?.headers.has("X-Offline-Copy") || response.status !== 200) return;
  if (NEVER.test(new URL(url).pathname)) return;
  const html = await response.text();
  const headers = { "Content-Type": "text/html; charset=utf-8", "X-Offline-Saved": Date.now() };
  await put(PAGES, "reader", new Response(reader));
  await put(PAGES, url, new Response(html, { headers }));
  // Offline, a page not kept says so in the reader's words (not the browser's error).
  const [, lang] = /<html lang="([^"]+)"/.exec(html) || [];
  const [, words] = /data-not-saved="([^"]*)"/.exec(html) || [];
  const [, css] = /<link rel="stylesheet" href="([^"]+)"/.exec(html) || [];
  const missing = `<!DOCTYPE html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="${css}"><main class="container"><p class="message message--warning">${words}</p></main>`;
  if (words) await put(PAGES, "missing", new Response(missing, { headers }));
}

async function saved(request) {
  const cache = await caches.open(PAGES);
  let copy = await cache.match(request.url);
  if (copy && expired(copy)) copy = void (await cache.delete(request.url));
  if (!copy) return (await cache.match("missing")) || Response.error();
  const html = await copy.text();
  const [, lang] = /<html lang="([^"]+)"/.exec(html) || [];
  const when = new Date(+copy.headers.get("X-Offline-Saved"));
  const date = when.toLocaleString(lang, { dateStyle: "long", timeStyle: "short" });
  const shown = html.replace(
    /data-offline-copy hidden>([^<]*)%\(date\)s/,
    (all, before) => `data-offline-copy class="message message--warning">${before}${date}`
  );
  return new Response(shown, { headers: copy.headers });
}

const isFile = (url) =>
  url.pathname.startsWith(STATIC) && /^(?:cms|courses)\//.test(url.pathname.slice(STATIC.length));

// A page that came before this worker asks to be kept, with its stylesheet, icons, scripts.
self.addEventListener("message", (event) => {
  const data = event.data || {};
  const urls = [data.keep, ...(data.files || [])].filter(Boolean).map((u) => new URL(u, location));
  const load = async (url) => {
    if (url.origin !== location.origin) return;
    const response = await fetch(url, { credentials: "same-origin" });
    if (!isFile(url)) return keep(url.href, response.headers.get("X-Reader"), response);
    if (response.ok) await put(FILES, url.href, response);
  };
  event.waitUntil(Promise.all(urls.map((url) => load(url).catch(() => {}))));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== location.origin) return;
  if (request.mode === "navigate" && SIGNING.test(url.pathname)) {
    event.waitUntil(forget());
    return;
  }
  if (request.method !== "GET") return;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).then(
        (response) => {
          const copy = response.headers.has("X-Offline-Copy") ? response.clone() : null;
          event.waitUntil(keep(request.url, response.headers.get("X-Reader"), copy));
          return response;
        },
        () => saved(request)
      )
    );
  } else if (isFile(url)) {
    // The site's stylesheet, icons and scripts, for the pages kept.
    event.respondWith(
      fetch(request).then(
        (response) => {
          if (response.ok) event.waitUntil(put(FILES, request, response.clone()));
          return response;
        },
        async () => (await caches.match(request)) || Response.error()
      )
    );
  }
});
