// @switchboard/connect — types of the browser client (index.js).

/** How a connect session ended. */
export type ConnectResult =
  | { ok: true; connectionId: string; status: "connected" | "reconnected" }
  | {
      ok: false;
      /**
       * Switchboard's codes (access_denied, session_expired, wrong_portal, missing_required_scopes,
       * authorization_failed, code_rejected, provider_unavailable, connection_missing), or
       * "popup_closed" when the person closed the window before finishing.
       */
      error: string;
    };

export type OpenConnectOptions = {
  /** The `url` of a connect session (POST /api/v1/connect-sessions), created by your backend. */
  url: string;
  /**
   * "popup" (default): a window over your page, the result posted back to it. "redirect": this tab
   * goes to Switchboard and comes back to the session's returnUrl (read it with readConnectResult).
   * A blocked popup falls back to "redirect".
   */
  mode?: "popup" | "redirect";
  /** Popup size in CSS pixels. */
  width?: number;
  height?: number;
};

/**
 * Opens the hosted connect page. In popup mode the promise resolves with the result; in redirect
 * mode (or after a blocked popup) the page navigates away and the promise never settles.
 */
export function openConnect(options: OpenConnectOptions): Promise<ConnectResult>;

/** The result Switchboard added to your returnUrl in redirect mode, or null if there is none. */
export function readConnectResult(search?: string): ConnectResult | null;
