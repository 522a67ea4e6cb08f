// Renders chatda's kustomizations with `kubectl kustomize` and checks what they render, offline:
//  - every object against the Kubernetes OpenAPI schema of its apiVersion/kind (kubernetes-models): types,
//    required fields, enums; an unknown apiVersion/kind is an error too;
//  - references inside one rendering: ConfigMap keys, selectors that select pods, named ports, the HPA's target,
//    a StatefulSet's headless Service, $(VAR) in args naming an env var of the container;
//  - the rules the pods are meant to keep: the "restricted" pod security profile, a read-only root filesystem,
//    CPU and memory requests and limits, probes, a preStop sleep shorter than the termination grace period;
//  - across renderings: every custom metric an HPA scales on is served by a Prometheus adapter rule.
// (The schemas don't reject unknown fields, so a misspelt field is caught only where a rule above needs it.)
//
//   node validate.mjs [KUSTOMIZATION_DIR...]    default: deploy/k8s/base, overlays/example, prometheus-adapter
// Exit code 0 when all is valid, 1 with one line per problem otherwise.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as models from "kubernetes-models";
import { parseAllDocuments, parse } from "yaml";

const k8sDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = path.resolve(k8sDir, "../..");
const defaultDirs = ["base", "overlays/example", "prometheus-adapter"].map((d) => path.join(k8sDir, d));

/** apiVersion/kind → model class, from everything kubernetes-models exports (groups → versions → classes; core: v1 → classes). */
function modelClasses(module = models, classes = new Map()) {
  for (const value of Object.values(module)) {
    if (typeof value === "function" && value.apiVersion && value.kind) {
      classes.set(`${value.apiVersion}/${value.kind}`, value);
    } else if (value && typeof value === "object") {
      modelClasses(value, classes);
    }
  }
  return classes;
}

