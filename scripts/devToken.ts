/** `npm run dev-token -- <userId>`: print a bearer token the local host accepts (local auth mode only). */
import { readFileSync } from 'node:fs';

import { issueLocalToken } from '../src/shared/auth/issueLocalToken.js';

const userId = process.argv[2] ?? 'demo-user';
const file = ['local.settings.json', 'local.settings.sample.json'].find((f) => {
  try {
    readFileSync(f);
    return true;
  } catch {
    return false;
  }
});
const values = file
  ? (JSON.parse(readFileSync(file, 'utf8')) as { Values: Record<string, string> }).Values
  : {};
const setting = (name: string) => process.env[name] ?? values[name];
const secret = setting('AUTH_LOCAL_SECRET');
if (!secret) {
  console.error('AUTH_LOCAL_SECRET is not set (local.settings.json or the environment)');
  process.exit(1);
}
console.log(
  await issueLocalToken({
    secret,
    issuer: setting('AUTH_ISSUER') ?? 'tripgen-local',
    audience: setting('AUTH_AUDIENCE') ?? 'tripgen-api',
    userId,
  }),
);
