// HTTP helpers: every URL is relative to the page, so the viewer works behind a context path.

export class HttpError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/** Resolves a server path ("api/layers") against the page. */
export function url(path, params) {
  const u = new URL(path.replace(/^\//, ''), document.baseURI);
  if (params) {
    for (const [k, v] of Object.entries(params)) {
      if (v !== undefined && v !== null && v !== '') u.searchParams.set(k, String(v));
    }
  }
  return u.toString();
}

async function check(res) {
  if (res.ok) return res;
  let body = '';
  try { body = await res.text(); } catch { /* ignore */ }
  let message = `HTTP ${res.status}`;
  try {
    const j = JSON.parse(body);
    message = j.detail || j.title || j.message || j.description || message;
  } catch { if (body && body.length < 300) message += ': ' + body; }
  throw new HttpError(res.status, message, body);
}

/** GET JSON. */
export async function getJson(path, params, init) {
  const res = await fetch(url(path, params), { headers: { Accept: 'application/json' }, ...init });
  return (await check(res)).json();
}

/** GET text (SVG, CSV). */
export async function getText(path, params, accept) {
  const res = await fetch(url(path, params), { headers: { Accept: accept || '*/*' } });
  return (await check(res)).text();
}

/** POST JSON, answer JSON. */
export async function postJson(path, body, params) {
  const res = await fetch(url(path, params), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return (await check(res)).json();
}

/**
 * Runs an OGC API process as a job (POST /ogcapi/processes/{id}/execution, 201 with the status),
 * polls the job every 0.5 s (at most `maxMs`) reporting its progress (%), and answers its result
 * as JSON with the job's id as `jobID` (for the CSV/XLSX downloads of /ogcapi/jobs/{id}/results).
 */
export async function runJob(process, inputs, onProgress = () => {}, maxMs = 600000) {
  let status = await postJson(`ogcapi/processes/${encodeURIComponent(process)}/execution`, { inputs });
  const job = status.jobID;
  const until = performance.now() + maxMs;
  while (status.status === 'accepted' || status.status === 'running') {
    if (performance.now() > until) throw new Error(`job ${job}: still ${status.status} after ${maxMs / 1000} s`);
    onProgress(status.progress ?? 0);
    await new Promise((r) => { setTimeout(r, 500); });
    status = await getJson(`ogcapi/jobs/${encodeURIComponent(job)}`);
  }
  if (status.status !== 'successful') throw new Error(`job ${job}: ${status.status} ${status.message || ''}`.trim());
  const result = await getJson(`ogcapi/jobs/${encodeURIComponent(job)}/results`, null, { headers: { Accept: 'application/geo+json, application/json' } });
  return { ...result, jobID: job };
}