function render(dir) {
  const text = execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return parseAllDocuments(text).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${dir}: ${doc.errors[0].message}`);
    return doc.toJS();
  }).filter((o) => o);
}

const nameOf = (o) => `${o.kind}/${o.metadata?.name}`;
const podTemplate = (o) => ["Deployment", "StatefulSet", "DaemonSet"].includes(o.kind) ? o.spec?.template : undefined;
const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);

function schemaProblems(objects, classes) {
  const problems = [];
  for (const o of objects) {
    const model = classes.get(`${o.apiVersion}/${o.kind}`);
    if (!model) {
      problems.push(`${nameOf(o)}: unknown apiVersion/kind ${o.apiVersion}/${o.kind}`);
      continue;
    }
    try {
      new model(o).validate();
    } catch (e) {
      problems.push(`${nameOf(o)}: ${e.message}`);
    }
  }
  return problems;
}

function referenceProblems(objects) {
  const problems = [];
  const find = (kind, name) => objects.find((o) => o.kind === kind && o.metadata?.name === name);
  const templates = objects.filter(podTemplate).map((o) => ({ owner: o, template: podTemplate(o) }));
  const podsSelectedBy = (selector) => templates.filter((t) => matches(selector, t.template.metadata?.labels));
  for (const o of objects) {
    const selector = o.kind === "Service" ? o.spec?.selector
      : ["PodDisruptionBudget"].includes(o.kind) ? o.spec?.selector?.matchLabels
      : o.kind === "NetworkPolicy" ? o.spec?.podSelector?.matchLabels : undefined;
    if (selector && podsSelectedBy(selector).length === 0) problems.push(`${nameOf(o)}: selects no pod template`);
    if (o.kind === "Service") {
      for (const port of o.spec?.ports ?? []) {
        if (typeof port.targetPort !== "string") continue;
        const named = podsSelectedBy(o.spec.selector).some((t) =>
          t.template.spec.containers.some((c) => (c.ports ?? []).some((p) => p.name === port.targetPort)));
        if (!named) problems.push(`${nameOf(o)}: targetPort ${port.targetPort} is no container port of its pods`);
      }
    }
    if (o.kind === "HorizontalPodAutoscaler") {
      const target = o.spec?.scaleTargetRef;
      if (!find(target?.kind, target?.name)) problems.push(`${nameOf(o)}: scales ${target?.kind}/${target?.name}, not rendered`);
    }
    if (o.kind === "StatefulSet") {
      const service = find("Service", o.spec?.serviceName);
      if (service?.spec?.clusterIP !== "None") problems.push(`${nameOf(o)}: serviceName ${o.spec?.serviceName} is no headless Service`);
    }
  }
  for (const { owner, template } of templates) {
    for (const c of template.spec?.containers ?? []) {
      const where = `${nameOf(owner)} container ${c.name}`;
      const env = new Set((c.env ?? []).map((e) => e.name));
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.configMapKeyRef;
        if (ref && !ref.optional && find("ConfigMap", ref.name)?.data?.[ref.key] === undefined) {
          problems.push(`${where}: env ${e.name} reads ConfigMap ${ref.name} key ${ref.key}, not rendered`);
        }
      }
      for (const arg of [...(c.command ?? []), ...(c.args ?? [])]) {
        for (const [, variable] of String(arg).matchAll(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g)) {
          if (!env.has(variable)) problems.push(`${where}: $(${variable}) in its arguments is no env var of it`);
        }
      }
      const ports = new Set((c.ports ?? []).map((p) => p.name));
      for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
        const port = c[probe]?.httpGet?.port ?? c[probe]?.tcpSocket?.port;
        if (typeof port === "string" && !ports.has(port)) problems.push(`${where}: ${probe} port ${port} is not named`);
      }
    }
  }
  return problems;
}

function podRuleProblems(objects) {
  const problems = [];
  for (const owner of objects.filter(podTemplate)) {
    const spec = podTemplate(owner).spec ?? {};
    const pod = spec.securityContext ?? {};
    if (!["RuntimeDefault", "Localhost"].includes(pod.seccompProfile?.type)) problems.push(`${nameOf(owner)}: no seccompProfile`);
    for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
      const where = `${nameOf(owner)} container ${c.name}`;
      const sc = c.securityContext ?? {};
      if (!(sc.runAsNonRoot ?? pod.runAsNonRoot)) problems.push(`${where}: may run as root (runAsNonRoot)`);
      if ((sc.runAsUser ?? pod.runAsUser) === 0) problems.push(`${where}: runs as uid 0`);
      if (sc.allowPrivilegeEscalation !== false) problems.push(`${where}: allowPrivilegeEscalation is not false`);
      if (!(sc.capabilities?.drop ?? []).includes("ALL")) problems.push(`${where}: capabilities not dropped (ALL)`);
      if (sc.readOnlyRootFilesystem !== true) problems.push(`${where}: root filesystem not read-only`);
      for (const kind of ["requests", "limits"]) {
        for (const resource of ["cpu", "memory"]) {
          if (c.resources?.[kind]?.[resource] === undefined) problems.push(`${where}: no ${resource} in resources.${kind}`);
        }
      }
      for (const probe of ["readinessProbe", "livenessProbe"]) {
        if (!c[probe]) problems.push(`${where}: no ${probe}`);
      }
      const sleep = c.lifecycle?.preStop?.exec?.command;
      const seconds = sleep?.[0] === "sleep" ? Number(sleep[1]) : c.lifecycle?.preStop?.sleep?.seconds;
      const grace = spec.terminationGracePeriodSeconds ?? 30;
      if (seconds !== undefined && !(seconds < grace)) {
        problems.push(`${where}: preStop sleeps ${seconds} s, not less than terminationGracePeriodSeconds ${grace}`);
      }
    }
  }
  return problems;
}

/** Custom metrics an HPA scales on that no rendered Prometheus adapter rule serves. */
function metricProblems(objects) {
  const served = new Set();
  for (const o of objects.filter((x) => x.kind === "ConfigMap" && x.data?.["config.yaml"])) {
    for (const rule of parse(o.data["config.yaml"])?.rules ?? []) {
      if (rule.name?.as) served.add(rule.name.as);
    }
  }
  const problems = [];
  for (const hpa of objects.filter((o) => o.kind === "HorizontalPodAutoscaler")) {
    for (const m of hpa.spec?.metrics ?? []) {
      const name = m.pods?.metric?.name ?? m.object?.metric?.name;
      if (name && !served.has(name)) problems.push(`${nameOf(hpa)}: metric ${name} is served by no adapter rule`);
    }
  }
  return problems;
}

const dirs = process.argv.length > 2 ? process.argv.slice(2).map((d) => path.resolve(d)) : defaultDirs;
const classes = modelClasses();
const everything = [];
let failed = false;
for (const dir of dirs) {
  const relative = path.relative(repoRoot, dir);
  const shown = relative.startsWith("..") ? dir : relative || ".";
  let objects;
  try {
    objects = render(dir);
  } catch (e) {
    console.log(`${shown}: does not render: ${(e.stderr || e.message).trim()}`);
    failed = true;
    continue;
  }
  everything.push(...objects);
  const problems = [...schemaProblems(objects, classes), ...referenceProblems(objects), ...podRuleProblems(objects)];
  const count = (n, what) => `${n} ${what}${n === 1 ? "" : "s"}`;
  console.log(`${shown}: ${count(objects.length, "object")}, ${problems.length === 0 ? "valid" : count(problems.length, "problem")}`);
  problems.forEach((p) => console.log(`  ${p}`));
  failed ||= problems.length > 0;
}
const metrics = metricProblems(everything);
if (metrics.length > 0) console.log("HPA custom metrics against the adapter rules:");
metrics.forEach((p) => console.log(`  ${p}`));
failed ||= metrics.length > 0;
console.log(failed ? "k8s manifests: INVALID" : `k8s manifests: ${dirs.length} kustomizations valid`);
process.exit(failed ? 1 : 0);
