import { SignJWT } from 'jose';

export interface LocalTokenOptions {
  secret: string;
  issuer: string;
  audience: string;
  userId: string;
  name?: string;
  expiresIn?: string;
}

/** A token the local authenticator accepts (HS256). For `npm run dev-token` and tests only. */
export async function issueLocalToken(options: Readonly<LocalTokenOptions>): Promise<string> {
  return new SignJWT({ name: options.name ?? options.userId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.userId)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h')
    .sign(new TextEncoder().encode(options.secret));
}
