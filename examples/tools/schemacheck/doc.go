// Package schemacheck checks that the published JSON Schema means the same
// to an independent validator as to package schema: ajv (JavaScript, with
// ajv-formats), run by Node on every example, the national synthetic data
// and the corpus of bad files (schema/testdata/bad), gives the verdict
// valid or invalid that schema.Decode gives for the schema's part. Run it
// with
//
//	make schemacheck
//
// which installs ajv into examples/tools/node first. The package holds
// only its test and verdicts.cjs, the Node script that runs ajv.
package schemacheck
