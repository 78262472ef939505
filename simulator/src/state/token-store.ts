import { randomBytes, randomUUID } from "node:crypto";
import { SecretFingerprints } from "./secret-fingerprints";

// Authorization codes, access tokens and refresh tokens, keyed by their secret value.
// A refresh token stands for one installation grant; access tokens point back to it so
// revoking the grant (or uninstalling the app) kills everything issued under it.

export interface Grant {
  portalId: number;
  userId: number;
  userEmail: string;
  hubDomain: string;
  clientId: string;
  scopes: string[];
}

export interface AuthCode extends Grant {
  code: string;
  redirectUri: string;
  expiresAt: number;
}

export interface AccessToken extends Grant {
  token: string;
  refreshToken: string;
  expiresAt: number;
  revoked: boolean;
}

export interface RefreshToken extends Grant {
  token: string;
  revoked: boolean;
}

export class TokenStore {
  private codes = new Map<string, AuthCode>();
  private accessTokens = new Map<string, AccessToken>();
  private refreshTokens = new Map<string, RefreshToken>();
  /** Survives clear(): see secret-fingerprints.ts. */
  readonly fingerprints = new SecretFingerprints();

  issueCode(grant: Grant, redirectUri: string, ttlSeconds: number): AuthCode {
    const code: AuthCode = { ...grant, code: randomUUID(), redirectUri, expiresAt: Date.now() + ttlSeconds * 1000 };
    this.codes.set(code.code, code);
    this.fingerprints.remember(code.code);
    return code;
  }

  /** The code's grant without using it up. */
  peekCode(code: string): AuthCode | undefined {
    return this.codes.get(code);
  }

  /** Single use: the code is gone after the first attempt, valid or not. */
  takeCode(code: string): AuthCode | undefined {
    const found = this.codes.get(code);
    this.codes.delete(code);
    if (!found || found.expiresAt <= Date.now()) return undefined;
    return found;
  }

  issueRefreshToken(grant: Grant): RefreshToken {
    const refreshToken: RefreshToken = { ...grant, token: randomUUID(), revoked: false };
    this.refreshTokens.set(refreshToken.token, refreshToken);
    this.fingerprints.remember(refreshToken.token);
    return refreshToken;
  }

  issueAccessToken(refreshToken: RefreshToken, ttlSeconds: number): AccessToken {
    // HubSpot access tokens are long opaque strings (store >= 512 chars); ~300 here.
    const token = `CN${randomBytes(224).toString("base64url")}`;
    const accessToken: AccessToken = {
      ...grantOf(refreshToken),
      token,
      refreshToken: refreshToken.token,
      expiresAt: Date.now() + ttlSeconds * 1000,
      revoked: false,
    };
    this.accessTokens.set(token, accessToken);
    this.fingerprints.remember(token);
    return accessToken;
  }

  findAccessToken(token: string): AccessToken | undefined {
    return this.accessTokens.get(token);
  }

  /** A refresh token that can still be used (not revoked). */
  findRefreshToken(token: string): RefreshToken | undefined {
    const found = this.refreshTokens.get(token);
    return found && !found.revoked ? found : undefined;
  }

  /** Revokes the grant behind a refresh token, including its access tokens. */
  revokeRefreshToken(token: string): boolean {
    const found = this.findRefreshToken(token);
    if (!found) return false;
    found.revoked = true;
    for (const accessToken of this.accessTokens.values()) {
      if (accessToken.refreshToken === token) accessToken.revoked = true;
    }
    return true;
  }

  /** Marks a refresh token used up by rotation; access tokens already issued stay valid until expiry. */
  retireRefreshToken(token: string): void {
    const found = this.refreshTokens.get(token);
    if (found) found.revoked = true;
  }

  revokeAccessToken(token: string): boolean {
    const found = this.accessTokens.get(token);
    if (!found || found.revoked) return false;
    found.revoked = true;
    return true;
  }

  revokePortal(portalId: number): { accessTokens: number; refreshTokens: number } {
    let accessTokens = 0;
    let refreshTokens = 0;
    for (const token of this.accessTokens.values()) {
      if (token.portalId !== portalId || token.revoked) continue;
      token.revoked = true;
      accessTokens++;
    }
    for (const token of this.refreshTokens.values()) {
      if (token.portalId !== portalId || token.revoked) continue;
      token.revoked = true;
      refreshTokens++;
    }
    return { accessTokens, refreshTokens };
  }

  expireAccessTokens(portalId?: number): number {
    const now = Date.now();
    let expired = 0;
    for (const token of this.accessTokens.values()) {
      if (portalId !== undefined && token.portalId !== portalId) continue;
      if (token.revoked || token.expiresAt <= now) continue;
      token.expiresAt = now;
      expired++;
    }
    return expired;
  }

  clear(): void {
    this.codes.clear();
    this.accessTokens.clear();
    this.refreshTokens.clear();
  }
}

export function grantOf(source: Grant): Grant {
  const { portalId, userId, userEmail, hubDomain, clientId, scopes } = source;
  return { portalId, userId, userEmail, hubDomain, clientId, scopes: [...scopes] };
}
