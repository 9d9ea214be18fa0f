// Validates Kubernetes objects against the API's JSON schemas (kubernetes-models) and the
// CloudNativePG CRDs (@kubernetes-models/cloudnative-pg). Input: a JSON array of objects.
// Output: one JSON line per object: {"id", "status": "ok" | "invalid" | "unknown", "message"}.
import { readFileSync } from "node:fs";

const objects = JSON.parse(readFileSync(process.argv[2], "utf8"));
for (const o of objects) {
  const id = `${o.kind}/${o.metadata?.name}`;
  const [group, version] = o.apiVersion.includes("/") ? o.apiVersion.split("/") : [null, o.apiVersion];
  const candidates = group
    ? [`kubernetes-models/${group}/${version}/${o.kind}`, `@kubernetes-models/cloudnative-pg/${group}/${version}/${o.kind}`]
    : [`kubernetes-models/${version}/${o.kind}`];
  let Model;
  for (const module of candidates) {
    try {
      Model = (await import(module))[o.kind];
      if (Model) break;
    } catch (e) {
      // not in this package
    }
  }
  if (!Model) {
    console.log(JSON.stringify({ id, status: "unknown", message: `no schema for ${o.apiVersion} ${o.kind}` }));
    continue;
  }
  try {
    new Model(o).validate();
    console.log(JSON.stringify({ id, status: "ok" }));
  } catch (e) {
    console.log(JSON.stringify({ id, status: "invalid", message: e.message }));
  }
}
