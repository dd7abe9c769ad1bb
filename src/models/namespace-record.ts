// A namespace as the store keeps it (store.ts re-exports it), as node-record.ts for nodes.

/** A namespace: a name Jobs may be created in, with what `kubectl get ns -o yaml` shows of it. */
export class NamespaceRecord {
  /** kubectl apply's last-applied-configuration, when apply made or updated it. */
  lastApplied: string | null = null;

  constructor(
    readonly name: string,
    readonly creationMs: number,
    public resourceVersion: number,
  ) {}
}
