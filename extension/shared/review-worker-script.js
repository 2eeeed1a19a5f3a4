// The review Worker's script URL through the pages' Trusted Types policy: manifest.json requires Trusted Types for
// scripts (`require-trusted-types-for 'script'`), which Chrome and Firefox enforce on the Worker constructor. The
// policy passes the one URL it was first given (review-worker.js) and refuses any other.

let policy = null;

/** `url` (a string), as the Worker constructor accepts it under the pages' CSP. */
export function reviewWorkerScript(url) {
  policy ??= globalThis.trustedTypes?.createPolicy('stratege-review-worker', {
    createScriptURL: (candidate) => {
      if (candidate !== url) throw new TypeError(`not the review Worker: ${candidate}`);
      return candidate;
    },
  }) ?? { createScriptURL: (candidate) => candidate };
  return policy.createScriptURL(url);
}
