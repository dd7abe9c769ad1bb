import { Categorical, type Distribution } from "../engine/random/distributions.js";
import { hashString } from "../engine/random/hash.js";
import type { Xor128 } from "../engine/random/xor128.js";

/**
 * The longest duration a draw may take: 100 years. A heavy-tailed draw (a lognormal with a large
 * sigma) can overflow to Infinity, and times must stay whole milliseconds exact in a double
 * (below 2^53); any horizon a scenario sets is far shorter, so the cap changes no result.
 */
export const MAX_DURATION_MS = 100 * 365.25 * 24 * 3600 * 1000;

/**
 * How a container image behaves when the kubelet runs it: how long its pull, start and run
 * take, and how each run ends (exit code, signal, log). Durations are in seconds, as the
 * scenario file writes them; the kubelet turns them into whole milliseconds.
 *
 * Each run draws its outcome and duration once, from streams keyed by (Job incarnation, pod
 * attempt, container restart) — so a given attempt ends the same way whatever the Job's spec.
 */

export interface Outcome {
  exitCode: number;
  /** Text the run writes to stdout/stderr (the Python app's logging line). */
  log: string;
  /** Container status reason; default "Completed" for exit 0, else "Error". */
  reason?: string;
  /** How long this outcome's run takes, overriding the image's runSeconds. */
  runSeconds?: Distribution;
}

/** A process without a SIGTERM handler: the signal's default action ends it, 128 + 15, and it
 * writes nothing. */
export const DEFAULT_ON_SIGTERM: Outcome = { exitCode: 143, log: "" };

export interface WeightedOutcome extends Outcome {
  probability: number;
}

export interface ImageBehaviourSpec {
  image: string;
  pullSeconds: Distribution;
  /** A pull when the layers are already present (imagePullPolicy Always on a warm node). */
  repullSeconds: Distribution;
  startSeconds: Distribution;
  runSeconds: Distribution;
  /** How long the process takes to exit after SIGTERM (unless this passes the grace period: SIGKILL, 137). */
  terminationSeconds: Distribution;
  /** How the process exits when SIGTERM stops it: 143 with nothing written for a process with no
   * handler (the signal's default action), or what an app that catches the signal returns. */
  onSigterm: Outcome;
  outcomes: WeightedOutcome[];
  /** Fixed outcomes for the first attempts of each Job, in order; outcomes (or the last entry) after. */
  script: Outcome[] | null;
  sizeBytes: number;
  /** Log written when the container starts (before its outcome). */
  startLog: string;
}

export class ImageBehaviour {
  readonly categorical: Categorical | null;
  /** Hex sha256-like digest for the Image ID, derived from the image name. */
  readonly digest: string;

  constructor(readonly spec: ImageBehaviourSpec) {
    this.categorical =
      spec.outcomes.length > 0 ? new Categorical(spec.outcomes.map((o) => o.probability)) : null;
    let hex = "";
    for (let i = 0; i < 8; i++)
      hex += (hashString(spec.image, i * 0x9e3779b9) >>> 0).toString(16).padStart(8, "0");
    this.digest = hex;
  }

  /** Whether `outcome(attempt)` draws a uniform (not scripted, more than one outcome). */
  drawsOutcome(attempt: number): boolean {
    const script = this.spec.script;
    if (script !== null && (attempt < script.length || this.categorical === null)) return false;
    return this.categorical !== null && this.categorical.size > 1;
  }

  /**
   * The outcome of the `attempt`-th start of this image in a Job (0-based). A script entry
   * when there is one; otherwise a categorical draw from `rng` (one uniform).
   */
  outcome(attempt: number, rng: Xor128): Outcome {
    const script = this.spec.script;
    if (script !== null && (attempt < script.length || this.categorical === null)) {
      return script[Math.min(attempt, script.length - 1)];
    }
    return this.spec.outcomes[this.categorical!.size > 1 ? this.categorical!.sample(rng) : 0];
  }

  /** Seconds → whole milliseconds, from 0 to MAX_DURATION_MS. */
  static ms(seconds: number): number {
    if (!(seconds > 0)) return 0;
    return seconds >= MAX_DURATION_MS / 1000 ? MAX_DURATION_MS : Math.round(seconds * 1000);
  }
}

/** A registry of behaviours by image reference; "*" is the fallback. */
export class Workload {
  constructor(private readonly byImage: ReadonlyMap<string, ImageBehaviour>) {}

  get(image: string): ImageBehaviour {
    const b = this.byImage.get(image) ?? this.byImage.get("*");
    if (b === undefined) throw new Error(`no behaviour for image "${image}"`);
    return b;
  }

  has(image: string): boolean {
    return this.byImage.has(image) || this.byImage.has("*");
  }

  imageSize(image: string): number {
    return this.byImage.get(image)?.spec.sizeBytes ?? this.byImage.get("*")?.spec.sizeBytes ?? 0;
  }

  images(): ImageBehaviour[] {
    return [...this.byImage.values()];
  }

  private readonly bySpec = new WeakMap<object, ImageBehaviour[]>();
  // The last spec asked about (consecutive pods share their Job's template): a pointer
  // comparison before the WeakMap's hash lookup.
  private lastSpec: object | null = null;
  private lastList: ImageBehaviour[] = [];

  /** The behaviour of each container of a pod spec, then of each init container (looked up once
   * per spec object). */
  forContainers(spec: {
    containers: readonly { image?: string }[];
    initContainers?: readonly { image?: string }[];
  }): ImageBehaviour[] {
    if (spec === this.lastSpec) return this.lastList;
    let list = this.bySpec.get(spec);
    if (list === undefined) {
      list = [...spec.containers, ...(spec.initContainers ?? [])].map((c) => this.get(c.image ?? ""));
      this.bySpec.set(spec, list);
    }
    this.lastSpec = spec;
    this.lastList = list;
    return list;
  }
}
