// Package synthetic generates national-scale synthetic data: a promise
// document and its follow-up reports for every one of Sweden's 290
// municipalities, for tests, benchmarks and demonstrations that need more
// than the handful of real documents in examples/data.
//
// [Generate] returns one [followup.Bundle] per municipality, or per group
// of municipalities that share a lokalpolisområde and sign one citizen
// promise together (Stenungsund, Tjörn and Orust always do, as in the
// real 2023 promise). The same [Options] give the same bundles, byte for
// byte once encoded. Every document passes [promise.Document.Validate]
// and every report [followup.Report.Validate]. [Merge] joins the
// documents into one national document; [Count] counts what bundles hold.
// The command examples/synthetic/cmd/generate writes them as files.
//
// # What a bundle holds
//
// The parties: the municipality (its real kommunkod and name, "Strängnäs
// kommun", "Stockholms stad"), its lokalpolisområde under its real police
// region and Polismyndigheten, in a quarter of the bundles a räddningstjänst
// or housing company that signs, and partners that act without signing
// (nattvandrare, the county's public transport authority). The places:
// the municipality, its seat and one to five more towns and districts, a
// few sites (resecentrum, centrum, a square, a harbour) and two to five
// schools. Three to five focus areas, sources with https URLs on the
// municipality's site and polisen.se, one cooperation agreement per four
// years, and under it a citizen promise per year or per two years, each
// renewing the one before. A citizen promise has its basis (citizen
// dialogues, the joint situation picture, a survey or statistics), two to
// six promises, three to twelve activities written from templates of
// real ones (trygghetsvandringar, grannsamverkan, trafikkontroller,
// narkotikasök med hund, föräldraträffar, nattvandring, mopedinsatser,
// EST, Linköpingsmodellen, …) and an expected effect, usually with
// indicators. Targets come in every kind, in about the proportions of
// real promises: counts half of them, then milestones, continuing work,
// recurring work, coverage, indicators with a baseline and unmeasurable
// ones; a few activities have no target.
//
// The reports follow the reporting calendar: tertials (January–April
// reported in May, and so on), or half-years for some citizen promises.
// There is a report for every period that ended before [Options.AsOf],
// the last day of the data, if it was published by then. Most come from
// all parties together; for some citizen promises the police and the
// municipality report separately, each on its own share, and then
// sometimes disagree on a figure (4 against 5 trygghetsvandringar). They
// hold dated occurrences, running totals, indicator values, milestones
// reached, assessments of continuing and unmeasurable work, narratives,
// shortfalls with reasons and substitute activities, and results tied to
// no target. Now and then a report is missing or late, an activity is
// withdrawn, or work is done elsewhere than promised.
//
// # What is real and what is not
//
// The municipalities, their codes, names, seats and counties, the police
// regions, Polismyndigheten's organisationsnummer and the public transport
// authorities are real. Everything else is made up: the towns other than
// the seat ("Ekvik", "Rönnhult") and the schools are fictitious, though a
// name may by chance be real; people are common names drawn at random;
// URLs are built from the municipalities' names and need not resolve.
// Police areas group neighbours by kommunkod, within a county: real areas
// are drawn differently.
//
// # Sizes
//
// With the default options (seed 0, four years 2020–2023, one copy),
// measured with this version:
//
//   - 276 bundles for the 290 municipalities (10 bundles are joint);
//   - 789 citizen promises, 2,910 promises, 5,182 activities, 5,875
//     targets;
//   - 3,558 reports with 17,519 activity updates;
//   - 29,161,856 bytes as the command writes them, one indented file per
//     bundle (64–184 KB, median 107 KB); 14,849,888 bytes without the
//     reports (documents of 29–93 KB, median 53 KB: about 19 KB per
//     citizen promise, as real ones are 10–40 KB);
//   - 13,849,798 bytes for the merged national document.
//
// Generate takes about 0.3 seconds on two cores of a Xeon and allocates
// about 110 MB ("go test -bench Generate"). Encoding the JSON takes
// longer than generating it. [Options.Scale] makes k copies of the country,
// each with its own ids: k times the data.
//
// # Randomness
//
// All randomness comes from a PCG of math/rand/v2 seeded from
// [Options.Seed]; each bundle draws from its own PCG seeded in turn. Ids
// are shaped like version 7 UUIDs, with the timestamp of the day the
// entity was made (a citizen promise's id carries its signing date) and
// random bits from the PCG; uuid.NewV7 would read the clock.
package synthetic
