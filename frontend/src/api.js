// The delivery API client: one GET per call, never with credentials, errors as ApiError.
import config from "../config.js";

const base = config.apiBase.replace(/\/$/, "");

export class ApiError extends Error {
  constructor(message, { status = 0, problem = null, url = "" } = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status; // 0: the browser could not read an answer (network, CORS)
    this.problem = problem;
    this.url = url;
  }
}

export function apiUrl(path, params = {}) {
  const url = new URL(`${base}${path}`);
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(name, value);
  }
  return url.toString();
}

export async function getJSON(path, params = {}, { signal } = {}) {
  const url = apiUrl(path, params);
  let response;
  try {
    response = await fetch(url, {
      credentials: "omit",
      mode: "cors",
      headers: { Accept: "application/json" },
      signal,
    });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError(`Could not read ${url}: ${error.message}`, { url });
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(body?.detail || `${response.status} from ${url}`, {
      status: response.status,
      problem: body,
      url,
    });
  }
  return body;
}

const siteCache = new Map();

export const api = {
  page: (path, opts) => getJSON("/api/v2/pages/by-path/", { path }, opts),
  preview: (token, contentType, opts) =>
    getJSON("/api/v2/preview/", { token, content_type: contentType }, opts),
  site(locale, opts) {
    if (!siteCache.has(locale)) {
      const pending = getJSON("/api/v2/site/", { locale }, opts);
      pending.catch(() => siteCache.delete(locale));
      siteCache.set(locale, pending);
    }
    return siteCache.get(locale);
  },
  /** `section`: news, statements, in-focus or latest. */
  list: (section, params, opts) => getJSON(`/api/v2/${section}/`, params, opts),
  socialPosts: (params, opts) => getJSON("/api/v2/social-posts/", params, opts),
  members: (locale, opts) => getJSON("/api/partners/v1/members/", { locale }, opts),
  /** The news, statements and In Focus sections of one language, when the site's navigation
   * does not list them (their slugs differ per language, so they cannot be guessed). */
  sections: (locale, opts) =>
    getJSON(
      "/api/v2/pages/",
      { locale, type: "pages.NewsIndexPage,pages.StatementIndexPage,pages.InFocusIndexPage" },
      opts,
    ),
};
