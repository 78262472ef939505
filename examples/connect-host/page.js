// The example host page's script: ask our backend for a connect session, open it with the client,
// then show the connection as our backend reads it from Switchboard.
import { openConnect, readConnectResult } from "/client/index.js";

const result = document.getElementById("result");
const reconnect = document.getElementById("reconnect");
const redirectMode = document.getElementById("redirect-mode");

async function show(outcome) {
  if (!outcome.ok) {
    result.textContent = `Not connected: ${outcome.error}`;
    return;
  }
  localStorage.setItem("connectionId", outcome.connectionId);
  const connection = await (await fetch(`/api/connections/${outcome.connectionId}`)).json();
  result.dataset.connectionId = connection.id;
  result.textContent = `HubSpot ${outcome.status}: portal ${connection.portalId}, status ${connection.status}, connection ${connection.id}`;
  reconnect.hidden = false;
}

async function connect(connectionId) {
  const response = await fetch("/api/connect-session", { method: "POST", body: JSON.stringify(connectionId ? { connectionId } : {}) });
  const session = await response.json();
  if (!response.ok) {
    result.textContent = `Could not start: ${session.detail ?? response.status}`;
    return;
  }
  await show(await openConnect({ url: session.url, mode: redirectMode.checked ? "redirect" : "popup" }));
}

document.getElementById("connect").addEventListener("click", () => connect());
reconnect.addEventListener("click", () => connect(localStorage.getItem("connectionId") ?? undefined));
if (localStorage.getItem("connectionId")) reconnect.hidden = false;
const returned = readConnectResult();
if (returned) {
  history.replaceState(null, "", "/");
  show(returned);
}
