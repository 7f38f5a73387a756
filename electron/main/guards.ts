import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isInside } from '../services/static-files';

// The security decisions of the main process as plain functions (testable without Electron):
// which frames may call the contract, where a window may navigate, what opens outside, and which
// web permissions are granted (none).

/** The privileged custom scheme the renderer is served from. */
export const APP_SCHEME = 'app';
/** The one host of that scheme. */
export const APP_HOST = 'nianbao';
/** The origin of the app's pages. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length > 8192) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for a URL of our own app:// origin (app://nianbao/…), nothing else. */
export function isAppUrl(url: unknown): boolean {
  const u = parse(url);
  return !!u && u.protocol === `${APP_SCHEME}:` && u.host.toLowerCase() === APP_HOST && !u.username && !u.password;
}

/**
 * True when a frame with this URL may call the contract: our app:// origin, or a file: URL inside
 * the built renderer folder (when rendererDir is given). Everything else — other schemes, other
 * hosts, file:///etc/passwd, about:blank, data:, javascript: — is refused.
 */
export function isTrustedSender(frameUrl: unknown, rendererDir?: string): boolean {
  if (isAppUrl(frameUrl)) return true;
  const u = parse(frameUrl);
  if (!u || u.protocol !== 'file:' || !rendererDir || (u.host !== '' && u.host !== 'localhost')) return false;
  try {
    return isInside(path.resolve(rendererDir), path.resolve(fileURLToPath(u)));
  } catch {
    return false;
  }
}

/** will-navigate / will-redirect: only within our own app:// origin (the app is a single page). */
export function isAllowedNavigation(url: unknown): boolean {
  return isAppUrl(url);
}

/** True for a link the system browser may open: http(s) only, with a host, no user:password@. */
export function isSafeExternalUrl(url: unknown): boolean {
  const u = parse(url);
  return !!u && (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && !u.username && !u.password;
}

export type WindowOpenDecision = { action: 'deny'; openExternal?: string };

/** setWindowOpenHandler: never a new Electron window; http(s) goes to the system browser. */
export function handleWindowOpen(url: unknown): WindowOpenDecision {
  return isSafeExternalUrl(url) ? { action: 'deny', openExternal: new URL(url as string).href } : { action: 'deny' };
}

/** setPermissionRequestHandler: every permission (camera, notifications, clipboard-read, …) is refused. */
export function permissionHandler(_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

/** setPermissionCheckHandler: every permission check answers no. */
export function permissionCheckHandler(): boolean {
  return false;
}
