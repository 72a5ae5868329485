import type { ErrorCode, Locale } from '@tumbuh/shared';

/** An error answered by the API (or a network failure, with status 0 and code `network`). */
export class ApiError extends Error {
  readonly status: number;
  /** Stable dotted code from `@tumbuh/shared` ERROR_CODES, or `network` when the server was not reached. */
  readonly code: ErrorCode | 'network' | (string & {});
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isApiError(e: unknown, code?: ErrorCode): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}

let csrfToken: string | null = null;
let locale: Locale = 'id';
let onUnauthenticated: (() => void) | null = null;

/** Keeps the CSRF token of the session (from `Me.csrfToken`) in memory only. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function setApiLocale(next: Locale): void {
  locale = next;
}
/** Called whenever an API call answers 401 `auth.unauthenticated`. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

/** Builds `/api/v1/<path>?…`, leaving out empty values. */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
}

function headersFor(method: string, hasJsonBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale };
  if (hasJsonBody) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  return headers;
}

function readErrorBody(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const err: unknown = body.error;
    if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') {
      const message = 'message' in err && typeof err.message === 'string' ? err.message : err.code;
      return new ApiError(status, err.code, message, 'details' in err ? err.details : undefined);
    }
  }
  return new ApiError(status, status >= 500 ? 'common.internal' : 'common.unavailable', `HTTP ${status}`);
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function failed(status: number, text: string): ApiError {
  const error = readErrorBody(status, parseJson(text));
  if (status === 401 && error.code === 'auth.unauthenticated') onUnauthenticated?.();
  return error;
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * Calls the JSON API. Sends the session cookie, the CSRF token on writes and the current
 * language; answers the parsed body or throws an {@link ApiError}.
 */
export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, options: RequestOptions = {}): Promise<T> {
  const hasBody = options.body !== undefined;
  let res: Response;
  try {
    res = await fetch(apiUrl(path, options.query), {
      method,
      credentials: 'same-origin',
      headers: headersFor(method, hasBody),
      body: hasBody ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', '');
  }
  const text = await res.text();
  if (!res.ok) throw failed(res.status, text);
  return JSON.parse(text || 'null');
}

/**
 * Uploads a multipart form with XMLHttpRequest so the upload progress (0–100) can be shown.
 * The browser sets the multipart Content-Type; the CSRF token still goes along.
 */
export function uploadForm<T>(path: string, form: FormData, onProgress: (percent: number) => void, method: 'POST' | 'PUT' = 'POST'): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, apiUrl(path));
    const headers = headersFor(method, false);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (ev) => {
      if (ev.lengthComputable && ev.total > 0) onProgress(Math.round((ev.loaded / ev.total) * 100));
    };
    xhr.upload.onload = () => onProgress(100);
    xhr.onerror = () => reject(new ApiError(0, 'network', ''));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText));
        } catch {
          reject(new ApiError(xhr.status, 'common.internal', ''));
        }
      } else {
        reject(failed(xhr.status, xhr.responseText));
      }
    };
    xhr.send(form);
  });
}

/** Field name → message, read from `error.details` of a `common.validation_failed` answer. */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(error, 'common.validation_failed')) return out;
  const add = (path: unknown, message: unknown) => {
    const raw = Array.isArray(path) ? path.map(String).join('.') : typeof path === 'string' ? path : '';
    // The server prefixes the part of the request (`body.email`); forms know only the field.
    const field = raw.replace(/^(body|querystring|params)\.?/, '');
    const text = Array.isArray(message) ? message.map(String).join(' ') : typeof message === 'string' ? message : '';
    if (!field || !text) return;
    const top = field.split('.')[0] ?? field;
    if (!out[field]) out[field] = text;
    if (!out[top]) out[top] = text;
  };
  const readIssues = (issues: unknown[]) => {
    for (const issue of issues) {
      if (typeof issue === 'object' && issue !== null) {
        add('path' in issue ? issue.path : 'field' in issue ? issue.field : undefined, 'message' in issue ? issue.message : undefined);
      }
    }
  };
  const d = error.details;
  if (Array.isArray(d)) readIssues(d);
  else if (typeof d === 'object' && d !== null) {
    if ('issues' in d && Array.isArray(d.issues)) readIssues(d.issues);
    else if ('fieldErrors' in d && typeof d.fieldErrors === 'object' && d.fieldErrors !== null) {
      for (const [k, v] of Object.entries(d.fieldErrors)) add(k, v);
    } else if ('fields' in d && typeof d.fields === 'object' && d.fields !== null) {
      for (const [k, v] of Object.entries(d.fields)) add(k, v);
    } else {
      for (const [k, v] of Object.entries(d)) add(k, v);
    }
  }
  return out;
}
