// verdicts.cjs validates exchange files with ajv, a JSON Schema validator
// independent of the one package schema uses, and prints one line of JSON
// per file: {"file", "valid", "errors"}.
//
// Usage: node verdicts.cjs NODE_DIR SCHEMA_DIR < list of files, one a line
//
// NODE_DIR holds node_modules with ajv and ajv-formats (make ajv installs
// them into examples/tools/node); SCHEMA_DIR holds the *.schema.json files.
// A file is validated against the schema its "$schema" names, and against
// the promise document's when it names none of them, as the Go test does.
"use strict";

const fs = require("fs");
const path = require("path");
const { createRequire } = require("module");

const [nodeDir, schemaDir] = process.argv.slice(2);
if (!nodeDir || !schemaDir) {
  console.error("usage: node verdicts.cjs NODE_DIR SCHEMA_DIR < files");
  process.exit(2);
}
const req = createRequire(path.join(path.resolve(nodeDir), "package.json"));
const Ajv2020 = req("ajv/dist/2020").default;
const addFormats = req("ajv-formats").default;

// strict: every keyword of the schemas must be one ajv knows, and every
// format one it implements, so that nothing is silently ignored.
const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, allErrors: false });
addFormats(ajv);

const base = "https://medborgarlofte.se/schema/1/";
for (const name of ["common", "promise-document", "followup-report", "bundle"]) {
  const file = path.join(schemaDir, name + ".schema.json");
  ajv.addSchema(JSON.parse(fs.readFileSync(file, "utf8")), base + name + ".schema.json");
}
const kinds = ["promise-document", "followup-report", "bundle"].map((k) => base + k + ".schema.json");
const validators = new Map(kinds.map((url) => [url, ajv.getSchema(url)]));

const files = fs.readFileSync(0, "utf8").split("\n").filter((l) => l !== "");
for (const file of files) {
  let valid = false;
  let errors = [];
  try {
    const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
    const data = JSON.parse(text);
    const url = data !== null && typeof data === "object" && !Array.isArray(data) && validators.has(data.$schema) ? data.$schema : kinds[0];
    const validate = validators.get(url);
    valid = validate(data);
    errors = (validate.errors || []).slice(0, 5).map((e) => `${e.instancePath || "(root)"}: ${e.schemaPath}: ${e.message}`.slice(0, 200));
  } catch (e) {
    errors = [String(e.message || e)];
  }
  process.stdout.write(JSON.stringify({ file, valid, errors }) + "\n");
}
