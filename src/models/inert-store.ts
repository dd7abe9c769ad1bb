/**
 * Objects jobsim keeps but does not simulate (a ServiceAccount, ConfigMap, Secret or RBAC
 * object: kubectl/inert-objects.ts), by resource, namespace ("" when cluster-scoped) and name.
 * Nothing in the model reads them; kubectl's apply, create and delete answer from them.
 */

export interface InertRecord {
  resource: string;
  namespace: string;
  name: string;
  /** kubectl apply's last-applied-configuration, null when `create` made it. */
  lastApplied: string | null;
}

export class InertStore {
  private readonly records = new Map<string, InertRecord>();

  /** An object's key. */
  static key(resource: string, namespace: string, name: string): string {
    return `${resource}/${namespace}/${name}`;
  }

  get(key: string): InertRecord | undefined {
    return this.records.get(key);
  }

  has(key: string): boolean {
    return this.records.has(key);
  }

  set(key: string, record: InertRecord): void {
    this.records.set(key, record);
  }

  delete(key: string): void {
    this.records.delete(key);
  }

  /** Forgets every object. Monte Carlo resets the store every run and never makes one: the
   * check keeps that reset from touching the map. */
  clear(): void {
    if (this.records.size > 0) this.records.clear();
  }
}
