import type { PodSpec } from "kubernetes-types/core/v1.js";
import { fmix32, hashString, mixWord } from "../engine/random/hash.js";
import type { RandomSource } from "../engine/random/keyed-streams.js";
import { Xor128 } from "../engine/random/xor128.js";
import type { PodIdentitySource, PodRecord } from "./objects.js";
import type { ImageBehaviour, Workload } from "./workload.js";

/**
 * Random identities — pod names, UIDs, container ids — each from its own keyed stream, so
 * that asking for a name (a session does, Monte Carlo does not) never moves another draw.
 *
 * Stream keys are integers derived from names once: `jobStreamBase(ns, name, incarnation)`
 * names a Job incarnation; `streamKey(base, purpose)` names a consumer of it.
 */

/** utilrand.String's alphabet (k8s.io/apimachinery/pkg/util/rand/rand.go): no vowels, no 0/1/3. */
export const NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
/** names.SimpleNameGenerator: the generateName prefix is cut to 63 − 5 characters. */
export const MAX_GENERATED_NAME_PREFIX = 58;
export const RANDOM_NAME_LENGTH = 5;

const purposeCache = new Map<string, number>();

/** Hash of a purpose name ("outcome", "pod-name", ...), cached. */
export function purpose(name: string): number {
  let h = purposeCache.get(name);
  if (h === undefined) {
    h = hashString(name, 0x51ed270b);
    purposeCache.set(name, h);
  }
  return h;
}

/** Hash naming a Job by namespace and name (the part of its stream keys fixed across runs). */
export function jobNameHash(namespace: string, name: string): number {
  return hashString(`job/${namespace}/${name}`);
}

/** The stream base of a Job incarnation (the n-th Job of that name in the session). */
export function jobStreamBase(nameHash: number, incarnation: number): number {
  return fmix32(mixWord(nameHash, incarnation));
}

export function streamKey(base: number, purposeHash: number): number {
  return fmix32(mixWord(base, purposeHash));
}

const P_POD_NAME = purpose("pod-name");
const P_POD_UID = purpose("pod-uid");
const P_REFUSED_POD_NAME = purpose("refused-pod-name");
const P_JOB_UID = purpose("job-uid");
const P_JOB_NAME = purpose("job-name");
const P_NAMESPACE_UID = purpose("namespace-uid");
const P_NODE_UID = purpose("node-uid");
const P_EVENT_UID = purpose("event-uid");
const P_CONTAINER_ID = purpose("container-id");
const P_VOLUME = purpose("token-volume");
const P_STANDALONE = hashString("standalone-pod");

export class Identities implements PodIdentitySource {
  private readonly rng = new Xor128();

  constructor(
    private readonly random: RandomSource,
    private readonly workload: Workload,
  ) {}

  behaviours(spec: PodSpec): readonly ImageBehaviour[] {
    return this.workload.forContainers(spec);
  }

  /** Base of the streams of a pod: its Job incarnation's, or the pod's own for bare pods. */
  podBase(pod: PodRecord): number {
    return pod.owner !== null ? pod.owner.streamBase : fmix32(mixWord(P_STANDALONE, pod.seq));
  }

  podName(pod: PodRecord): string {
    const prefix = pod.generateName.slice(0, MAX_GENERATED_NAME_PREFIX);
    return prefix + this.suffix(streamKey(this.podBase(pod), P_POD_NAME), pod.ordinal, 0, RANDOM_NAME_LENGTH);
  }

  /**
   * The name the API server generated for the `attempt`-th pod of a Job it then refused (the
   * registry names a pod before validating it): from a stream of its own, so the draws of the
   * Job's real pods do not move.
   */
  refusedPodName(jobStreamBase: number, generateName: string, attempt: number): string {
    const prefix = generateName.slice(0, MAX_GENERATED_NAME_PREFIX);
    return prefix + this.suffix(streamKey(jobStreamBase, P_REFUSED_POD_NAME), attempt, 0, RANDOM_NAME_LENGTH);
  }

  podUid(pod: PodRecord): string {
    return this.uuid(streamKey(this.podBase(pod), P_POD_UID), pod.ordinal, 0);
  }

  /**
   * The name the API server gives a Job created with only metadata.generateName
   * (names.SimpleNameGenerator: the prefix cut to 58 characters, then 5 random characters):
   * the `ordinal`-th such create of that prefix in the namespace, from its own stream.
   */
  generatedJobName(namespace: string, generateName: string, ordinal: number): string {
    const key = streamKey(hashString(`generate/${namespace}/${generateName}`), P_JOB_NAME);
    return (
      generateName.slice(0, MAX_GENERATED_NAME_PREFIX) + this.suffix(key, ordinal, 0, RANDOM_NAME_LENGTH)
    );
  }

  jobUid(streamBase: number): string {
    return this.uuid(streamKey(streamBase, P_JOB_UID), 0, 0);
  }

  /** A namespace's UID, from its name (a namespace is made once per session). */
  namespaceUid(name: string): string {
    return this.uuid(streamKey(hashString(name), P_NAMESPACE_UID), 0, 0);
  }

  /** A node's UID, from its name (a node is registered once per session). */
  nodeUid(name: string): string {
    return this.uuid(streamKey(hashString(`node/${name}`), P_NODE_UID), 0, 0);
  }

  /** An Event's UID, from its namespace and name (unique there: the name carries its time). */
  eventUid(namespace: string, name: string): string {
    return this.uuid(streamKey(hashString(`event/${namespace}/${name}`), P_EVENT_UID), 0, 0);
  }

  /** 64 hex digits, as containerd prints container ids. */
  containerId(pod: PodRecord, containerIndex: number, restart: number): string {
    this.random.reseed(
      this.rng,
      streamKey(this.podBase(pod), P_CONTAINER_ID),
      pod.ordinal,
      containerIndex * 65536 + restart,
    );
    let s = "";
    for (let i = 0; i < 8; i++) s += (this.rng.nextInt32() >>> 0).toString(16).padStart(8, "0");
    return s;
  }

  /** The 5-character suffix of the ServiceAccount token volume (kube-api-access-xxxxx). */
  tokenVolumeSuffix(pod: PodRecord): string {
    return this.suffix(streamKey(this.podBase(pod), P_VOLUME), pod.ordinal, 0, RANDOM_NAME_LENGTH);
  }

  /** A random string over NAME_ALPHABET from stream (key, a, b). */
  suffix(key: number, a: number, b: number, length: number): string {
    this.random.reseed(this.rng, key, a, b);
    let s = "";
    for (let i = 0; i < length; i++) s += NAME_ALPHABET[this.rng.nextBelow(NAME_ALPHABET.length)];
    return s;
  }

  /** An RFC 4122 version-4 UUID from stream (key, a, b). */
  uuid(key: number, a: number, b: number): string {
    this.random.reseed(this.rng, key, a, b);
    const w = [this.rng.nextInt32(), this.rng.nextInt32(), this.rng.nextInt32(), this.rng.nextInt32()];
    w[1] = (w[1] & 0xffff0fff) | 0x00004000; // version 4
    w[2] = (w[2] & 0x3fffffff) | 0x80000000; // variant 10xx
    const hex = w.map((x) => (x >>> 0).toString(16).padStart(8, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
