// The admin's Preview lands here: /preview/?content_type=pages.statementpage&token=… (see
// WAGTAIL_HEADLESS_PREVIEW in settings/base.py). The draft comes from /api/v2/preview/ and is
// rendered exactly as the published page would be, under a banner saying it is a preview.
import { api } from "../api.js";
import { h } from "../dom.js";
import { strings } from "../i18n.js";

export async function loadPreview(url, signal) {
  const token = url.searchParams.get("token") || "";
  const contentType = url.searchParams.get("content_type") || "";
  return api.preview(token, contentType, { signal });
}

export function previewBanner(doc) {
  return h("p", { class: "preview-banner", role: "status", dataset: { preview: "true" } }, strings(doc.locale).previewBanner);
}

export function previewRejected(ctx, error) {
  return h(
    "div",
    { class: "status-page", role: "alert", dataset: { status: String(error.status) } },
    h("h1", { tabindex: "-1" }, ctx.t.previewExpired),
    error.message ? h("p", {}, error.message) : null,
  );
}
