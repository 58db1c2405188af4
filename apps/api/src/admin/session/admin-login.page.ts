/**
 * The dashboard's login page: one password field for the admin token, posted to `/admin/login`. Self-contained
 * (inline style, no script, nothing loaded from anywhere), as the dashboard is.
 */
export function adminLoginPage(options: { error?: string; signedIn?: boolean } = {}): string {
  const error = options.error ? `<p class="error">${escapeHtml(options.error)}</p>` : '';
  const signedIn = options.signedIn
    ? `<p>You are signed in. <a href="/admin/queues">Open the queue dashboard</a></p>
    <form method="post" action="/admin/logout"><button type="submit">Log out</button></form>`
    : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>zhengjian admin: sign in</title>
  <style>
    body { font-family: system-ui, sans-serif; background: #151a21; color: #e6e9ee; display: flex;
      justify-content: center; align-items: center; min-height: 100vh; margin: 0; }
    main { background: #1f2630; padding: 2rem; border-radius: 8px; width: min(26rem, 90vw); }
    label, input, button { display: block; width: 100%; box-sizing: border-box; }
    input { margin: 0.5rem 0 1rem; padding: 0.5rem; font: inherit; }
    button { padding: 0.5rem; font: inherit; cursor: pointer; }
    .error { color: #ff8a80; }
    a { color: #8ab4f8; }
  </style>
</head>
<body>
  <main>
    <h1>Queue dashboard</h1>
    ${error}${signedIn}
    <form method="post" action="/admin/login">
      <label for="token">Admin token (ADMIN_TOKEN)</label>
      <input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
      <button type="submit">Sign in</button>
    </form>
  </main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
