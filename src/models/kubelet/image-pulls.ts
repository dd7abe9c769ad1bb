import { goDuration } from "../api/go-duration.js";

/**
 * A node's image pulls. The kubelet pulls one image at a time (serializeImagePulls, true by
 * default): a pull starts when the node's previous pull has ended. A pull of an image whose
 * layers an earlier pull on this node has already fetched by then takes the re-pull time (the
 * registry only confirms the manifest).
 */
export class NodePulls {
  private freeAt = 0;
  /** Image → time its last queued pull ends. */
  private readonly ends = new Map<string, number>();

  reset(): void {
    this.freeAt = 0;
    if (this.ends.size > 0) this.ends.clear();
  }

  /** When a pull asked for at `now` starts. */
  startAt(now: number): number {
    return Math.max(now, this.freeAt);
  }

  /** Whether a pull of `image` starting at `startAt` finds its layers on the node. */
  layersThere(image: string, presentNow: boolean, startAt: number): boolean {
    return presentNow || (this.ends.get(image) ?? Number.POSITIVE_INFINITY) <= startAt;
  }

  /** Queues the pull of `image` ending at `end`; the next pull starts then. */
  book(image: string, end: number): void {
    this.freeAt = end;
    this.ends.set(image, end);
  }
}

/** The Pulled event after a pull (pkg/kubelet/images/image_manager.go). */
export function pulledMessage(image: string, tookMs: number, waitedMs: number, sizeBytes: number): string {
  return `Successfully pulled image "${image}" in ${goDuration(tookMs)} (${goDuration(waitedMs)} including waiting). Image size: ${sizeBytes} bytes.`;
}
