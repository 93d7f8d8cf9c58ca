/**
 * A site's stable id: the registry's own id (网站标识码 or administrative code) when it has one,
 * else one derived from the URL, so the same site gets the same id in every run and shard.
 */
export function siteIdFor(registryId: string | null | undefined, url: string): string {
  const given = registryId?.trim();
  if (given) return given;
  const u = new URL(url);
  const path = u.pathname.replace(/\/(index\.[a-z]+)?$/i, '').replace(/\/+$/, '');
  return `${u.host}${path}`.toLowerCase();
}
