import type { OpenAPIObject } from '@nestjs/swagger';
import { ADMIN_SECURITY } from '../admin/admin-endpoint.decorator';

/**
 * Paths served outside Nest's router, added to the generated document by hand: the bull-board dashboard is an
 * Express router mounted as middleware, so `SwaggerModule` cannot see it.
 */
export function documentUnroutedPaths(document: OpenAPIObject): OpenAPIObject {
  document.paths['/admin/queues'] ??= {
    get: {
      operationId: 'AdminQueuesDashboard_show',
      tags: ['admin: queues'],
      summary: 'BullMQ dashboard (bull-board) of the recognition, webhooks and retention queues',
      description:
        'An HTML application; its own API lives under /admin/queues/api. Same bearer token as /admin/*, or in a ' +
        'browser the session cookie set by `POST /admin/login`. Loads nothing from other origins.',
      security: [{ [ADMIN_SECURITY]: [] }],
      responses: {
        '200': { description: 'The dashboard', content: { 'text/html': { schema: { type: 'string' } } } },
        '303': { description: 'A browser without a session: to the login page, /admin/login' },
        '401': { description: 'Missing or wrong `Authorization: Bearer <ADMIN_TOKEN>` (and no session cookie)' },
      },
    },
  };
  return document;
}
