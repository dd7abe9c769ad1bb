/**
 * The `Volumes:` section: one `Type:` block per volume source, each with the fields and defaults upstream prints,
 * including the projected, CSI and ephemeral (claim template) sources.
 *
 * Behaviour ported (no code copied) from kubernetes/kubernetes
 * `staging/src/k8s.io/kubectl/pkg/describe/describe.go` @ 0176276b223e95ba7b43b76f45fb6d535c4fe1ac
 * (`describeVolumes` and the volume-source printers, `printProjectedVolumeSource`,
 * `printCSIPersistentVolumeAttributesMultilineIndent`, `printPersistentVolumeClaim`).
 */
import type { Volume } from "kubernetes-types/core/v1.js";
import type { ObjectMeta } from "kubernetes-types/meta/v1.js";
import { parseQuantity } from "../../models/api/quantity.js";
import { quantityString } from "../../models/api/quantity-string.js";
import { goSortStrings } from "./go-sort.js";
import {
  MAX_ANNOTATION_LEN,
  printAnnotationsMultiline,
  printLabelsMultiline,
  type StringMap,
} from "./metadata-sections.js";
import type { DescribeOptions } from "./options.js";
import {
  byteLength,
  byteSlice,
  LEVEL_0,
  LEVEL_1,
  LEVEL_2,
  LEVEL_3,
  NestedWriter,
  type Writer,
} from "./writer.js";

/** Go `%v` of a *LocalObjectReference (gogo-generated String()). */
function localObjectRef(ref: { name?: string } | undefined | null): string {
  return ref === undefined || ref === null ? "nil" : `&LocalObjectReference{Name:${ref.name ?? ""},}`;
}

/** Go `%v` of a []string. */
function goSlice(list: readonly string[] | undefined): string {
  return `[${(list ?? []).join(" ")}]`;
}

/** Go `%v` of a map[string]string (fmt sorts keys). */
function goMap(map: StringMap): string {
  const keys = goSortStrings(Object.keys(map ?? {}));
  return `map[${keys.map((k) => `${k}:${map![k]}`).join(" ")}]`;
}

/** One `Type:` line plus `    Field:\tvalue` continuation lines, written as one LEVEL_2 write like upstream. */
function typeBlock(w: Writer, type: string, fields: readonly (readonly [string, unknown])[]): void {
  let text = `Type:\t${type}\n`;
  for (const [label, value] of fields) text += `    ${label}\t${String(value)}\n`;
  w.write(LEVEL_2, text);
}

type AnyRecord = Record<string, unknown>;

export function describeVolumes(
  volumes: readonly Volume[] | undefined,
  w: Writer,
  space: string,
  opts: DescribeOptions,
): void {
  if (volumes === undefined || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const volume of volumes) {
    w.write(LEVEL_1, `${space.length > 0 ? " " : ""}${volume.name}:\n`);
    describeVolumeSource(volume, w, opts);
  }
}

