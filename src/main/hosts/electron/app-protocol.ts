/**
 * The page's own scheme: the window loads `app://duiding/index.html`, served by a protocol handler
 * from the built renderer, not from `file://`. Electron applies a Content-Security-Policy sent as a
 * response header only to pages it fetches through a protocol (not to `file://` pages), and a
 * `file://` page may read any other local file; here every response carries the CSP, and no path
 * leaves the renderer's folder. Kept free of `electron` imports so that a unit test can check it.
 */
import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../csp.ts';

export const APP_SCHEME = 'app';
export const APP_HOST = 'duiding';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

/** `protocol.registerSchemesAsPrivileged`: a standard, secure scheme (its own origin, no mixed content). */
export const APP_SCHEME_PRIVILEGES = { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } } as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export type AppResponse = { status: 200; path: string; headers: Record<string, string> } | { status: 404; headers: Record<string, string> };

/** What the protocol handler answers for a request URL: a file of the built renderer with the CSP, or 404. */
export function resolveAppRequest(url: string, rendererRoot: string): AppResponse {
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: 404, headers };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { status: 404, headers };
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { status: 404, headers };
  }
  if (pathname.includes('\0')) return { status: 404, headers };
  const root = normalize(rendererRoot);
  const path = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
  // Never a file outside the renderer's folder (`..`, encoded or not).
  if (!path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`)) return { status: 404, headers };
  if (!existsSync(path) || !statSync(path).isFile()) return { status: 404, headers };
  return { status: 200, path, headers: { ...headers, 'Content-Type': TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream' } };
}
