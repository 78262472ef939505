// Shared shapes of the connection flows. Each flow is a plain function of (db, actor, tenant,
// input, services) so the route handler and server actions are thin wrappers and integration
// tests can call the flows directly against a real database and the HubSpot simulator.

export type FlowActor = { id: string; label: string };
export type FlowTenant = { id: string; slug: string };

export type FlowResult<T extends object = object> = ({ ok: true; message: string } & T) | { ok: false; message: string };

export function actorFromUser(user: { id: string; email: string; name: string | null }): FlowActor {
  return { id: user.id, label: user.name ? `${user.name} (${user.email})` : user.email };
}
