import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { ZodType } from 'zod';
import * as s from './schemas.js';

/** The routes of the API, as the document lists them; the router (src/api/routes.ts) serves the same list. */
export const API_PATHS = [
  { path: '/needs', id: 'listNeeds', scope: 'needs:read', query: s.needsQuery, body: s.needsPage, summary: 'Published needs' },
  { path: '/needs/{id}', id: 'getNeed', scope: 'needs:read', params: true, body: s.needSchema, summary: 'One published need' },
  { path: '/institutions', id: 'listInstitutions', scope: 'institutions:read', query: s.institutionsQuery, body: s.institutionsPage, summary: 'Verified institutions' },
  { path: '/opportunities', id: 'listOpportunities', scope: 'opportunities:read', query: s.opportunitiesQuery, body: s.opportunitiesPage, summary: 'Open investment opportunities' },
  { path: '/statistics', id: 'getStatistics', scope: 'statistics:read', body: s.statisticsSchema, summary: 'Programme figures, small cells hidden' },
] as const;

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: s.problemSchema } } });

/** OpenAPI 3.1, generated from the zod schemas that parse the requests and shape the responses. Built once. */
function build() {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'the key an admin gave you' });
  const header = registry.registerComponent('securitySchemes', 'apiKey', { type: 'apiKey', in: 'header', name: 'X-Api-Key' });
  for (const p of API_PATHS) {
    registry.registerPath({
      method: 'get', path: p.path, operationId: p.id, summary: p.summary, description: `Needs the scope \`${p.scope}\`.`,
      security: [{ [bearer.name]: [] }, { [header.name]: [] }],
      request: {
        ...('query' in p ? { query: p.query as unknown as z.ZodObject } : {}),
        ...('params' in p ? { params: z.object({ id: z.uuid() }) } : {}),
        headers: z.object({ 'accept-language': z.string().optional().openapi({ example: 'ar, fr;q=0.8' }), 'if-none-match': z.string().optional() }),
      },
      responses: {
        200: { description: 'OK (with an ETag)', content: { 'application/json': { schema: p.body as ZodType } } },
        304: { description: 'Not modified: the ETag sent in If-None-Match is current' },
        400: problem('Malformed filter or cursor'),
        401: problem('Missing, unknown or revoked key'),
        403: problem('The key lacks the scope'),
        ...('params' in p ? { 404: problem('No such published item') } : {}),
        429: problem('Rate limit of the key reached'),
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Jisr partner API', version: '1.0.0',
      description: 'Read-only data for partners: published needs, verified institutions, investment opportunities and programme figures. No personal data of experts. Lists are paged with opaque cursors; texts follow Accept-Language (fr, ar, en).',
    },
    servers: [{ url: '/api/v1' }],
  });
}

let cached: ReturnType<typeof build> | undefined;
export const openApiDocument = () => (cached ??= build());
