import { ExpressAdapter } from '@bull-board/express';
import type { Express, NextFunction, Request, Response } from 'express';

type EntryRoute = Parameters<ExpressAdapter['setEntryRoute']>[0];

/** A `<link …>` or `<script …></script>` tag whose `href`/`src` is absolute (`https://…`, `//…`): another origin. */
const EXTERNAL_TAG =
  /<link\s[^>]*\bhref\s*=\s*["']?(?:[a-z][a-z0-9+.-]*:)?\/\/[^>]*>|<script\s[^>]*\bsrc\s*=\s*["']?(?:[a-z][a-z0-9+.-]*:)?\/\/[^>]*>\s*<\/script>/gi;

/**
 * bull-board's Express adapter, with the dashboard page rendered without what it would load from the internet (its
 * template links Google Fonts): an operator's browser then talks to this server only, which also works air-gapped
 * and tells no third party who opens the dashboard. The UI falls back to the system's sans-serif and monospace
 * fonts; its scripts, styles and images are served from `@bull-board/ui` by this adapter as before.
 */
export class LocalAssetsExpressAdapter extends ExpressAdapter {
  override setEntryRoute(routeDef: EntryRoute): ExpressAdapter {
    const handler = (_req: Request, res: Response, next: NextFunction) => {
      const { name, params } = routeDef.handler({ basePath: this.basePath, uiConfig: this.uiConfig });
      res.render(name, params, (err: Error | null, html: string) => {
        if (err) {
          next(err);
          return;
        }
        res.type('html').send(withoutExternalAssets(html));
      });
    };
    const app = this.app as Express;
    const methods = (Array.isArray(routeDef.method) ? routeDef.method : [routeDef.method]) as ('get' | 'post')[];
    for (const method of methods) app[method](routeDef.route, handler);
    return this;
  }
}

/** The HTML without `<link>`/`<script>` tags pointing to another origin. */
export function withoutExternalAssets(html: string): string {
  return html.replace(EXTERNAL_TAG, '');
}
