/** The workspace (or Enterprise Grid org) a request claims to come from, as Slack puts it in each kind of body. */
export function requestTeam(body: unknown): { teamId?: string | undefined; enterpriseId?: string | undefined } {
  const b = body as {
    team_id?: unknown;
    enterprise_id?: unknown;
    team?: { id?: unknown; enterprise_id?: unknown } | null;
    user?: { team_id?: unknown } | null;
    authorizations?: { team_id?: unknown; enterprise_id?: unknown }[];
  };
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const auth = Array.isArray(b?.authorizations) ? b.authorizations[0] : undefined;
  return {
    teamId: str(auth?.team_id) ?? str(b?.team_id) ?? str(b?.team?.id) ?? str(b?.user?.team_id),
    enterpriseId: str(auth?.enterprise_id) ?? str(b?.enterprise_id) ?? str(b?.team?.enterprise_id),
  };
}

/** True when a request from this team (or org) may be served. */
export function isAllowedTeam(allowed: ReadonlySet<string>, team: { teamId?: string | undefined; enterpriseId?: string | undefined }): boolean {
  return (team.teamId !== undefined && allowed.has(team.teamId)) || (team.enterpriseId !== undefined && allowed.has(team.enterpriseId));
}
