// @switchboard/connect — opens Switchboard's hosted HubSpot connect page from the host's product.
// No dependencies. Popup mode listens for the one message the page posts, and accepts it only from
// the Switchboard origin of the session URL and from the window it opened itself.

const MESSAGE_TYPE = "switchboard:connect";

function withMode(url, mode) {
  const target = new URL(url, window.location.href);
  target.searchParams.set("mode", mode);
  return target;
}

function toResult(data) {
  if (data && typeof data.connection_id === "string" && (data.status === "connected" || data.status === "reconnected")) {
    return { ok: true, connectionId: data.connection_id, status: data.status };
  }
  if (data && typeof data.error === "string") return { ok: false, error: data.error };
  return null;
}

function redirect(url) {
  window.location.assign(withMode(url, "redirect").toString());
  // The page is going away: nothing will ever settle this promise.
  return new Promise(() => {});
}

export function openConnect({ url, mode = "popup", width = 520, height = 720 }) {
  if (mode === "redirect") return redirect(url);
  const target = withMode(url, "popup");
  const left = Math.max(0, Math.round(window.screenX + (window.outerWidth - width) / 2));
  const top = Math.max(0, Math.round(window.screenY + (window.outerHeight - height) / 2));
  const popup = window.open(target.toString(), "switchboard-connect", `popup=yes,width=${width},height=${height},left=${left},top=${top}`);
  // Blocked (null) or closed at once by a blocker: go the redirect way instead.
  if (!popup || popup.closed) return redirect(url);
  return new Promise((resolve) => {
    const finish = (result) => {
      window.removeEventListener("message", onMessage);
      clearInterval(watch);
      resolve(result);
    };
    const onMessage = (event) => {
      if (event.origin !== target.origin || event.source !== popup) return;
      if (!event.data || event.data.type !== MESSAGE_TYPE) return;
      const result = toResult(event.data);
      if (result) finish(result);
    };
    window.addEventListener("message", onMessage);
    // Closed without an answer: the person gave up (checked slowly; the message comes first).
    const watch = setInterval(() => {
      if (popup.closed) setTimeout(() => finish({ ok: false, error: "popup_closed" }), 300);
    }, 500);
  });
}

export function readConnectResult(search = window.location.search) {
  const params = new URLSearchParams(search);
  return toResult({
    connection_id: params.get("connection_id") ?? undefined,
    status: params.get("status") ?? undefined,
    error: params.get("error") ?? undefined,
  });
}
