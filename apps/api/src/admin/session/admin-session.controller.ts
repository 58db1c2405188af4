import { Body, Controller, Get, Inject, Logger, Post, Req, Res, UseFilters } from '@nestjs/common';
import {
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiSeeOtherResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { AdminExceptionFilter } from '../admin-exception.filter';
import { isAdminToken } from '../admin-token';
import { adminLoginPage } from './admin-login.page';
import {
  ADMIN_SESSION_COOKIE,
  ADMIN_SESSION_TTL_MS,
  adminSessionValue,
  isAdminSession,
  sessionCookieOf,
  sessionCookieOptions,
} from './admin-session';

/** Where a successful login lands. */
const DASHBOARD = '/admin/queues';

/**
 * Browser sign-in for the queue dashboard (`/admin/queues`): a login page where the operator pastes `ADMIN_TOKEN`,
 * a form POST that sets an HttpOnly, SameSite=Strict session cookie (an HMAC-derived value, never the token; see
 * `admin-session.ts`), and a logout that clears it. Public by design (they are how one gets in); the cookie opens
 * only the dashboard, the admin REST API still wants `Authorization: Bearer`.
 */
@ApiTags('admin: queues')
@Controller('admin')
@UseFilters(AdminExceptionFilter)
export class AdminSessionController {
  private readonly logger = new Logger(AdminSessionController.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('login')
  @ApiOperation({ summary: 'Login page of the queue dashboard (HTML)' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'A form asking for the admin token' })
  loginPage(@Req() req: Request, @Res() res: Response): void {
    const signedIn = isAdminSession(sessionCookieOf(req), this.config.adminToken, Date.now());
    sendPage(res, 200, adminLoginPage({ signedIn }));
  }

  @Post('login')
  @ApiOperation({
    summary: 'Sign in to the queue dashboard',
    description:
      'Form field `token` = ADMIN_TOKEN. Sets the session cookie (HttpOnly, SameSite=Strict, Secure over https, ' +
      `${ADMIN_SESSION_TTL_MS / 3_600_000} h) and redirects to the dashboard.`,
  })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiSeeOtherResponse({ description: 'Signed in: to /admin/queues' })
  @ApiUnauthorizedResponse({ description: 'Wrong token: the login page again, with the error' })
  login(@Body() body: Record<string, unknown> | undefined, @Req() req: Request, @Res() res: Response): void {
    if (!isAdminToken(body?.token, this.config.adminToken)) {
      this.logger.warn('dashboard sign-in refused: wrong token');
      sendPage(res, 401, adminLoginPage({ error: 'Wrong token.' }));
      return;
    }
    const expiresAt = Date.now() + ADMIN_SESSION_TTL_MS;
    res.cookie(ADMIN_SESSION_COOKIE, adminSessionValue(this.config.adminToken, expiresAt), {
      ...sessionCookieOptions(req),
      maxAge: ADMIN_SESSION_TTL_MS,
    });
    this.logger.log('dashboard sign-in');
    res.redirect(303, DASHBOARD);
  }

  @Post('logout')
  @ApiOperation({ summary: 'Sign out of the queue dashboard (clears the session cookie)' })
  @ApiResponse({ status: 303, description: 'To the login page' })
  logout(@Req() req: Request, @Res() res: Response): void {
    res.clearCookie(ADMIN_SESSION_COOKIE, sessionCookieOptions(req));
    res.redirect(303, '/admin/login');
  }
}

/** An HTML page that must never be cached or framed (it takes a secret). */
function sendPage(res: Response, status: number, html: string): void {
  res
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Frame-Options': 'DENY',
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    })
    .send(html);
}
