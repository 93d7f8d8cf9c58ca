import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/**
 * The cores this process may use: the CPUs it may run on (`availableParallelism`, which a cpuset
 * narrows), and no more than its cgroup's CPU quota (`docker run --cpus 2`, a Kubernetes CPU
 * limit), which Node does not count: a container limited to 2 CPUs on a 64-core host would
 * otherwise size its analysis pool for 64.
 */
export function usableCores(): number {
  return Math.max(1, Math.min(availableParallelism(), cgroupCpus() ?? Infinity));
}

/** A CFS quota and its period (microseconds each) → CPUs, rounded up; null for no limit ("max" in cgroup v2, -1 in v1). */
export function cpusOfQuota(quota: string, period: string): number | null {
  const [q, p] = [Number(quota.trim()), Number(period.trim())];
  return Number.isFinite(q) && q > 0 && Number.isFinite(p) && p > 0 ? Math.ceil(q / p) : null;
}

/** The container's CPU limit: cgroup v2's `cpu.max` ("200000 100000"), else v1's quota and period files; null when there is none. */
function cgroupCpus(): number | null {
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  };
  const max = read('/sys/fs/cgroup/cpu.max');
  if (max !== null) {
    const [quota = '', period = ''] = max.trim().split(/\s+/);
    return cpusOfQuota(quota, period);
  }
  const [quota, period] = [read('/sys/fs/cgroup/cpu/cpu.cfs_quota_us'), read('/sys/fs/cgroup/cpu/cpu.cfs_period_us')];
  return quota !== null && period !== null ? cpusOfQuota(quota, period) : null;
}