function describeVolumeSource(volume: Volume, w: Writer, opts: DescribeOptions): void {
  const v = volume as Volume & AnyRecord;
  if (v.hostPath) {
    typeBlock(w, "HostPath (bare host directory volume)", [
      ["Path:", v.hostPath.path],
      ["HostPathType:", v.hostPath.type ?? "<none>"],
    ]);
  } else if (v.emptyDir) {
    const limit = v.emptyDir.sizeLimit;
    const sizeLimit = limit !== undefined && parseQuantity(limit) > 0 ? quantityString(limit) : "<unset>";
    typeBlock(w, "EmptyDir (a temporary directory that shares a pod's lifetime)", [
      ["Medium:", v.emptyDir.medium ?? ""],
      ["SizeLimit:", sizeLimit],
    ]);
  } else if (v.gcePersistentDisk) {
    const s = v.gcePersistentDisk;
    typeBlock(w, "GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)", [
      ["PDName:", s.pdName],
      ["FSType:", s.fsType ?? ""],
      ["Partition:", s.partition ?? 0],
      ["ReadOnly:", s.readOnly === true],
    ]);
  } else if (v.awsElasticBlockStore) {
    const s = v.awsElasticBlockStore;
    typeBlock(w, "AWSElasticBlockStore (a Persistent Disk resource in AWS)", [
      ["VolumeID:", s.volumeID],
      ["FSType:", s.fsType ?? ""],
      ["Partition:", s.partition ?? 0],
      ["ReadOnly:", s.readOnly === true],
    ]);
  } else if (v.gitRepo) {
    typeBlock(w, "GitRepo (a volume that is pulled from git when the pod is created)", [
      ["Repository:", v.gitRepo.repository],
      ["Revision:", v.gitRepo.revision ?? ""],
    ]);
  } else if (v.secret) {
    typeBlock(w, "Secret (a volume populated by a Secret)", [
      ["SecretName:", v.secret.secretName ?? ""],
      ["Optional:", v.secret.optional === true],
    ]);
  } else if (v.configMap) {
    typeBlock(w, "ConfigMap (a volume populated by a ConfigMap)", [
      ["Name:", v.configMap.name ?? ""],
      ["Optional:", v.configMap.optional === true],
    ]);
  } else if (v.nfs) {
    typeBlock(w, "NFS (an NFS mount that lasts the lifetime of a pod)", [
      ["Server:", v.nfs.server],
      ["Path:", v.nfs.path],
      ["ReadOnly:", v.nfs.readOnly === true],
    ]);
  } else if (v.iscsi) {
    const s = v.iscsi;
    typeBlock(
      w,
      "ISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)",
      [
        ["TargetPortal:", s.targetPortal],
        ["IQN:", s.iqn],
        ["Lun:", s.lun],
        ["ISCSIInterface", s.iscsiInterface ?? "default"],
        ["FSType:", s.fsType ?? ""],
        ["ReadOnly:", s.readOnly === true],
        ["Portals:", goSlice(s.portals)],
        ["DiscoveryCHAPAuth:", s.chapAuthDiscovery === true],
        ["SessionCHAPAuth:", s.chapAuthSession === true],
        ["SecretRef:", localObjectRef(s.secretRef)],
        ["InitiatorName:", s.initiatorName ?? "<none>"],
      ],
    );
  } else if (v.glusterfs) {
    typeBlock(w, "Glusterfs (a Glusterfs mount on the host that shares a pod's lifetime)", [
      ["EndpointsName:", v.glusterfs.endpoints],
      ["Path:", v.glusterfs.path],
      ["ReadOnly:", v.glusterfs.readOnly === true],
    ]);
  } else if (v.persistentVolumeClaim) {
    typeBlock(w, "PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)", [
      ["ClaimName:", v.persistentVolumeClaim.claimName],
      ["ReadOnly:", v.persistentVolumeClaim.readOnly === true],
    ]);
  } else if (v.ephemeral) {
    w.write(
      LEVEL_2,
      "Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n",
    );
    const tmpl = v.ephemeral.volumeClaimTemplate;
    if (tmpl)
      printClaimTemplate(new NestedWriter(w, LEVEL_2), tmpl.metadata, tmpl.spec as unknown as AnyRecord);
  } else if (v.rbd) {
    const s = v.rbd;
    typeBlock(w, "RBD (a Rados Block Device mount on the host that shares a pod's lifetime)", [
      ["CephMonitors:", goSlice(s.monitors)],
      ["RBDImage:", s.image],
      ["FSType:", s.fsType ?? ""],
      ["RBDPool:", s.pool ?? "rbd"],
      ["RadosUser:", s.user ?? "admin"],
      ["Keyring:", s.keyring ?? "/etc/ceph/keyring"],
      ["SecretRef:", localObjectRef(s.secretRef)],
      ["ReadOnly:", s.readOnly === true],
    ]);
  } else if (v.quobyte) {
    typeBlock(w, "Quobyte (a Quobyte mount on the host that shares a pod's lifetime)", [
      ["Registry:", v.quobyte.registry],
      ["Volume:", v.quobyte.volume],
      ["ReadOnly:", v.quobyte.readOnly === true],
    ]);
  } else if (v.downwardAPI) {
    w.write(LEVEL_2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n");
    for (const item of v.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
      if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
    }
  } else if (v.azureDisk) {
    const s = v.azureDisk;
    typeBlock(w, "AzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)", [
      ["DiskName:", s.diskName],
      ["DiskURI:", s.diskURI],
      ["Kind: ", s.kind ?? "Shared"],
      ["FSType:", s.fsType ?? "ext4"],
      ["CachingMode:", s.cachingMode ?? "ReadWrite"],
      ["ReadOnly:", s.readOnly === true],
    ]);
  } else if (v.vsphereVolume) {
    typeBlock(w, "vSphereVolume (a Persistent Disk resource in vSphere)", [
      ["VolumePath:", v.vsphereVolume.volumePath],
      ["FSType:", v.vsphereVolume.fsType ?? ""],
      ["StoragePolicyName:", v.vsphereVolume.storagePolicyName ?? ""],
    ]);
  } else if (v.cinder) {
    typeBlock(w, "Cinder (a Persistent Disk resource in OpenStack)", [
      ["VolumeID:", v.cinder.volumeID],
      ["FSType:", v.cinder.fsType ?? ""],
      ["ReadOnly:", v.cinder.readOnly === true],
      ["SecretRef:", localObjectRef(v.cinder.secretRef)],
    ]);
  } else if (v.photonPersistentDisk) {
    typeBlock(w, "PhotonPersistentDisk (a Persistent Disk resource in photon platform)", [
      ["PdID:", v.photonPersistentDisk.pdID],
      ["FSType:", v.photonPersistentDisk.fsType ?? ""],
    ]);
  } else if (v.portworxVolume) {
    typeBlock(w, "PortworxVolume (a Portworx Volume resource)", [["VolumeID:", v.portworxVolume.volumeID]]);
  } else if (v.scaleIO) {
    const s = v.scaleIO;
    typeBlock(w, "ScaleIO (a persistent volume backed by a block device in ScaleIO)", [
      ["Gateway:", s.gateway],
      ["System:", s.system],
      ["Protection Domain:", s.protectionDomain ?? ""],
      ["Storage Pool:", s.storagePool ?? ""],
      ["Storage Mode:", s.storageMode ?? "ThinProvisioned"],
      ["VolumeName:", s.volumeName ?? ""],
      ["FSType:", s.fsType ?? "xfs"],
      ["ReadOnly:", s.readOnly === true],
    ]);
  } else if (v.cephfs) {
    const s = v.cephfs;
    typeBlock(w, "CephFS (a CephFS mount on the host that shares a pod's lifetime)", [
      ["Monitors:", goSlice(s.monitors)],
      ["Path:", s.path ?? ""],
      ["User:", s.user ?? ""],
      ["SecretFile:", s.secretFile ?? ""],
      ["SecretRef:", localObjectRef(s.secretRef)],
      ["ReadOnly:", s.readOnly === true],
    ]);
  } else if (v.storageos) {
    const s = v.storageos;
    typeBlock(w, "StorageOS (a StorageOS Persistent Disk resource)", [
      ["VolumeName:", s.volumeName ?? ""],
      ["VolumeNamespace:", s.volumeNamespace ?? ""],
      ["FSType:", s.fsType ?? ""],
      ["ReadOnly:", s.readOnly === true],
    ]);
  } else if (v.fc) {
    typeBlock(w, "FC (a Fibre Channel disk)", [
      ["TargetWWNs:", (v.fc.targetWWNs ?? []).join(", ")],
      ["LUN:", v.fc.lun ?? "<none>"],
      ["FSType:", v.fc.fsType ?? ""],
      ["ReadOnly:", v.fc.readOnly === true],
    ]);
  } else if (v.azureFile) {
    typeBlock(w, "AzureFile (an Azure File Service mount on the host and bind mount to the pod)", [
      ["SecretName:", v.azureFile.secretName],
      ["ShareName:", v.azureFile.shareName],
      ["ReadOnly:", v.azureFile.readOnly === true],
    ]);
  } else if (v.flexVolume) {
    const s = v.flexVolume;
    typeBlock(
      w,
      "FlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)",
      [
        ["Driver:", s.driver],
        ["FSType:", s.fsType ?? ""],
        ["SecretRef:", localObjectRef(s.secretRef)],
        ["ReadOnly:", s.readOnly === true],
        ["Options:", goMap(s.options)],
      ],
    );
  } else if (v.flocker) {
    typeBlock(w, "Flocker (a Flocker volume mounted by the Flocker agent)", [
      ["DatasetName:", v.flocker.datasetName ?? ""],
      ["DatasetUUID:", v.flocker.datasetUUID ?? ""],
    ]);
  } else if (v.projected) {
    printProjected(v.projected, w, opts);
  } else if (v.csi) {
    const s = v.csi;
    typeBlock(w, "CSI (a Container Storage Interface (CSI) volume source)", [
      ["Driver:", s.driver],
      ["FSType:", s.fsType ?? ""],
      ["ReadOnly:", s.readOnly === true],
    ]);
    printCsiAttributes(w, s.volumeAttributes);
  } else if (v.image) {
    const s = v.image as AnyRecord;
    typeBlock(w, "Image (a container image or OCI artifact)", [
      ["Reference:", s.reference ?? ""],
      ["PullPolicy:", s.pullPolicy ?? ""],
    ]);
  } else {
    w.write(LEVEL_1, "<unknown>\n");
  }
}

/**
 * `printProjectedVolumeSource`. kubectl ≥ 1.33 prints `Optional:  false` (the dereferenced bool); older kubectl
 * printed the raw *bool as `ConfigMapOptional:` (`SecretOptionalName:` for secrets), which is `<nil>` when
 * unset. A set *bool printed as a Go pointer address there; the value is shown instead.
 */
function printProjected(projected: NonNullable<Volume["projected"]>, w: Writer, opts: DescribeOptions): void {
  w.write(LEVEL_2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
  const rawBool = (b: boolean | undefined) => (b === undefined || b === null ? "<nil>" : String(b));
  for (const source of projected.sources ?? []) {
    if (source.secret) {
      const label = opts.projectedOptional ? "Optional:" : "SecretOptionalName:";
      const value = opts.projectedOptional
        ? source.secret.optional === true
        : rawBool(source.secret.optional);
      w.write(LEVEL_2, `SecretName:\t${source.secret.name ?? ""}\n    ${label}\t${value}\n`);
    } else if (source.downwardAPI) {
      w.write(LEVEL_2, "DownwardAPI:\ttrue\n");
    } else if (source.configMap) {
      const label = opts.projectedOptional ? "Optional:" : "ConfigMapOptional:";
      const value = opts.projectedOptional
        ? source.configMap.optional === true
        : rawBool(source.configMap.optional);
      w.write(LEVEL_2, `ConfigMapName:\t${source.configMap.name ?? ""}\n    ${label}\t${value}\n`);
    } else if (source.serviceAccountToken) {
      w.write(LEVEL_2, `TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds ?? 3600}\n`);
    }
  }
}

/** `printCSIPersistentVolumeAttributesMultilineIndent` — including its quirk of indenting continuation lines by
 * two LEVEL_2 prefixes. */
function printCsiAttributes(w: Writer, attributes: StringMap): void {
  w.write(LEVEL_2, "VolumeAttributes:\t");
  const keys = goSortStrings(Object.keys(attributes ?? {}));
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_2, "");
      w.write(LEVEL_2, "\t");
    }
    const line = `${key}=${attributes![key]}`;
    w.write(
      LEVEL_2,
      byteLength(line) > MAX_ANNOTATION_LEN ? `${byteSlice(line, MAX_ANNOTATION_LEN)}...\n` : `${line}\n`,
    );
  });
}

