import type { FastifyReply } from 'fastify';

/** A serialised JSON payload and whether it came from the read cache. */
export interface CachedJson {
  json: string;
  hit: boolean;
}

/**
 * Sends already-serialised JSON as is (Fastify skips the response serializer for a string with a
 * JSON content type): a cache hit costs no serialisation. `x-read-cache: hit | miss` tells tests
 * and benchmarks which path answered.
 */
export function sendCachedJson(reply: FastifyReply, payload: CachedJson): FastifyReply {
  return reply.header('x-read-cache', payload.hit ? 'hit' : 'miss').type('application/json; charset=utf-8').send(payload.json);
}
