import type { FastifyRequest } from 'fastify';

/** Paths whose log lines carry no address and no token: anonymous student feedback. */
const ANONYMOUS_PREFIXES = ['/api/v1/public/feedback/'];

/**
 * The request as log lines show it (Fastify's default fields). For anonymous routes the address,
 * port and the token in the path are left out, so a log line can never tie an IP to a round or an
 * answer (docs/ARCHITECTURE.md, "Student feedback: what is stored").
 */
export function serializeRequest(request: FastifyRequest): Record<string, unknown> {
  const url = request.url;
  const anonymous = ANONYMOUS_PREFIXES.find((p) => url.startsWith(p));
  if (anonymous) return { method: request.method, url: `${anonymous}[redacted]`, version: request.headers['accept-version'] };
  return {
    method: request.method,
    url,
    version: request.headers['accept-version'],
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