/** `printPersistentVolumeClaim(w, pvc, false)` for an ephemeral volume's claim template. */
function printClaimTemplate(w: Writer, meta: ObjectMeta | undefined, spec: AnyRecord): void {
  const annotations = meta?.annotations ?? {};
  const storageClass =
    (spec.storageClassName as string | undefined) ??
    annotations["volume.beta.kubernetes.io/storage-class"] ??
    "";
  w.write(LEVEL_0, `StorageClass:\t${storageClass}\n`);
  const volumeName = (spec.volumeName as string | undefined) ?? "";
  w.write(LEVEL_0, `Volume:\t${volumeName}\n`);
  printLabelsMultiline(w, "Labels", meta?.labels);
  printAnnotationsMultiline(w, "Annotations", meta?.annotations);
  // Without a bound volume, capacity and access modes print empty.
  w.write(LEVEL_0, "Capacity:\t\n");
  w.write(LEVEL_0, "Access Modes:\t\n");
  if (spec.volumeMode !== undefined) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
  const ds = spec.dataSource as AnyRecord | undefined;
  if (ds !== undefined) {
    w.write(LEVEL_0, "DataSource:\n");
    if (ds.apiGroup !== undefined) w.write(LEVEL_1, `APIGroup:\t${ds.apiGroup}\n`);
    w.write(LEVEL_1, `Kind:\t${ds.kind}\n`);
    w.write(LEVEL_1, `Name:\t${ds.name}\n`);
  }
}
