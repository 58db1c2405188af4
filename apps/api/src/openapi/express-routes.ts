import type { INestApplication } from '@nestjs/common';

/** One route of the Express router: method (upper case) and path pattern (`/admin/orders/:orderid`). */
export interface ExpressRoute {
  method: string;
  path: string;
}

interface Layer {
  route?: { path: unknown; methods: Record<string, boolean> };
}

/**
 * Every route on the app's Express router (Express 5: `app.router`; 4: `app._router`), after `init()`. Routers
 * mounted as middleware (the bull-board dashboard) are not routes and are not listed.
 */
export function expressRoutes(app: INestApplication): ExpressRoute[] {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: Layer[] }; _router?: { stack: Layer[] } };
  const stack = (express.router ?? express._router)?.stack ?? [];
  const routes: ExpressRoute[] = [];
  for (const layer of stack) {
    if (!layer.route || typeof layer.route.path !== 'string') continue;
    for (const [method, on] of Object.entries(layer.route.methods)) {
      if (on && method !== '_all') routes.push({ method: method.toUpperCase(), path: layer.route.path });
    }
  }
  return routes;
}

/** `/admin/orders/:orderid` → `/admin/orders/{orderid}` (OpenAPI's path template syntax). */
export function toOpenApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}
